import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { iconFiles } from '../src/web/static/icons/draw-icon.js';
import { repoRoot } from '../tests/support/paths.js';

// `npm run icons:static`: redraws the static edition's icons into src/web/static/public/ (see draw-icon.ts).
const publicDir = path.join(repoRoot, 'src', 'web', 'static', 'public');
for (const [name, content] of Object.entries(iconFiles())) {
  writeFileSync(path.join(publicDir, name), content);
  console.log(`wrote ${path.relative(repoRoot, path.join(publicDir, name))}`);
}
