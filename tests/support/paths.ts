import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Real data beside the project (see ../shared/data/PROVENANCE.md); read in place, never copied. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const fmProgramsCsv = path.join(sharedDataDir, 'fm-programs-2019.csv');
export const webRoot = path.join(repoRoot, 'dist', 'web');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const has = (file: string) => existsSync(file);
