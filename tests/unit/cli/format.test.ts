import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/analysis/types';
import { escapeHtml, highlightRow } from '../../../lib/cli/audit-html';
import { lineColumn } from '../../../lib/cli/human';
import { parseJsonlLine } from '../../../lib/cli/check';

const finding = (text: string, phrase: string): Finding => {
  const start = text.indexOf(phrase);
  return { ruleId: 'x/y', category: 'x', severity: 'low', start, end: start + phrase.length, text: phrase, message: '', suggestions: [], fixes: [] };
};

describe('lineColumn', () => {
  it('counts lines from 1 and columns in UTF-16 units from 1', () => {
    const text = 'ab\n😀 cd\nef';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('cd'))).toEqual({ line: 2, column: 4 });
    expect(lineColumn(text, text.indexOf('ef'))).toEqual({ line: 3, column: 1 });
  });
});

describe('audit HTML helpers', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks the flagged words exactly and escapes the rest', () => {
    const text = '<b>Note</b>: please read the manual & retry';
    expect(highlightRow(text, [finding(text, 'read the manual')])).toBe(
      '&lt;b&gt;Note&lt;/b&gt;: please <mark title="x/y">read the manual</mark> &amp; retry',
    );
  });

  it('cuts a long row to windows around its findings', () => {
    const text = `${'filler words here. '.repeat(100)}please read the manual now. ${'more filler. '.repeat(100)}`;
    const html = highlightRow(text, [finding(text, 'read the manual')]);
    expect(html.length).toBeLessThan(400);
    expect(html).toMatch(/^… .*<mark title="x\/y">read the manual<\/mark>.* …$/);
  });
});

describe('parseJsonlLine', () => {
  it('keeps the id on a line with a bad text field and null on unparseable lines', () => {
    expect(parseJsonlLine(Buffer.from('{"id":"t-1","text":["a"]}'), 4)).toEqual({ id: 't-1', error: 'line 4: "text" must be a string, not an array' });
    expect(parseJsonlLine(Buffer.from('{"id":'), 5)).toMatchObject({ id: null, error: expect.stringMatching(/^line 5: not valid JSON/) });
    expect(parseJsonlLine(Buffer.from('{"text":"hi"}'), 1)).toEqual({ id: null, text: 'hi', context: {} });
  });
});
