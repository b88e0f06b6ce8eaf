import { encodePng } from './png.js';

/**
 * The static edition's app icon, drawn from one shape: a white "M" on Matchwise blue. The SVG (favicon and
 * manifest "any" icon) and the PNGs browsers need to offer installing the app (192 and 512 px, and a maskable
 * 512 px whose letter sits inside the central safe circle) all come from here, so they cannot drift apart.
 * `npm run icons:static` writes them into public/; a test checks the committed files are what this draws.
 */

const VIEW = 512;
const BLUE = [0x1f, 0x5f, 0xa8] as const;
const CORNER = 112;

/** The letter as one polygon in the 512-unit square, centred on (256, 256): well inside the maskable safe circle. */
const LETTER: ReadonlyArray<readonly [number, number]> = [
  [136, 368],
  [136, 144],
  [196, 144],
  [256, 262],
  [316, 144],
  [376, 144],
  [376, 368],
  [320, 368],
  [320, 246],
  [272, 336],
  [240, 336],
  [192, 246],
  [192, 368],
];

export type IconShape = 'rounded' | 'maskable';

export function iconSvg(): string {
  const points = LETTER.map(([x, y]) => `${x} ${y}`).join(' L');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW} ${VIEW}">` +
    `<rect width="${VIEW}" height="${VIEW}" rx="${CORNER}" fill="#1f5fa8"/>` +
    `<path d="M${points}Z" fill="#fff"/></svg>\n`
  );
}

function insideLetter(x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = LETTER.length - 1; i < LETTER.length; j = i++) {
    const [xi, yi] = LETTER[i] as readonly [number, number];
    const [xj, yj] = LETTER[j] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER - x, x - (VIEW - CORNER), 0);
  const dy = Math.max(CORNER - y, y - (VIEW - CORNER), 0);
  return dx * dx + dy * dy <= CORNER * CORNER;
}

/** 4×4 samples a pixel: edges are antialiased by coverage, the same on every machine (integer arithmetic on counts). */
const SAMPLES = 4;

/**
 * The icon as a PNG of `size` pixels. A maskable icon fills the whole square (the platform cuts its own shape);
 * the plain one has the SVG's rounded corners, transparent outside.
 */
export function iconPng(size: number, shape: IconShape): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const scale = VIEW / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let letter = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          if (shape === 'rounded' && !insideRoundedSquare(x, y)) continue;
          if (insideLetter(x, y)) letter++;
          else background++;
        }
      }
      const covered = background + letter;
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        rgba[at + c] = Math.round(((BLUE[c] as number) * background + 255 * letter) / covered);
      }
      rgba[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, rgba);
}

/** Every icon file of public/, by name. */
export function iconFiles(): Record<string, string | Buffer> {
  return {
    'icon.svg': iconSvg(),
    'icon-192.png': iconPng(192, 'rounded'),
    'icon-512.png': iconPng(512, 'rounded'),
    'icon-maskable-512.png': iconPng(512, 'maskable'),
  };
}
