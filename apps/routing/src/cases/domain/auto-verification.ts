import type { Channel, ComplaintSubmittedData } from '@salur/contracts';

export interface AutoVerificationPolicy {
  /** Channels whose complete submissions skip manual triage; empty turns it off. */
  readonly trustedChannels: readonly Channel[];
}

/**
 * Whether a submission is verified without a verifier: it came through a trusted channel and is
 * complete — a category, a location, and a reporter who can be reached (a name and an email or
 * phone) — and does not address a specific agency. Anything else waits for a verifier.
 */
export function qualifiesForAutoVerification(
  s: ComplaintSubmittedData,
  policy: AutoVerificationPolicy,
): s is ComplaintSubmittedData & { category: string } {
  if (!policy.trustedChannels.includes(s.channel)) return false;
  if (s.category === undefined) return false;
  // The reporter addressed an agency: a verifier decides whether to honour that.
  if (s.targetAgency !== undefined) return false;
  const reporter = s.reporter;
  if (!reporter?.name) return false;
  return reporter.email !== undefined || reporter.phone !== undefined;
}
