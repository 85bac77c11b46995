import type { ReporterIdentity } from '@salur/contracts';
import { createHash } from 'node:crypto';
import { wordsOf } from './disposition-rules';

/** How alike two texts must be to count as the same matter. */
export const SAME_REPORTER_SIMILARITY = 0.5;
export const ANY_REPORTER_SIMILARITY = 0.85;

/**
 * Who reported, as a key that says nothing about them: a hash of the normalised email, phone or
 * NIK, whichever they gave first. Null for a reporter who gave none.
 */
export function reporterKeyOf(reporter: ReporterIdentity | null | undefined): string | null {
  const identity =
    reporter?.email?.trim().toLowerCase() ?? reporter?.phone?.trim() ?? reporter?.nationalId;
  if (!identity) return null;
  return createHash('sha256').update(`salur-reporter:${identity}`).digest('hex');
}

function significantWords(text: string): Set<string> {
  return new Set(wordsOf(text).filter((word) => word.length >= 3));
}

/** Jaccard similarity of the significant words (three letters or more) of two texts, 0 to 1. */
export function textSimilarity(a: string, b: string): number {
  const left = significantWords(a);
  const right = significantWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

export interface DuplicateCandidate {
  readonly complaintId: string;
  readonly trackingId: string;
  readonly reporterKey: string | null;
  readonly title: string;
  readonly body: string;
}

export interface DuplicateMatch {
  readonly original: DuplicateCandidate;
  readonly sameReporter: boolean;
  readonly similarity: number;
}

/**
 * The earlier complaint this one repeats, among open complaints about the same regency/city
 * within the window: by the same reporter with a similar text, or by anyone with a nearly
 * identical one. The most similar wins; null when none qualifies.
 */
export function findDuplicate(
  complaint: { readonly reporterKey: string | null; readonly title: string; readonly body: string },
  candidates: readonly DuplicateCandidate[],
): DuplicateMatch | null {
  let best: DuplicateMatch | null = null;
  const text = `${complaint.title} ${complaint.body}`;
  for (const candidate of candidates) {
    const similarity = textSimilarity(text, `${candidate.title} ${candidate.body}`);
    const sameReporter =
      complaint.reporterKey !== null && candidate.reporterKey === complaint.reporterKey;
    const qualifies = sameReporter
      ? similarity >= SAME_REPORTER_SIMILARITY
      : similarity >= ANY_REPORTER_SIMILARITY;
    if (qualifies && (best === null || similarity > best.similarity)) {
      best = { original: candidate, sameReporter, similarity };
    }
  }
  return best;
}
