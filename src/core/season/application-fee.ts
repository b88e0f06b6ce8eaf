import { costOfNth } from '../smartpick/fee-schedule.js';
import type { FeeSchedule } from '../smartpick/model-parameters.js';
import type { Application } from './application.js';

export interface ApplicationFee {
  /** What this application costs under the schedule. */
  dollars: number;
  /** Which application of the season it is in the specialty (1 for the first), which sets the fee. */
  nth: number;
}

/**
 * The fee of applying to `acgmeId` now: ERAS prices by how many programs of one specialty you have applied to, so
 * the nth application costs the schedule's marginal fee at n. Applications already sent count (a withdrawn one was
 * still paid for); saved ones do not.
 *
 * @example feeOnApplying(applications, '1201200001', ERAS_2026_FEE_SCHEDULE) // { dollars: 11, nth: 3 }
 */
export function feeOnApplying(
  applications: readonly Application[],
  acgmeId: string,
  schedule: FeeSchedule,
): ApplicationFee {
  const sent = applications.filter((a) => a.acgmeId !== acgmeId && a.appliedOn !== null).length;
  const nth = sent + 1;
  return { dollars: costOfNth(nth, schedule), nth };
}
