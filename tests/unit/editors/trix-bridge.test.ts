// @vitest-environment happy-dom
/** Trix bridge: cursor targets and attachments are skipped, block comments and trailing <br>s read right. */
import { afterEach, describe, expect, test } from 'vitest';
import { trix } from '../../../lib/editors/trix';
import { bridgeFor } from '../../../lib/editors/index';

// Real Trix sets contenteditable="" (editable in browsers); happy-dom only honours "true".
function mount(inner: string): HTMLElement {
  document.body.innerHTML = `<trix-editor contenteditable="true" role="textbox" input="reply">${inner}</trix-editor>`;
  return document.querySelector('trix-editor') as HTMLElement;
}

afterEach(() => { document.body.innerHTML = ''; });

describe('trix bridge', () => {
  test('reads blocks, line breaks and lists; skips cursor targets and attachments', () => {
    const root = mount(
      '<div><!--block-->Please calm down<br>as I said<br><br></div>' +
      '<div><!--block-->See <span data-trix-cursor-target="left" data-trix-serialize="false">\ufeff</span>' +
      '<figure contenteditable="false" data-trix-attachment="{}" class="attachment"><figcaption class="attachment__caption">invoice.pdf</figcaption></figure>' +
      '<span data-trix-cursor-target="right" data-trix-serialize="false">\ufeff</span> attached</div>' +
      '<ul><li><!--block-->That’s our policy</li></ul>',
    );
    const snap = trix.create(root).read();
    expect(snap.text).toBe('Please calm down\nas I said\n\nSee  attached\nThat’s our policy');
    const at = snap.text.indexOf('as I said');
    expect(snap.rangeFor(at, at + 9)?.toString()).toBe('as I said');
  });

  test('is found from inside the editor', () => {
    const root = mount('<div><!--block--><strong>Hi</strong></div>');
    const bridge = bridgeFor(root.querySelector('strong') as HTMLElement);
    expect(bridge?.kind).toBe('trix');
    expect(bridge?.element).toBe(root);
  });
});
