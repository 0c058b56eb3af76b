/**
 * Client rectangles for a span of a textarea's text, measured with a hidden mirror element that copies
 * the textarea's box and text styles (textareas have no DOM text to make a Range from).
 */

/** The styles that decide where text wraps and sits inside a textarea. */
const MIRRORED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth',
  'borderLeftWidth', 'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle',
  'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'textAlign',
  'textTransform', 'textIndent', 'textDecoration', 'letterSpacing', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordBreak',
  'overflowWrap', 'direction', 'writingMode',
] as const;

/**
 * Viewport rectangles (like `Range.getClientRects()`) covering `el.value[start, end)`, one or more per
 * visual line, clipped to nothing when scrolled out of view is NOT applied: callers clip to the textarea box.
 */
export function rectsForTextareaSpan(el: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): DOMRect[] {
  const doc = el.ownerDocument;
  const view = doc.defaultView ?? window;
  const style = view.getComputedStyle(el);
  const mirror = doc.createElement('div');
  for (const prop of MIRRORED) mirror.style[prop] = style[prop];
  const isInput = el.tagName === 'INPUT';
  mirror.style.whiteSpace = isInput ? 'pre' : 'pre-wrap';
  if (!isInput) mirror.style.overflowWrap = style.overflowWrap || 'break-word';
  mirror.style.position = 'fixed';
  mirror.style.visibility = 'hidden';
  mirror.style.pointerEvents = 'none';
  mirror.style.overflow = 'hidden';
  mirror.style.margin = '0';
  // Scrollbars take width from the content box: keep the mirror's content width equal to the textarea's.
  const box = el.getBoundingClientRect();
  const scrollbar = el.offsetWidth - el.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  if (scrollbar > 0) mirror.style.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
  mirror.style.left = `${box.left}px`;
  mirror.style.top = `${box.top}px`;
  const value = el.value;
  mirror.appendChild(doc.createTextNode(value.slice(0, start)));
  const span = doc.createElement('span');
  span.textContent = value.slice(start, end);
  mirror.appendChild(span);
  // Trailing text keeps the wrapping of the last line identical.
  mirror.appendChild(doc.createTextNode(value.slice(end) || '\u200b'));
  (doc.body ?? doc.documentElement).appendChild(mirror);
  try {
    mirror.scrollTop = el.scrollTop;
    mirror.scrollLeft = el.scrollLeft;
    const dx = -el.scrollLeft + mirror.scrollLeft;
    const dy = -el.scrollTop + mirror.scrollTop;
    return Array.from(span.getClientRects(), (r) => new view.DOMRect(r.left + dx, r.top + dy, r.width, r.height));
  } finally {
    mirror.remove();
  }
}
