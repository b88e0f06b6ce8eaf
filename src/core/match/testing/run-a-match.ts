/**
 * The NRMP's own worked example: "Run A Match", https://www.nrmp.org (Run-A-Match.pdf, "How the matching
 * algorithm works"). Five applicants, three programs with two positions each. Published result: Anderson and
 * Eastman at City, Chen at Mercy, Davis and Ford at General; Mercy keeps one position open.
 */
export const RUN_A_MATCH = {
  programs: [
    { id: 'Mercy', positions: 2, rankList: ['Chen', 'Ford'] },
    { id: 'City', positions: 2, rankList: ['Eastman', 'Anderson', 'Chen', 'Davis', 'Ford'] },
    { id: 'General', positions: 2, rankList: ['Eastman', 'Anderson', 'Ford', 'Davis'] },
  ],
  applicants: [
    { id: 'Anderson', rankList: ['City'] },
    { id: 'Chen', rankList: ['City', 'Mercy'] },
    { id: 'Ford', rankList: ['City', 'General', 'Mercy'] },
    { id: 'Davis', rankList: ['Mercy', 'City', 'General'] },
    { id: 'Eastman', rankList: ['City', 'Mercy', 'General'] },
  ],
};
