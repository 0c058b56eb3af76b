/**
 * Read an editable element's text together with an offset map back to the DOM.
 *
 * Text nodes are walked in document order; block boundaries become exactly one '\n' between blocks
 * (`innerText` is not used: it adds blank lines for paragraph margins and its offsets drift), a `<br>`
 * becomes '\n' unless it is the last thing in its line (editors add trailing `<br>`s as placeholders),
 * and editor chrome (non-editable widgets, zero-width fillers) is skipped. Non-breaking spaces read as
 * plain spaces (browsers insert them for trailing spaces); the length stays the same, so offsets hold.
 */
import type { DraftSnapshot } from './types';

/** Options for {@link readText}: what counts as editor chrome for a given editor family. */
export interface ReadOptions {
  /** Extra test for elements (and their subtrees) to skip, on top of the defaults. */
  skip?: (el: Element) => boolean;
  /** Characters dropped from text nodes (zero-width fillers). Must be a global regex. Default: ZWSP, WJ, BOM. */
  ignoreChars?: RegExp;
}

/** A DOM position: a node and an offset inside it. */
export interface DomPosition {
  node: Node;
  offset: number;
}

/** The text of an element with its offset map. */
export interface TextMap extends DraftSnapshot {
  /** DOM position for a text offset; `side` says whether it starts or ends a range (matters at block edges). */
  positionAt(offset: number, side: 'start' | 'end'): DomPosition | null;
  /** The text offset of a DOM position (the inverse of positionAt; a position between two segments maps to the next). */
  offsetAt(node: Node, offset: number): number;
}

type Segment =
  | { kind: 'text'; start: number; end: number; node: Text; nodeOffset: number }
  | { kind: 'break'; start: number; end: number; before: DomPosition; after: DomPosition };

/** Tags that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL', 'CAPTION',
]);

const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'svg', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const DEFAULT_IGNORED = /[\u200b\u2060\ufeff]/g;

/** Elements that are never part of the draft: non-editable widgets inside the editor, hidden helpers. */
export function isChrome(el: Element, root: Element): boolean {
  if (NEVER_TEXT.has(el.tagName)) return true;
  if (el.getAttribute('contenteditable') === 'false' && el !== root) return true;
  if (el.hasAttribute('data-attune-ignore')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && el !== root) return true;
  return false;
}

function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

