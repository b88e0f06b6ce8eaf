import stableMarriagePackage from 'stable-marriage';

const { Person } = stableMarriagePackage;
type PackagePerson = InstanceType<typeof Person>;

/**
 * The `stable-marriage` package's Person objects for a one-to-one market given as rank lists (applicant → program
 * ids, program → applicant ids). It stores engagements on them, so every timed run needs a fresh set.
 */
export function stableMarriagePeople(
  applicantPrefs: readonly Int32Array[],
  programPrefs: readonly Int32Array[],
): { boys: PackagePerson[]; girls: PackagePerson[] } {
  const boys = applicantPrefs.map((_, i) => new Person(`a${i}`));
  const girls = programPrefs.map((_, i) => new Person(`p${i}`));
  boys.forEach((boy, i) => {
    boy.generatePreferences(Array.from(applicantPrefs[i] as Int32Array, (p) => girls[p] as PackagePerson));
  });
  girls.forEach((girl, i) => {
    girl.generatePreferences(Array.from(programPrefs[i] as Int32Array, (a) => boys[a] as PackagePerson));
  });
  return { boys, girls };
}
