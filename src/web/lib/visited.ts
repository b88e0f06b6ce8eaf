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

const LIST_KEY = 'matchwise.builtList';

/** Whether the applicant has seen a SmartPick list in this browser (for the Home checklist). */
export function hasBuiltList(): boolean {
  try {
    return globalThis.localStorage?.getItem(LIST_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function markListBuilt(): void {
  try {
    globalThis.localStorage?.setItem(LIST_KEY, 'yes');
  } catch {
    // Storage can be disabled; the checklist then keeps suggesting the step.
  }
}
