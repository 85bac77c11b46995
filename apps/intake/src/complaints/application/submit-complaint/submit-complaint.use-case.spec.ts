import { IdempotencyKeyReused, RateLimited } from '../../domain/intake-errors';
import { FixedWindowRateLimiter } from '../../domain/rate-limit';
import type { SubmissionInput } from '../../domain/submission';
import type {
  IdempotencyClaim,
  IdempotencyRecord,
  IntakeTransaction,
  IntakeTransactions,
  SubmissionWrite,
} from '../ports';
import { SubmitComplaint } from './submit-complaint.use-case';

const input: SubmissionInput = {
  type: 'complaint',
  channel: 'web',
  title: 'Jalan berlubang',
  body: 'Lubang besar di depan pasar',
  regionCode: '64.71',
  privacy: 'public',
  language: 'id',
  reporter: { name: 'Siti', phone: '+628123456789' },
};

/** Keys and submissions in memory, with the statement's all-or-nothing outcome. */
class MemoryIntake implements IntakeTransactions {
  readonly keys = new Map<string, IdempotencyRecord>();
  readonly writes: SubmissionWrite[] = [];

  run<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
    const claimed: string[] = [];
    return work({
      claimIdempotencyKey: (claim) => {
        const won = this.claim(claim);
        if (won) claimed.push(claim.key);
        return Promise.resolve(won);
      },
      findIdempotencyRecord: (key) => this.findIdempotencyRecord(key),
    }).catch((error: unknown) => {
      // Rolled back.
      for (const key of claimed) this.keys.delete(key);
      throw error;
    });
  }

  submit(write: SubmissionWrite): Promise<boolean> {
    if (write.idempotency && !this.claim(write.idempotency)) return Promise.resolve(false);
    this.writes.push(write);
    return Promise.resolve(true);
  }

  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return Promise.resolve(this.keys.get(key) ?? null);
  }

  private claim(claim: IdempotencyClaim): boolean {
    if (this.keys.has(claim.key)) return false;
    this.keys.set(claim.key, { fingerprint: claim.fingerprint, response: claim.response });
    return true;
  }
}

function setUp(perReporter: number) {
  const store = new MemoryIntake();
  const useCase = new SubmitComplaint(
    store,
    { seal: (plain) => `sealed:${plain}`, open: (sealed) => sealed.slice('sealed:'.length) },
    { now: () => new Date('2026-11-29T08:00:00Z') },
    { idempotencyKeyTtlMs: 86_400_000 },
    new FixedWindowRateLimiter(perReporter, 60_000),
  );
  return { store, useCase };
}

describe('SubmitComplaint', () => {
  it('writes the key with its answer, the submission and its event in one write', async () => {
    const { store, useCase } = setUp(5);
    const result = await useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'f1' });

    expect(result.replayed).toBe(false);
    expect(store.writes).toHaveLength(1);
    const [write] = store.writes;
    expect(write.submission.complaintId).toBe(result.complaintId);
    expect(write.event).toMatchObject({ subject: result.complaintId, region: '64.71' });
    expect(write.idempotency?.response).toEqual({
      complaintId: result.complaintId,
      trackingId: result.trackingId,
      status: 'pending_verification',
      submittedAt: '2026-11-29T08:00:00.000Z',
      sealedTrackingToken: `sealed:${result.trackingToken}`,
    });
  });

  it('answers a retry with the first answer, and the retry costs no allowance', async () => {
    const { store, useCase } = setUp(1);
    const first = await useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'f1' });
    const retry = await useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'f1' });

    expect(retry).toEqual({ ...first, replayed: true });
    expect(store.writes).toHaveLength(1);
    // The reporter's one allowance went to the first submission: a new one is refused...
    await expect(
      useCase.execute({ input, idempotencyKey: 'k2', fingerprint: 'f2' }),
    ).rejects.toBeInstanceOf(RateLimited);
    // ...while a retry of the first is still answered, and the refused key was not kept.
    await expect(
      useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'f1' }),
    ).resolves.toEqual({ ...first, replayed: true });
    expect([...store.keys.keys()]).toEqual(['k1']);
  });

  it('refuses another body under a used key, over the allowance or not', async () => {
    const { useCase } = setUp(1);
    await useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'f1' });
    await expect(
      useCase.execute({ input, idempotencyKey: 'k1', fingerprint: 'other' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('gives the allowance back when the write fails', async () => {
    const { store, useCase } = setUp(1);
    jest.spyOn(store, 'submit').mockRejectedValueOnce(new Error('connection lost'));
    await expect(useCase.execute({ input, fingerprint: 'f1' })).rejects.toThrow('connection lost');
    await expect(useCase.execute({ input, fingerprint: 'f1' })).resolves.toMatchObject({
      replayed: false,
    });
  });
});
