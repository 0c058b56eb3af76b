/**
 * Where a span of a composer's draft is on screen, in the top frame's viewport coordinates.
 */
import type { EditorBridge, DraftSnapshot } from '@/lib/editors/types';
import type { Box } from '@/lib/ui/page/model';

/** Offset of the composer's document inside the top frame (same-origin iframes only). */
export function frameOffset(el: HTMLElement): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && win !== window.top && win.frameElement) {
    const frame = win.frameElement as HTMLElement;
    const r = frame.getBoundingClientRect();
    x += r.left + frame.clientLeft;
    y += r.top + frame.clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return { x, y };
}

/** The box the composer occupies (its iframe for iframe editors), in top-frame coordinates (frames nest). */
export function composerBox(el: HTMLElement): Box {
  const frame = el.ownerDocument !== document ? (el.ownerDocument.defaultView?.frameElement as HTMLElement | null) : null;
  const target = el.tagName === 'BODY' && frame ? frame : el;
  const r = target.getBoundingClientRect();
  const { x, y } = frameOffset(target);
  return { left: r.left + x, top: r.top + y, width: r.width, height: r.height };
}

const visible = (r: { width: number; height: number }) => r.width > 0 && r.height > 0;

/** Client rects of text[start, end), clipped to the composer's visible area; [] when scrolled out of view. */
export function spanRects(bridge: EditorBridge, snapshot: DraftSnapshot, start: number, end: number): Box[] {
  const el = bridge.element;
  const raw = snapshot.rects(start, end);
  const { x, y } = frameOffset(el);
  const clip = el.tagName === 'BODY' ? null : el.getBoundingClientRect();
  const out: Box[] = [];
  for (const r of raw.filter(visible)) {
    // Merge the duplicate rects browsers report for element + text boxes on the same line.
    if (out.some((o) => Math.abs(o.left - (r.left + x)) < 1 && Math.abs(o.top - (r.top + y)) < 1)) continue;
    if (clip && (r.top + r.height < clip.top || r.top > clip.bottom)) continue;
    out.push({ left: r.left + x, top: r.top + y, width: r.width, height: r.height });
  }
  return out;
}

/** True when the point (top-frame viewport coordinates) is on one of the boxes (with a little slack below for the underline). */
export function hits(boxes: Box[], px: number, py: number): boolean {
  return boxes.some((b) => px >= b.left - 1 && px <= b.left + b.width + 1 && py >= b.top - 1 && py <= b.top + b.height + 4);
}
