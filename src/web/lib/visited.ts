const KEY = 'matchwise.reviewedPrograms';

/** Whether the applicant has opened the Programs page with programs in it (kept in this browser only). */
export function hasReviewedPrograms(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

export function markProgramsReviewed(): void {
  try {
    globalThis.localStorage?.setItem(KEY, 'yes');
  } catch {
    // Storage can be disabled; the checklist then just keeps suggesting a review.
  }
}
