/**
 * The Match an applicant working today is in. MyERAS opens the first week of June and Match Day is the
 * third Friday in March (AAFP "Strolling Through the Match"), so from June on the next year's Match is the
 * one being applied to; before June, this year's.
 */
export function currentMatchYear(today: Date): number {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() >= 5 ? year + 1 : year;
}
