// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readText } from '../../../lib/editors/offsets';

function host(html: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = html;
  document.body.appendChild(el);
  return el;
}

/** What a Range covers, as the reader would see it: no block separators, fillers dropped, NBSP as space. */
const covered = (r: Range | null) => (r ? r.toString().replace(/[\u200b\u2060\ufeff]/g, '').replace(/\u00a0/g, ' ') : null);

describe('readText: text with one newline between blocks', () => {
  test.each([
    ['paragraphs', '<p>Hi Sam,</p><p>Thanks</p>', 'Hi Sam,\nThanks'],
    ['empty paragraph in between', '<p>a</p><p><br></p><p>b</p>', 'a\n\nb'],
    ['leading empty paragraph', '<p><br></p><p>b</p>', '\nb'],
    ['trailing empty paragraph', '<p>a</p><p><br></p>', 'a\n'],
    ['nested list items', '<p>x</p><ul><li><p>one</p></li><li><p>two</p></li></ul><p>y</p>', 'x\none\ntwo\ny'],
    ['divs (Chrome contenteditable)', '<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['hard break inside a block', '<p>a<br>b</p>', 'a\nb'],
    ['trailing <br> placeholder is not a line', '<p>a<br></p><p>b</p>', 'a\nb'],
    ['two trailing <br>s make one empty line', '<p>a<br><br></p><p>c</p>', 'a\n\nc'],
    ['inline formatting', '<p>Hel<b>lo</b> w<i>or<u>l</u>d</i></p>', 'Hello world'],
    ['text beside blocks', '<div>a<p>b</p>c</div>', 'a\nb\nc'],
    ['source whitespace between blocks', '<p>a</p>\n    <p>b</p>\n', 'a\nb'],
    ['non-editable chrome', '<ol><li><span contenteditable="false">1.</span>first</li></ol>', 'first'],
    ['zero-width fillers', '<p>a\u200bb\u2060\u2060c\ufeff</p>', 'abc'],
    ['NBSP reads as a space', '<p>a\u00a0 b\u00a0</p>', 'a  b '],
    ['scripts and styles', '<p>a<style>p{}</style><script>1</script>b</p>', 'ab'],
    ['emoji and curly quotes', '<p>That’s “ok” 👍🏽</p>', 'That’s “ok” 👍🏽'],
    ['empty editor', '', ''],
    ['only a placeholder break', '<p><br></p>', ''],
  ])('%s', (_name, html, want) => {
    expect(readText(host(html)).text).toBe(want);
  });

  test('custom skip option drops editor widgets', () => {
    const el = host('<p>a<span class="widget">[x]</span>b</p>');
    expect(readText(el, { skip: (e) => e.classList.contains('widget') }).text).toBe('ab');
  });
});

describe('rangeFor maps offsets back to the DOM', () => {
  test('span inside formatted text', () => {
    const el = host('<p>Hel<b>lo</b> w<i>orld</i></p>');
    const map = readText(el);
    expect(covered(map.rangeFor(3, 8))).toBe('lo wo');
    expect(covered(map.rangeFor(0, 11))).toBe('Hello world');
  });

  test('a span starting at a block start begins in that block, not at the end of the previous one', () => {
    const el = host('<p>ab</p><p>cd</p>');
    const map = readText(el);
    const r = map.rangeFor(3, 5)!;
    expect(r.startContainer.textContent).toBe('cd');
    expect(r.startOffset).toBe(0);
    expect(covered(r)).toBe('cd');
    // A span ending at a block end ends in that block.
    const first = map.rangeFor(0, 2)!;
    expect(first.endContainer.textContent).toBe('ab');
    expect(first.endOffset).toBe(2);
  });

  test('fillers inside the span are skipped in the offsets but kept in the DOM', () => {
    const el = host('<p>a\u200bbc</p>');
    const map = readText(el);
    expect(map.text).toBe('abc');
    const r = map.rangeFor(1, 2)!;
    expect(r.startOffset).toBe(2); // after the filler
    expect(r.toString()).toBe('b');
  });

  test('a span across a block boundary covers both blocks', () => {
    const el = host('<p>ab</p><ul><li>cd</li></ul>');
    const r = readText(el).rangeFor(1, 4);
    expect(covered(r)).toBe('bc');
  });

  test('invalid spans give null; empty editors give a caret', () => {
    const map = readText(host('<p>ab</p>'));
    expect(map.rangeFor(2, 1)).toBeNull();
    expect(map.rangeFor(0, 9)).toBeNull();
    expect(readText(host('')).rangeFor(0, 0)).not.toBeNull();
  });

  test('round trip: every in-line span of generated documents maps to exactly its text', () => {
    // Deterministic generator: blocks of inline runs with formatting, fillers, breaks, lists, empty lines.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const words = ['calm', 'down', 'I’ll', '“fix”', '🙂', 'ok', 'a\u200b', 'b\u00a0c'];
    const inline = () => {
      const n = 1 + Math.floor(rand() * 4);
      let s = '';
      for (let i = 0; i < n; i++) {
        const w = words[Math.floor(rand() * words.length)] + (rand() < 0.5 ? ' ' : '');
        const r = rand();
        s += r < 0.2 ? `<b>${w}</b>` : r < 0.3 ? `<span><i>${w}</i></span>` : r < 0.35 ? `${w}<br>` : w;
      }
      return s;
    };
    for (let doc = 0; doc < 30; doc++) {
      let html = '';
      const blocks = 1 + Math.floor(rand() * 5);
      for (let b = 0; b < blocks; b++) {
        const r = rand();
        html += r < 0.15 ? '<p><br></p>' : r < 0.35 ? `<ul><li>${inline()}</li><li><p>${inline()}</p></li></ul>` : `<p>${inline()}</p>`;
      }
      const el = host(html);
      const map = readText(el);
      const text = map.text;
      for (let i = 0; i <= text.length; i++) {
        for (let j = i; j <= text.length; j++) {
          const slice = text.slice(i, j);
          const r = map.rangeFor(i, j);
          expect(r, `${html} [${i},${j})`).not.toBeNull();
          expect(covered(r), `${html} [${i},${j})`).toBe(slice.replace(/\n/g, ''));
        }
      }
      el.remove();
    }
  }, 30_000);
});
