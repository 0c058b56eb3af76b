/**
 * mulberry32: a small seeded PRNG returning [0, 1). One copy for everything that must replay
 * exactly: model training (same data, same bytes) and the seeded editor runs in tests/e2e.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
