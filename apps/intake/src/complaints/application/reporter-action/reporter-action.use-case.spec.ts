import type { EventType, NewEvent } from '@salur/contracts';
import { ComplaintNotFound, ReporterActionNotAllowed } from '../../domain/intake-errors';
import { hashTrackingToken } from '../../domain/tracking';
import type { TimelineEntry } from '../../domain/timeline';
import type { ComplaintForAction, ReporterActionTransaction } from '../ports';
import { ActAsReporter } from './reporter-action.use-case';

const TOKEN = 'reporter-token-0123456789abcdef';
const now = new Date('2026-11-29T03:00:00Z');

function harness(complaint: Partial<ComplaintForAction> = {}) {
  const published: NewEvent<unknown, EventType>[] = [];
  const timeline: TimelineEntry[] = [];
  const pending: number[] = [];
  const stored: ComplaintForAction = {
    complaintId: '5d0c7f0e-3c1a-4f7e-9b1e-1a2b3c4d5e6f',
    trackingTokenHash: hashTrackingToken(TOKEN),
    regionCode: '64.71',
    agency: 'pemda-64.71',
    status: 'responded',
    respondedAt: new Date('2026-11-27T03:00:00Z'),
    closedAt: null,
    stateVersion: 4,
    decisionPendingAt: null,
    ...complaint,
  };
  const tx: ReporterActionTransaction = {
    lockByTrackingId: (id) => Promise.resolve(id === 'SLR-AAAA-BBBB-CCCC' ? stored : null),
    markDecisionPending: (_id, version) => {
      pending.push(version);
      return Promise.resolve();
    },
    addTimelineEntry: (entry) => {
      timeline.push(entry);
      return Promise.resolve();
    },
    publish: (event) => {
      published.push(event);
      return Promise.resolve();
    },
  };
  const useCase = new ActAsReporter(
    { run: (work) => work(tx) },
    { now: () => now },
    { reopenWindowMs: 10 * 86_400_000 },
  );
  return { useCase, published, timeline, pending };
}

describe('ActAsReporter', () => {
  it('publishes the confirmation with its timeline entry and marks the decision pending', async () => {
    const { useCase, published, timeline, pending } = harness();
    const result = await useCase.execute({
      action: 'confirm',
      trackingId: 'SLR-AAAA-BBBB-CCCC',
      trackingToken: TOKEN,
      rating: 5,
      comment: 'Cepat',
    });
    expect(result).toEqual({
      trackingId: 'SLR-AAAA-BBBB-CCCC',
      action: 'confirm',
      status: 'responded',
      acceptedAt: now.toISOString(),
    });
    expect(published).toEqual([
      {
        type: 'salur.complaint.reporter-confirmed.v1',
        subject: '5d0c7f0e-3c1a-4f7e-9b1e-1a2b3c4d5e6f',
        region: '64.71',
        agency: 'pemda-64.71',
        data: {
          complaintId: '5d0c7f0e-3c1a-4f7e-9b1e-1a2b3c4d5e6f',
          rating: 5,
          comment: 'Cepat',
          confirmedAt: now.toISOString(),
        },
      },
    ]);
    expect(timeline.map((e) => [e.kind, e.detail])).toEqual([
      ['reporter-confirmed', { rating: 5, comment: 'Cepat' }],
    ]);
    expect(pending).toEqual([4]);
  });

  it('treats a wrong token like an unknown tracking id', async () => {
    const { useCase, published } = harness();
    await expect(
      useCase.execute({
        action: 'reply',
        trackingId: 'SLR-AAAA-BBBB-CCCC',
        trackingToken: 'someone-else',
        message: 'hi',
        attachments: [],
      }),
    ).rejects.toBeInstanceOf(ComplaintNotFound);
    expect(published).toEqual([]);
  });

  it('refuses what the status does not allow, naming the current status', async () => {
    const { useCase, published } = harness({ status: 'in_progress', respondedAt: null });
    const refusal = useCase.execute({
      action: 'reopen',
      trackingId: 'SLR-AAAA-BBBB-CCCC',
      trackingToken: TOKEN,
      reason: 'masih rusak',
    });
    await expect(refusal).rejects.toBeInstanceOf(ReporterActionNotAllowed);
    await expect(refusal).rejects.toMatchObject({ details: { currentStatus: 'in_progress' } });
    expect(published).toEqual([]);
  });
});
