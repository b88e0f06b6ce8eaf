import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root, found from this file whether it runs from src/ (tsx) or dist/ (built). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'matchwise') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the matchwise package root');
    dir = parent;
  }
}
