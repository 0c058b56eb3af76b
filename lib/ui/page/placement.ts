/**
 * Where the suggestion card goes. It must never cover the flagged words or the draft's first line (what the
 * agent is reading as they choose), and it keeps clear of the customer's latest message when it can (what they
 * are answering). Beside the composer when there is room, else under the phrase, else above the draft; on a
 * short window the card gets the room there is and scrolls inside rather than covering the draft.
 */
import type { Box } from './model';

export const CARD_WIDTH = 340;
/** Below this much height a card that scrolls is worse than one over the customer's message. */
const MIN_ROOM = 180;
const GAP = 8;

export interface PlacementInput {
  /** The flagged words' rects (the first is where the card is anchored). */
  phrase: Box[];
  composer: Box;
  firstLine?: Box;
  customer?: Box;
  viewport: { width: number; height: number };
  /** The card's rendered height. */
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card must scroll inside to stay clear. */
  maxHeight?: number;
}

interface Candidate {
  left: number;
  top: number;
  room: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

export function cardPlacement({ phrase, composer, firstLine, customer, viewport, height }: PlacementInput): Placement {
  const vw = viewport.width;
  const vh = viewport.height;
  const anchor = phrase[0];
  const phraseTop = Math.min(...phrase.map((r) => r.top));
  const phraseBottom = Math.max(...phrase.map((r) => r.top + r.height));
  const clampLeft = (x: number) => Math.max(GAP, Math.min(x, vw - CARD_WIDTH - GAP));
  const clampTop = (y: number) => Math.max(GAP, Math.min(y, vh - height - GAP));
  const candidates: Candidate[] = [];
  // Beside the composer: covers nothing of the draft or the thread above it.
  const right = composer.left + composer.width + GAP;
  if (right + CARD_WIDTH <= vw - GAP) candidates.push({ left: right, top: clampTop(anchor.top - 12), room: vh - 2 * GAP });
  const left = composer.left - GAP - CARD_WIDTH;
  if (left >= GAP) candidates.push({ left, top: clampTop(anchor.top - 12), room: vh - 2 * GAP });
  // Under the phrase: covers only the lines after it.
  const below = phraseBottom + GAP;
  candidates.push({ left: clampLeft(anchor.left), top: below, room: vh - GAP - below });
  // Above the phrase and the draft's first line.
  const aboveEdge = Math.min(phraseTop, firstLine?.top ?? phraseTop) - GAP;
  const aboveRoom = aboveEdge - GAP;
  candidates.push({ left: clampLeft(anchor.left), top: aboveEdge - Math.min(height, aboveRoom), room: aboveRoom });

  const must = [...phrase, ...(firstLine ? [firstLine] : [])];
  const boxOf = (c: Candidate): Box => ({ left: c.left, top: c.top, width: CARD_WIDTH, height: Math.min(height, c.room) });
  const clear = (c: Candidate) => !must.some((m) => overlaps(boxOf(c), m));
  const spares = (c: Candidate) => !customer || !overlaps(boxOf(c), customer);
  const fits = (c: Candidate) => c.room >= height;
  const pick =
    candidates.find((c) => clear(c) && fits(c) && spares(c)) ??
    candidates.find((c) => clear(c) && c.room >= MIN_ROOM && spares(c)) ??
    candidates.find((c) => clear(c) && fits(c)) ??
    candidates.filter(clear).sort((a, b) => b.room - a.room)[0];
  if (!pick || pick.room < 80) {
    // Nowhere clear (a tiny window): the old place, inside the viewport.
    return { left: clampLeft(anchor.left), top: clampTop(below) };
  }
  return { left: pick.left, top: pick.top, ...(pick.room < height && { maxHeight: pick.room }) };
}
