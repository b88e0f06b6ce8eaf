import { createRequire } from 'node:module';
import type { DemoCity } from '../../core/catalog/demo-catalog.js';
import { STATE_CODES } from '../../core/geo/census.js';

interface ZipCode {
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

/** The demo catalog covers the 50 states and DC; Puerto Rico and the territories are left to real imports. */
const DEMO_STATES = new Set(STATE_CODES.filter((code) => code !== 'PR'));

let cached: DemoCity[] | undefined;

/**
 * Words that mark a ZIP code's "city" as a firm, an office or a base rather than a place: the list gives unique
 * ZIP codes the name of their holder ("Shared Firm Zip", "Parcel Return Service", "First Union Bank").
 */
const NOT_A_PLACE =
  /\b(bank|banks|inc|co|corp|company|firm|firms|zip|brm|dept|service|services|facility|fulfill\w*|return|returns|reply|mail|insurance|assoc|club|airlines|lending|a f b|jrb|medical center)\b|[&/0-9]/i;
/** Two or more one-letter words in a row ("J B P H H", "U S A F Academy"): initials, not a name. */
const INITIALS = /\b[a-z] [a-z]\b/i;

/**
 * Whether a ZIP code's city reads as a place name. ZIP codes that the list places at a point rounded to two
 * decimals are unique ZIP codes (a firm, a PO box, an abbreviation such as "Atl" or "Bham"); they are left out
 * before this, so this only catches the holders' names that come with precise coordinates.
 */
export function looksLikePlaceName(city: string): boolean {
  return /^[A-Z][A-Za-z.' -]*[A-Za-z]$/.test(city) && !NOT_A_PLACE.test(city) && !INITIALS.test(city);
}

/** At most two decimals in both coordinates: how the list places its unique (firm and PO-box) ZIP codes. */
function roundedPoint(zip: ZipCode): boolean {
  const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;
  return decimals(zip.latitude) <= 2 && decimals(zip.longitude) <= 2;
}

/**
 * One entry per city and state from the `zipcodes` package (~42,000 U.S. ZIP codes), placed at the mean of
 * its ZIP codes' coordinates and weighted by how many ZIP codes it has — a rough, free proxy for population,
 * so the demo catalog puts more programs where more people live. Sorted by state, then city. Unique ZIP codes
 * (firms, PO boxes, abbreviations: "Decorative Craft Ideas", "Atl") are left out, so every city is a place.
 */
export function demoCities(): DemoCity[] {
  cached ??= buildDemoCities(loadZipCodes());
  return cached;
}

export function buildDemoCities(zipCodes: Iterable<ZipCode>): DemoCity[] {
  const byCity = new Map<string, { city: string; state: string; lat: number; lon: number; zips: number }>();
  for (const zip of zipCodes) {
    if (zip.country !== 'US' || !DEMO_STATES.has(zip.state)) continue;
    if (!Number.isFinite(zip.latitude) || !Number.isFinite(zip.longitude)) continue;
    if (roundedPoint(zip) || !looksLikePlaceName(zip.city)) continue;
    const key = `${zip.state}|${zip.city.toLowerCase()}`;
    const entry = byCity.get(key);
    if (entry === undefined) {
      byCity.set(key, { city: zip.city, state: zip.state, lat: zip.latitude, lon: zip.longitude, zips: 1 });
    } else {
      entry.lat += zip.latitude;
      entry.lon += zip.longitude;
      entry.zips++;
    }
  }
  return [...byCity.values()]
    .map(({ city, state, lat, lon, zips }) => ({
      city,
      state,
      latitude: Math.round((lat / zips) * 10_000) / 10_000,
      longitude: Math.round((lon / zips) * 10_000) / 10_000,
      weight: zips,
    }))
    .sort((a, b) => compare(a.state, b.state) || compare(a.city, b.city));
}

/** Code-unit order, not locale order: the list (and so the seeded demo catalog) is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `zipcodes` is CommonJS without types; its data object is read through require and checked by shape. */
function loadZipCodes(): ZipCode[] {
  const require = createRequire(import.meta.url);
  const { codes } = require('zipcodes') as { codes: Record<string, unknown> };
  return Object.values(codes).filter(isZipCode);
}

function isZipCode(value: unknown): value is ZipCode {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.city === 'string' &&
    typeof record.state === 'string' &&
    typeof record.country === 'string' &&
    typeof record.latitude === 'number' &&
    typeof record.longitude === 'number'
  );
}
