/** Types for the `stable-marriage` npm package (plain CommonJS, ships none), as far as the benchmark uses it. */
declare module 'stable-marriage' {
  export class Person {
    constructor(name: string);
    name: string;
    fiance?: Person | null;
    generatePreferences(preferences: Person[]): void;
  }
  export function stableMarriage(boys: Person[]): Person[];
  const stableMarriagePackage: { Person: typeof Person; stableMarriage: typeof stableMarriage };
  export default stableMarriagePackage;
}
