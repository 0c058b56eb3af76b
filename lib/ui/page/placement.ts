/**
 * Where the suggestion card goes. It must never cover the flagged words or the draft's first line (what the
 * agent is reading as they choose), every button must be in view (a card scrolled inside hid "Turn off this
 * rule" and Close), and it keeps clear of the customer's latest message when it can (what they are answering).
 * Beside the composer when there is room, else under the phrase, else above the draft; where the narrow card is
 * too tall for the room, the wide one (two columns, shorter) is tried in the same places. Only when neither fits
 * anywhere clear does the card get the room there is and scroll inside (heading and actions stay in view).
 */
import type { Box } from './model';

export const CARD_WIDTH = 340;
/** The wide card (two columns): for a short window, where the narrow one is too tall for the room. */
export const WIDE_CARD_WIDTH = 640;
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
  /** The wide card's width and height (two columns), when the window has room for it. */
  wide?: { width: number; height: number };
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card must scroll inside to stay clear. */
  maxHeight?: number;
  /** Set when the wide card (two columns) is the one placed. */
  width?: number;
}

interface Candidate {
  left: number;
  top: number;
  room: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

export function cardPlacement({ phrase, composer, firstLine, customer, viewport, height, wide }: PlacementInput): Placement {
  const vw = viewport.width;
  const vh = viewport.height;
  const anchor = phrase[0];
  const phraseTop = Math.min(...phrase.map((r) => r.top));
  const phraseBottom = Math.max(...phrase.map((r) => r.top + r.height));
  const clampLeft = (x: number, w: number) => Math.max(GAP, Math.min(x, vw - w - GAP));
  const clampTop = (y: number, h: number) => Math.max(GAP, Math.min(y, vh - h - GAP));
  const below = phraseBottom + GAP;
  const aboveEdge = Math.min(phraseTop, firstLine?.top ?? phraseTop) - GAP;
  const aboveRoom = aboveEdge - GAP;
  /** Under the phrase (covers only the lines after it), then above the phrase and the draft's first line. */
  const aboveAndBelow = (w: number, h: number): Candidate[] => [
    { left: clampLeft(anchor.left, w), top: below, room: vh - GAP - below, width: w, height: h },
    { left: clampLeft(anchor.left, w), top: aboveEdge - Math.min(h, aboveRoom), room: aboveRoom, width: w, height: h },
  ];
  const narrow: Candidate[] = [];
  // Beside the composer: covers nothing of the draft or the thread above it.
  const right = composer.left + composer.width + GAP;
  const side = { top: clampTop(anchor.top - 12, height), room: vh - 2 * GAP, width: CARD_WIDTH, height };
  if (right + CARD_WIDTH <= vw - GAP) narrow.push({ left: right, ...side });
  const left = composer.left - GAP - CARD_WIDTH;
  if (left >= GAP) narrow.push({ left, ...side });
  narrow.push(...aboveAndBelow(CARD_WIDTH, height));
  const wideOnes = wide && wide.width > CARD_WIDTH && wide.width <= vw - 2 * GAP ? aboveAndBelow(wide.width, wide.height) : [];
  const candidates = [...narrow, ...wideOnes];

  const must = [...phrase, ...(firstLine ? [firstLine] : [])];
  const boxOf = (c: Candidate): Box => ({ left: c.left, top: c.top, width: c.width, height: Math.min(c.height, c.room) });
  const clear = (c: Candidate) => !must.some((m) => overlaps(boxOf(c), m));
  const spares = (c: Candidate) => !customer || !overlaps(boxOf(c), customer);
  const fits = (c: Candidate) => c.room >= c.height;
  // A whole card over the customer's message beats one that hides its buttons in a scroll: the agent can still
  // read the message after closing it, but can't use what they can't see.
  const pick =
    candidates.find((c) => clear(c) && fits(c) && spares(c)) ??
    candidates.find((c) => clear(c) && fits(c)) ??
    // Else the one that hides least (the wide card often scrolls less), the heading and actions kept in view.
    candidates.filter(clear).sort((a, b) => Math.max(0, a.height - a.room) - Math.max(0, b.height - b.room) || b.room - a.room)[0];
  if (!pick || pick.room < 80) {
    // Nowhere clear (a tiny window): the old place, inside the viewport.
    return { left: clampLeft(anchor.left, CARD_WIDTH), top: clampTop(below, height) };
  }
  return {
    left: pick.left,
    top: pick.top,
    ...(pick.room < pick.height && { maxHeight: pick.room }),
    ...(pick.width !== CARD_WIDTH && { width: pick.width }),
  };
}
