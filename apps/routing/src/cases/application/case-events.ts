import type { EventType, NewEvent } from '@salur/contracts';
import { snapshotOf, type ComplaintCase } from '../domain/complaint-case';

/**
 * A `salur.complaint.*` event about a case: the full snapshot under `complaint`, plus what the
 * transition adds. `ce_agency` is the agency holding the case after the transition.
 */
export function caseEvent<T extends EventType>(
  type: T,
  c: ComplaintCase,
  extra: Record<string, unknown>,
): NewEvent<unknown, T> {
  return {
    type,
    subject: c.complaintId,
    ...(c.agency ? { agency: c.agency } : {}),
    region: c.regionCode,
    data: { complaint: snapshotOf(c), ...extra },
  };
}