function indexInParent(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** Whitespace that only formats the HTML source between blocks (not rendered in the editor). */
function isFormattingWhitespace(node: Text): boolean {
  const data = node.data;
  if (!/^[ \t\r\n]*$/.test(data) || !/[\r\n\t]/.test(data)) return false;
  const prev = node.previousSibling;
  const next = node.nextSibling;
  const blockish = (n: Node | null) => !n || (n.nodeType === 1 && isBlock(n as Element));
  return blockish(prev) && blockish(next);
}

/** Read `root`'s text with an offset map (see the module comment for the rules). */
export function readText(root: HTMLElement, options: ReadOptions = {}): TextMap {
  const ignore = options.ignoreChars ?? DEFAULT_IGNORED;
  const segments: Segment[] = [];
  let text = '';
  let lineHasContent = false;
  let needBreak = false;
  /** Brs seen in the current line, emitted only if more content follows in the same line. */
  let pendingBrs: Element[] = [];
  let lastPos: DomPosition = { node: root, offset: 0 };

  const pushBreak = (after: DomPosition) => {
    segments.push({ kind: 'break', start: text.length, end: text.length + 1, before: lastPos, after });
    text += '\n';
    lastPos = after;
    lineHasContent = false;
  };
  const flushBrs = () => {
    for (const br of pendingBrs) {
      const parent = br.parentNode!;
      const i = indexInParent(br);
      // Before the break: the end of the text before it, or just before the <br> when there is none.
      const before = lastPos.node === root && lastPos.offset === 0 ? { node: parent, offset: i } : lastPos;
      segments.push({ kind: 'break', start: text.length, end: text.length + 1, before, after: { node: parent, offset: i + 1 } });
      text += '\n';
      lastPos = { node: parent, offset: i + 1 };
    }
    pendingBrs = [];
  };
  /** A block edge: drop the trailing <br> of the line (a placeholder), keep the others. */
  const endLine = () => {
    if (pendingBrs.length) {
      pendingBrs.pop();
      flushBrs();
    }
  };

  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const t = node as Text;
      if (isFormattingWhitespace(t)) return;
      const data = t.data;
      // Split into runs of kept characters.
      const runs: { from: number; to: number }[] = [];
      let from = 0;
      ignore.lastIndex = 0;
      for (let m = ignore.exec(data); m; m = ignore.exec(data)) {
        if (m.index > from) runs.push({ from, to: m.index });
        from = m.index + m[0].length;
        if (m[0].length === 0) ignore.lastIndex++;
      }
      if (from < data.length) runs.push({ from, to: data.length });
      if (!runs.length) return;
      if (needBreak) { endLine(); pushBreak({ node: t, offset: runs[0].from }); needBreak = false; }
      flushBrs();
      for (const r of runs) {
        segments.push({ kind: 'text', start: text.length, end: text.length + (r.to - r.from), node: t, nodeOffset: r.from });
        text += data.slice(r.from, r.to).replace(/\u00a0/g, ' ');
      }
      lastPos = { node: t, offset: runs[runs.length - 1].to };
      lineHasContent = true;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isChrome(el, root) || options.skip?.(el)) return;
    if (el.tagName === 'BR') {
      if (needBreak) { endLine(); pushBreak({ node: el.parentNode!, offset: indexInParent(el) }); needBreak = false; }
      pendingBrs.push(el);
      return;
    }
    const block = isBlock(el);
    if (block) {
      endLine();
      if (needBreak || lineHasContent) pushBreak({ node: el, offset: 0 });
      needBreak = false;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block) {
      endLine();
      needBreak = true;
      lineHasContent = false;
    }
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c);
  endLine();

  const find = (offset: number, side: 'start' | 'end'): Segment | undefined => {
    // Binary search for the segment that holds the offset on this side.
    let lo = 0, hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (side === 'start' ? offset < s.start : offset <= s.start) hi = mid - 1;
      else if (side === 'start' ? offset >= s.end : offset > s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };

  const positionAt = (offset: number, side: 'start' | 'end'): DomPosition | null => {
    if (offset < 0 || offset > text.length) return null;
    if (!segments.length) return { node: root, offset: 0 };
    let seg = find(offset, side);
    if (!seg) {
      // Edge of the text: start at 0 → first segment start; end at length → last segment end.
      seg = offset === 0 ? segments[0] : segments[segments.length - 1];
      if (offset === 0) return seg.kind === 'text' ? { node: seg.node, offset: seg.nodeOffset } : seg.before;
      return seg.kind === 'text' ? { node: seg.node, offset: seg.nodeOffset + (seg.end - seg.start) } : seg.after;
    }
    if (seg.kind === 'text') return { node: seg.node, offset: seg.nodeOffset + (offset - seg.start) };
    return offset === seg.start ? seg.before : seg.after;
  };

  const rangeFor = (start: number, end: number): Range | null => {
    if (start > end) return null;
    const a = positionAt(start, 'start');
    const b = positionAt(end, 'end');
    if (!a || !b) return null;
    if (!root.isConnected && !a.node.isConnected) return null;
    try {
      const range = root.ownerDocument.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    } catch {
      return null; // the DOM changed under the map
    }
  };

  /** Where each segment begins (break segments twice: before and after their line break), in document order. */
  const anchors: { pos: DomPosition; offset: number; seg?: Segment & { kind: 'text' } }[] = [];
  for (const seg of segments) {
    if (seg.kind === 'text') anchors.push({ pos: { node: seg.node, offset: seg.nodeOffset }, offset: seg.start, seg });
    else anchors.push({ pos: seg.before, offset: seg.start }, { pos: seg.after, offset: seg.end });
  }

  const offsetAt = (node: Node, nodeOffset: number): number => {
    const doc = root.ownerDocument;
    let point: Range;
    try {
      point = doc.createRange();
      point.setStart(node, nodeOffset);
    } catch {
      return 0;
    }
    /** Is the anchor at or before the point? (False when it is not comparable: the DOM changed under the map.) */
    const atOrBefore = (a: DomPosition) => {
      try { return point.comparePoint(a.node, a.offset) <= 0; } catch { return false; }
    };
    // Binary search for the last anchor at or before the point.
    let lo = 0, hi = anchors.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (atOrBefore(anchors[mid].pos)) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found < 0) return 0;
    const { seg, offset } = anchors[found];
    if (!seg) return offset;
    // Inside the anchor's own text node: count characters; anywhere after it (chrome, a skipped node): its end.
    if (node === seg.node) return Math.min(seg.end, seg.start + Math.max(0, nodeOffset - seg.nodeOffset));
    return seg.end;
  };

  /** The document's selection as offsets, when it is inside the root. */
  const selection = (): { start: number; end: number } | null => {
    const sel = root.ownerDocument.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!root.contains(r.startContainer)) return null;
    const start = offsetAt(r.startContainer, r.startOffset);
    return { start, end: r.collapsed ? start : Math.max(start, offsetAt(r.endContainer, r.endOffset)) };
  };

  const rects = (start: number, end: number): DOMRect[] => {
    const range = rangeFor(start, end);
    return range ? Array.from(range.getClientRects()) : [];
  };

  return { text, rangeFor, rects, selection, positionAt, offsetAt };
}
