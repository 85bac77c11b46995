import { EventTypes, type ComplaintSubmittedData } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import {
  IdempotencyKeyReused,
  RateLimited,
  ReporterDetailsMissing,
} from '../../domain/intake-errors';
import { missingReporterFields, type Submission } from '../../domain/submission';
import { hashTrackingToken, newTrackingId, newTrackingToken } from '../../domain/tracking';
import type { Clock, IntakeTransactions, RateLimit, SecretBox } from '../ports';
import type { SubmitComplaintCommand, SubmitComplaintResult } from './submit-complaint.command';

export interface SubmitComplaintSettings {
  readonly idempotencyKeyTtlMs: number;
}

/**
 * Accepts a submission: the complaint and its `submitted` event commit in one transaction, and a
 * retried request (same Idempotency-Key, same body) gets the first answer instead of a second
 * complaint. Concurrent retries are serialised by the key's unique index.
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

    return this.transactions.run(async (tx) => {
      const now = this.clock.now();
      const key = command.idempotencyKey;
      if (key !== undefined) {
        const expiresAt = new Date(now.getTime() + this.settings.idempotencyKeyTtlMs);
        const claimed = await tx.claimIdempotencyKey(key, command.fingerprint, expiresAt);
        if (!claimed) {
          const record = await tx.findIdempotencyRecord(key);
          if (!record || record.fingerprint !== command.fingerprint || !record.response) {
            throw new IdempotencyKeyReused();
          }
          const { sealedTrackingToken, ...response } = record.response;
          return {
            ...response,
            trackingToken: this.secrets.open(sealedTrackingToken),
            replayed: true,
          };
        }
      }

      // Counted only for new submissions: a retry that gets the first answer costs nothing.
      this.takeReporterAllowance(command, now);

      const trackingToken = newTrackingToken();
      const submission: Submission = {
        ...command.input,
        complaintId: randomUUID(),
        trackingId: newTrackingId(),
        trackingTokenHash: hashTrackingToken(trackingToken),
        status: 'pending_verification',
        submittedAt: now,
      };
      await tx.insertSubmission(submission);
      await tx.publish({
        type: EventTypes.ComplaintSubmitted,
        subject: submission.complaintId,
        region: submission.regionCode,
        data: submittedEventData(submission),
      });
      const result = {
        complaintId: submission.complaintId,
        trackingId: submission.trackingId,
        status: submission.status,
        submittedAt: now.toISOString(),
      };
      if (key !== undefined) {
        await tx.completeIdempotencyKey(key, {
          ...result,
          sealedTrackingToken: this.secrets.seal(trackingToken),
        });
      }
      return { ...result, trackingToken, replayed: false };
    });
  }

  private takeReporterAllowance(command: SubmitComplaintCommand, now: Date): void {
    const limit = this.reporterRateLimit;
    const reporter = command.input.reporter;
    if (!limit || !reporter) return;
    const keys = [
      ...(reporter.phone !== undefined ? [`phone:${reporter.phone}`] : []),
      ...(reporter.email !== undefined ? [`email:${reporter.email.toLowerCase()}`] : []),
    ];
    for (const key of keys) {
      const decision = limit.take(key, now.getTime());
      if (!decision.allowed) throw new RateLimited('reporter', decision.retryAfterSeconds);
    }
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
