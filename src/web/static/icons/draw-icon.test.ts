import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconFiles, iconPng } from './draw-icon.js';

const publicDir = path.join(import.meta.dirname, '..', 'public');

/** Width, height and the RGBA pixel at (x, y) of a PNG this module wrote (one IDAT, filter 0 rows). */
function readPng(png: Buffer) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4).subarray(0, 4)];
  return { width, height, pixel };
}

describe('the static edition’s icons', () => {
  it('are committed exactly as draw-icon.ts draws them (npm run icons:static redraws them)', () => {
    for (const [name, content] of Object.entries(iconFiles())) {
      expect(readFileSync(path.join(publicDir, name)).equals(Buffer.from(content)), name).toBe(true);
    }
  });

  it('are PNGs of the sizes the manifest names, white letter on blue', () => {
    const icon = readPng(iconPng(192, 'rounded'));
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(icon.pixel(62, 112)).toEqual([255, 255, 255, 255]); // the letter's left stem
    expect(icon.pixel(96, 20)).toEqual([0x1f, 0x5f, 0xa8, 255]);
  });

  it('cut rounded corners in the plain icon and fill the square in the maskable one', () => {
    expect(readPng(iconPng(512, 'rounded')).pixel(2, 2)[3]).toBe(0);
    expect(readPng(iconPng(512, 'maskable')).pixel(2, 2)).toEqual([0x1f, 0x5f, 0xa8, 255]);
  });
});
