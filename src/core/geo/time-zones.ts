/**
 * A program's time zone from its state and city, so an interview is scheduled on the program's clock by default.
 *
 * Source: the U.S. time zone boundaries in 49 CFR part 71 (the Department of Transportation's zone
 * descriptions) and the IANA tz database's zone comments. Each state has its main zone (where most of its people
 * live); in the states split between two zones, the cities on the other side that host hospitals are listed by
 * name. A city not listed gets its state's main zone: the applicant sees the zone and can change it.
 */

/** The zone most of each state's population lives in (IANA names; Arizona keeps standard time all year). */
export const STATE_MAIN_TIME_ZONE: Readonly<Record<string, string>> = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise',
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago',
  KS: 'America/Chicago',
  KY: 'America/New_York',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago',
  TN: 'America/Chicago',
  TX: 'America/Chicago',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
  PR: 'America/Puerto_Rico',
};

/**
 * Cities in a split state that keep the other zone, by state (lower-case names). Only the split states are
 * here; a city missing from its list gets the state's main zone.
 */
export const CITY_TIME_ZONE_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The panhandle west of the Apalachicola River keeps Central time.
  FL: Object.fromEntries(
    ['pensacola', 'panama city', 'fort walton beach', 'destin', 'crestview', 'marianna', 'milton'].map(
      (city) => [city, 'America/Chicago'],
    ),
  ),
  // The counties near Chicago and near Evansville keep Central time.
  IN: Object.fromEntries(
    [
      'gary',
      'hammond',
      'east chicago',
      'munster',
      'merrillville',
      'crown point',
      'hobart',
      'valparaiso',
      'la porte',
      'michigan city',
      'evansville',
      'newburgh',
    ].map((city) => [city, 'America/Chicago']),
  ),
  // Western Kentucky keeps Central time.
  KY: Object.fromEntries(
    ['bowling green', 'paducah', 'owensboro', 'hopkinsville', 'madisonville', 'murray', 'glasgow'].map(
      (city) => [city, 'America/Chicago'],
    ),
  ),
  // East Tennessee keeps Eastern time.
  TN: Object.fromEntries(
    [
      'knoxville',
      'chattanooga',
      'johnson city',
      'kingsport',
      'bristol',
      'oak ridge',
      'morristown',
      'cleveland',
      'maryville',
      'greeneville',
    ].map((city) => [city, 'America/New_York']),
  ),
  // Four Upper Peninsula counties on the Wisconsin border keep Central time.
  MI: { 'iron mountain': 'America/Menominee', menominee: 'America/Menominee', ironwood: 'America/Menominee' },
  // West Texas around El Paso keeps Mountain time.
  TX: { 'el paso': 'America/Denver' },
  // The Panhandle keeps Mountain time; North Platte is Central.
  NE: { scottsbluff: 'America/Denver', gering: 'America/Denver', alliance: 'America/Denver' },
  ND: { dickinson: 'America/Denver', bowman: 'America/Denver' },
  SD: { 'rapid city': 'America/Denver', spearfish: 'America/Denver', sturgis: 'America/Denver' },
  KS: { goodland: 'America/Denver' },
  // The north of Idaho keeps Pacific time.
  ID: Object.fromEntries(
    ["coeur d'alene", 'lewiston', 'moscow', 'sandpoint', 'post falls'].map((city) => [
      city,
      'America/Los_Angeles',
    ]),
  ),
  OR: { ontario: 'America/Boise' },
};

/**
 * The program's zone: its city's when the city is a known exception in a split state, else its state's main zone;
 * null for a state it does not know (the caller keeps its own default).
 *
 * @example programTimeZone({ state: 'PA', city: 'Altoona' }) // 'America/New_York'
 * @example programTimeZone({ state: 'TN', city: 'Knoxville' }) // 'America/New_York' (Tennessee is mainly Central)
 */
export function programTimeZone(place: { state: string; city: string }): string | null {
  const state = place.state.trim().toUpperCase();
  const city = place.city.trim().toLowerCase().replace(/\s+/g, ' ');
  return CITY_TIME_ZONE_EXCEPTIONS[state]?.[city] ?? STATE_MAIN_TIME_ZONE[state] ?? null;
}
