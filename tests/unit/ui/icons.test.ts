// The extension icon: one PNG per manifest size in public/icon/, each really that size (read from the PNG header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const PNG_SIGNATURE = '89504e470d0a1a0a';

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('extension icon', () => {
  it.each([16, 32, 48, 128])('public/icon/%i.png is a %i px square PNG', (size) => {
    expect(pngSize(join(root, `public/icon/${size}.png`))).toEqual({ width: size, height: size });
  });

  it('the SVG source is a square drawing with a title', () => {
    const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 128 128"/);
    expect(svg).toMatch(/<title>Attune<\/title>/);
  });
});
