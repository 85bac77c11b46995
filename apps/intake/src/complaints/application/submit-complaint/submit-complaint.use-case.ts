import { EventTypes, type ComplaintSubmittedData } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import {
  IdempotencyKeyReused,
  RateLimited,
  ReporterDetailsMissing,
} from '../../domain/intake-errors';
import { missingReporterFields, type Submission } from '../../domain/submission';
import { hashTrackingToken, newTrackingId, newTrackingToken } from '../../domain/tracking';
import type {
  Clock,
  IdempotencyClaim,
  IdempotencyRecord,
  IntakeTransactions,
  RateLimit,
  SecretBox,
} from '../ports';
import type { SubmitComplaintCommand, SubmitComplaintResult } from './submit-complaint.command';

export interface SubmitComplaintSettings {
  readonly idempotencyKeyTtlMs: number;
}

/** What taking a reporter's allowance gave: either a refusal, or a way to give it back. */
type Allowance =
  | { readonly allowed: true; readonly refund: () => void }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Accepts a submission: the complaint and its `submitted` event commit together, and a retried
 * request (same Idempotency-Key, same body) gets the first answer instead of a second complaint.
 * Concurrent retries are serialised by the key's unique index.
 *
 * Everything the answer holds is decided before the database is asked, so the common case is one
 * statement: claim the key with its answer, insert the submission, append the event. A retry
 * finds the key held, writes nothing and gets the stored answer.
 */
export class SubmitComplaint {
  constructor(
    private readonly transactions: IntakeTransactions,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly settings: SubmitComplaintSettings,
    private readonly reporterRateLimit?: RateLimit,
  ) {}

  async execute(command: SubmitComplaintCommand): Promise<SubmitComplaintResult> {
    const missing = missingReporterFields(command.input);
    if (missing.length > 0) throw new ReporterDetailsMissing(missing);

    const now = this.clock.now();
    const trackingToken = newTrackingToken();
    const submission: Submission = {
      ...command.input,
      complaintId: randomUUID(),
      trackingId: newTrackingId(),
      trackingTokenHash: hashTrackingToken(trackingToken),
      status: 'pending_verification',
      submittedAt: now,
    };
    const result = {
      complaintId: submission.complaintId,
      trackingId: submission.trackingId,
      status: submission.status,
      submittedAt: now.toISOString(),
    };
    const key = command.idempotencyKey;
    const idempotency: IdempotencyClaim | undefined =
      key === undefined
        ? undefined
        : {
            key,
            fingerprint: command.fingerprint,
            expiresAt: new Date(now.getTime() + this.settings.idempotencyKeyTtlMs),
            response: { ...result, sealedTrackingToken: this.secrets.seal(trackingToken) },
          };

    // Counted only for new submissions: a retry that gets the first answer costs nothing, so
    // what a retry took is given back, and a refused request is still answered if it is a retry.
    const allowance = this.takeReporterAllowance(command, now);
    if (!allowance.allowed) return this.refuseUnlessRetry(idempotency, allowance.retryAfterSeconds);

    let submitted = false;
    try {
      submitted = await this.transactions.submit({
        submission,
        event: {
          type: EventTypes.ComplaintSubmitted,
          subject: submission.complaintId,
          region: submission.regionCode,
          data: submittedEventData(submission),
        },
        ...(idempotency !== undefined ? { idempotency } : {}),
      });
    } finally {
      if (!submitted) allowance.refund();
    }
    if (submitted || key === undefined) return { ...result, trackingToken, replayed: false };
    return this.replay(await this.transactions.findIdempotencyRecord(key), command.fingerprint);
  }

  /**
   * The reporter is over their allowance: a retry of an earlier submission still gets its answer
   * (or a 422 for another body under its key), anything else is refused. The claim blocks
   * behind a first request still in flight under the same key, and is rolled back.
   */
  private async refuseUnlessRetry(
    idempotency: IdempotencyClaim | undefined,
    retryAfterSeconds: number,
  ): Promise<SubmitComplaintResult> {
    if (idempotency === undefined) throw new RateLimited('reporter', retryAfterSeconds);
    return this.transactions.run(async (tx) => {
      if (await tx.claimIdempotencyKey(idempotency)) {
        throw new RateLimited('reporter', retryAfterSeconds);
      }
      return this.replay(await tx.findIdempotencyRecord(idempotency.key), idempotency.fingerprint);
    });
  }

  private replay(record: IdempotencyRecord | null, fingerprint: string): SubmitComplaintResult {
    if (!record || record.fingerprint !== fingerprint || !record.response) {
      throw new IdempotencyKeyReused();
    }
    const { sealedTrackingToken, ...response } = record.response;
    return { ...response, trackingToken: this.secrets.open(sealedTrackingToken), replayed: true };
  }

  private takeReporterAllowance(command: SubmitComplaintCommand, now: Date): Allowance {
    const limit = this.reporterRateLimit;
    const reporter = command.input.reporter;
    const nowMs = now.getTime();
    const taken: string[] = [];
    const refund = (): void => {
      for (const key of taken) limit?.refund(key, nowMs);
    };
    if (!limit || !reporter) return { allowed: true, refund };
    const keys = [
      ...(reporter.phone !== undefined ? [`phone:${reporter.phone}`] : []),
      ...(reporter.email !== undefined ? [`email:${reporter.email.toLowerCase()}`] : []),
    ];
    for (const key of keys) {
      const decision = limit.take(key, nowMs);
      if (!decision.allowed) {
        refund();
        return decision;
      }
      taken.push(key);
    }
    return { allowed: true, refund };
  }
}

function submittedEventData(s: Submission): ComplaintSubmittedData {
  // The intake topic is internal: the verifier (and the reporter's own notifications) need the
  // identity an anonymous reporter chose to give; agency-facing topics never carry it.
  const reporter = !s.reporter
    ? undefined
    : {
        ...(s.reporter.name !== undefined ? { name: s.reporter.name } : {}),
        ...(s.reporter.email !== undefined ? { email: s.reporter.email } : {}),
        ...(s.reporter.phone !== undefined ? { phone: s.reporter.phone } : {}),
        ...(s.reporter.nationalId !== undefined ? { nationalId: s.reporter.nationalId } : {}),
      };
  return {
    complaintId: s.complaintId,
    trackingId: s.trackingId,
    type: s.type,
    channel: s.channel,
    title: s.title,
    body: s.body,
    ...(s.category !== undefined ? { category: s.category } : {}),
    ...(s.occurredAt !== undefined ? { occurredAt: s.occurredAt } : {}),
    location: {
      regionCode: s.regionCode,
      ...(s.address !== undefined ? { address: s.address } : {}),
      ...(s.lat !== undefined && s.lon !== undefined ? { lat: s.lat, lon: s.lon } : {}),
    },
    ...(s.targetAgency !== undefined ? { targetAgency: s.targetAgency } : {}),
    privacy: s.privacy,
    language: s.language,
    ...(reporter && Object.keys(reporter).length > 0 ? { reporter } : {}),
    attachments: (s.attachments ?? []).map((a) => ({ ...a })),
    submittedAt: s.submittedAt.toISOString(),
  };
}
