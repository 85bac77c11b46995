import {
  acknowledgeCase,
  allows,
  autoCloseCase,
  confirmCase,
  escalateCase,
  ExtensionRefused,
  forwardCase,
  grantExtension,
  IllegalTransition,
  isPostponed,
  MAX_POSTPONE_DAYS,
  openCase,
  postponeCase,
  PostponementRefused,
  recordReporterReply,
  rejectCase,
  reopenCase,
  requestInfo,
  respondCase,
  routeCase,
  snapshotOf,
  TRANSITIONS,
  TransitionRefused,
  verifyCase,
  type ComplaintCase,
  type LifecycleAction,
} from './complaint-case';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@salur/contracts';

const submittedAt = new Date('2026-11-02T01:00:00Z');
const at = new Date('2026-11-02T02:00:00Z');
const opened = openCase({
  complaintId: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  trackingId: 'SLR-7K3M-Q9TX-2B8D',
  regionCode: '64.71',
  category: 'infrastruktur',
  type: 'complaint',
  privacy: 'public',
  channel: 'web',
  title: 'Jalan berlubang',
  body: 'Lubang besar di depan pasar',
  submittedAt,
  reporter: { name: 'Siti', email: 'siti@example.test' },
});
const later = new Date('2026-11-05T02:00:00Z');
const balikpapan = { code: 'pemda-64.71', level: 'regency' as const };
const kaltim = { code: 'pemda-64', level: 'province' as const };
const pusat = { code: 'lapor-pusat', level: 'national' as const };

const verified = verifyCase(opened, { category: 'infrastruktur', type: 'complaint' }, at);
const routed = routeCase(verified, balikpapan, at);
const acknowledged = acknowledgeCase(routed, at);
const responded = respondCase(acknowledged, at);

/** A case in the given status, reached through the state machine. */
const inStatus: Record<ComplaintStatus, ComplaintCase> = {
  pending_verification: opened,
  rejected: rejectCase(opened, at),
  awaiting_follow_up: routed,
  in_progress: acknowledged,
  responded,
  closed: confirmCase(responded, 5, at),
};

/** Each action, applied with valid arguments. */
const apply: Record<LifecycleAction, (c: ComplaintCase) => unknown> = {
  verify: (c) => verifyCase(c, { category: 'infrastruktur', type: 'complaint' }, at),
  reject: (c) => rejectCase(c, at),
  postpone: (c) => postponeCase(c, { until: later, reason: 'needs_coordination', by: 'v-1' }, at),
  route: (c) => routeCase({ ...c, verifiedAt: at }, balikpapan, at),
  acknowledge: (c) => acknowledgeCase(c, at),
  'request info from': (c) => requestInfo({ ...c, awaitingReporter: false }, at),
  'record a reply on': (c) => c,
  extend: (c) => grantExtension({ ...c, type: 'information_request' }, 'running', at),
  respond: (c) => respondCase(c, at),
  forward: (c) => forwardCase(c, kaltim, at, { byVerifier: false }),
  escalate: (c) => escalateCase(c, kaltim, at),
  confirm: (c) => confirmCase(c, 4, at),
  'auto-close': (c) => autoCloseCase(c, at),
  reopen: (c) => reopenCase(c, at),
};

describe('complaint case state machine', () => {
  it('opens pending verification at version 1 with no agency', () => {
    expect(opened).toMatchObject({ status: 'pending_verification', agency: null, version: 1 });
  });

  describe.each(Object.keys(TRANSITIONS) as LifecycleAction[])('%s', (action) => {
    const allowed = TRANSITIONS[action] as readonly ComplaintStatus[];
    const refused = COMPLAINT_STATUSES.filter((s) => !allowed.includes(s));

    if (action !== 'record a reply on') {
      const unversioned = action === 'postpone';
      const title = unversioned ? 'at the same version' : 'one version later';
      it.each(allowed.map((s) => [s]))(`is allowed from %s, ${title}`, (status) => {
        const before = inStatus[status];
        const after = apply[action](before) as ComplaintCase;
        expect(after.version).toBe(before.version + (unversioned ? 0 : 1));
        expect(after.updatedAt).toEqual(unversioned ? before.updatedAt : at);
      });

      it.each(refused.map((s) => [s]))('is refused from %s with 409 naming it', (status) => {
        expect(allows(action, status)).toBe(false);
        expect(() => apply[action](inStatus[status])).toThrow(
          new IllegalTransition(action, status),
        );
        expect(() => apply[action](inStatus[status])).toThrow(`is ${status}`);
      });
    }
  });

  it('verifies with the verifier’s classification and may raise privacy, never lower it', () => {
    const v = verifyCase(
      opened,
      { category: 'kesehatan', type: 'aspiration', privacy: 'confidential' },
      at,
    );
    expect(v).toMatchObject({
      status: 'pending_verification',
      category: 'kesehatan',
      type: 'aspiration',
      privacy: 'confidential',
      verifiedAt: at,
      version: 2,
    });
    expect(() =>
      verifyCase(
        { ...opened, privacy: 'anonymous' },
        { category: 'kesehatan', type: 'complaint', privacy: 'public' },
        at,
      ),
    ).toThrow(TransitionRefused);
    expect(() => verifyCase(v, { category: 'kesehatan', type: 'complaint' }, at)).toThrow(
      IllegalTransition,
    );
  });

  it('routes only a verified case, to the agency, awaiting its follow-up', () => {
    expect(routed).toMatchObject({
      status: 'awaiting_follow_up',
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      version: 3,
    });
    expect(() => routeCase(opened, balikpapan, at)).toThrow(
      'cannot route a complaint that is pending_verification',
    );
    expect(() => routeCase(routed, kaltim, at)).toThrow(
      'cannot route a complaint that is awaiting_follow_up',
    );
  });

  describe('postpone ("tunda")', () => {
    const postponed = postponeCase(
      opened,
      { until: later, reason: 'awaiting_clarification', by: 'verifier-1' },
      at,
    );

    it('sets a pending submission aside until then, still pending, at the same version', () => {
      expect(postponed).toMatchObject({
        status: 'pending_verification',
        version: opened.version,
        updatedAt: opened.updatedAt,
        postponement: {
          until: later,
          reason: 'awaiting_clarification',
          note: null,
          by: 'verifier-1',
          at,
        },
      });
      expect(isPostponed(postponed, at)).toBe(true);
      expect(isPostponed(postponed, later)).toBe(false);
      expect(isPostponed(opened, at)).toBe(false);
    });

    it('is refused from any other status with 409 naming it', () => {
      for (const status of COMPLAINT_STATUSES.filter((s) => s !== 'pending_verification')) {
        expect(() =>
          postponeCase(inStatus[status], { until: later, reason: 'other', note: 'x', by: 'v' }, at),
        ).toThrow(`cannot postpone a complaint that is ${status}`);
      }
    });

    it('accepts only an instant in the future, at most the limit ahead', () => {
      const p = (until: Date) =>
        postponeCase(opened, { until, reason: 'outside_working_hours', by: 'v' }, at);
      expect(() => p(at)).toThrow(new PostponementRefused('until', 'must be in the future'));
      expect(() => p(new Date(at.getTime() - 1000))).toThrow(PostponementRefused);
      const limit = new Date(at.getTime() + MAX_POSTPONE_DAYS * 24 * 3600 * 1000);
      expect(p(limit).postponement?.until).toEqual(limit);
      expect(() => p(new Date(limit.getTime() + 1))).toThrow(
        `until must be at most ${MAX_POSTPONE_DAYS} days ahead`,
      );
    });

    it('needs a note when the reason is other', () => {
      expect(() => postponeCase(opened, { until: later, reason: 'other', by: 'v' }, at)).toThrow(
        'note is required when the reason is other',
      );
      expect(() =>
        postponeCase(opened, { until: later, reason: 'other', note: '  ', by: 'v' }, at),
      ).toThrow(PostponementRefused);
      expect(
        postponeCase(opened, { until: later, reason: 'other', note: 'tanya dinas', by: 'v' }, at)
          .postponement,
      ).toMatchObject({ reason: 'other', note: 'tanya dinas' });
    });

    it('replaces an earlier postponement', () => {
      const again = postponeCase(
        postponed,
        { until: at, reason: 'needs_coordination', by: 'verifier-2' },
        new Date(at.getTime() - 3600 * 1000),
      );
      expect(again.postponement).toMatchObject({ until: at, by: 'verifier-2' });
    });

    it('is cleared by verify and by reject, which still work while it lasts', () => {
      const v = verifyCase(postponed, { category: 'infrastruktur', type: 'complaint' }, at);
      expect(v).toMatchObject({ postponement: null, version: opened.version + 1 });
      expect(routeCase(v, balikpapan, at).postponement).toBeNull();
      expect(rejectCase(postponed, at)).toMatchObject({ status: 'rejected', postponement: null });
    });
  });

  it('rejects a pending submission', () => {
    expect(rejectCase(opened, at)).toMatchObject({ status: 'rejected', agency: null, version: 2 });
  });

  it('waits for the reporter after an information request, until the reply', () => {
    const asked = requestInfo(routed, at);
    expect(asked).toMatchObject({ status: 'in_progress', awaitingReporter: true });
    expect(() => requestInfo(asked, at)).toThrow(TransitionRefused);
    const replied = recordReporterReply(asked, later);
    // A new version (salur.complaint.info-received.v1 reports it), still in progress.
    expect(replied).toMatchObject({
      status: 'in_progress',
      awaitingReporter: false,
      version: asked.version + 1,
      updatedAt: later,
    });
    expect(recordReporterReply(acknowledged, later)).toBeNull();
    // A reply stamped before the request does not move the snapshot back in time.
    expect(recordReporterReply(asked, submittedAt)?.updatedAt).toEqual(asked.updatedAt);
    expect(respondCase(asked, at)).toMatchObject({ status: 'responded', awaitingReporter: false });
  });

  describe('information-request extension', () => {
    const request = { ...acknowledged, type: 'information_request' as const };
    const refusal = (fn: () => unknown): ExtensionRefused => {
      try {
        fn();
      } catch (error) {
        if (error instanceof ExtensionRefused) return error;
        throw error;
      }
      throw new Error('not refused');
    };

    it('is granted once per agency assignment, as a new version', () => {
      const extended = grantExtension(request, 'running', later);
      expect(extended).toMatchObject({
        extensionGranted: true,
        status: 'in_progress',
        version: request.version + 1,
        updatedAt: later,
      });
      expect(grantExtension(request, null, later).extensionGranted).toBe(true);
      expect(grantExtension(request, 'at_risk', later).extensionGranted).toBe(true);
      expect(refusal(() => grantExtension(extended, 'running', later))).toMatchObject({
        rule: 'once_per_assignment',
        code: 'ExtensionRefused',
      });
      // The next agency gets its own extension.
      const forwarded = forwardCase(extended, kaltim, later, { byVerifier: false });
      expect(forwarded.extensionGranted).toBe(false);
      expect(grantExtension(forwarded, 'running', later).extensionGranted).toBe(true);
      expect(escalateCase(extended, kaltim, later).extensionGranted).toBe(false);
    });

    it('is only for information requests', () => {
      expect(refusal(() => grantExtension(acknowledged, 'running', later)).rule).toBe(
        'information_request_only',
      );
      expect(refusal(() => grantExtension(acknowledged, 'running', later)).message).toContain(
        'complaint',
      );
    });

    it('needs a running follow-up clock: not paused, breached or met', () => {
      const asked = requestInfo(request, at);
      expect(refusal(() => grantExtension(asked, 'paused', later)).rule).toBe('clock_running');
      expect(refusal(() => grantExtension(asked, null, later)).rule).toBe('clock_running');
      for (const state of ['paused', 'breached', 'met'] as const) {
        expect(refusal(() => grantExtension(request, state, later)).rule).toBe('clock_running');
      }
    });
  });

  it('forwards to another agency, and not back to one that forwarded it, unless a verifier does', () => {
    const toProvince = forwardCase(acknowledged, kaltim, at, { byVerifier: false });
    expect(toProvince).toMatchObject({
      status: 'awaiting_follow_up',
      agency: 'pemda-64',
      agencyLevel: 'province',
      previousAgencies: ['pemda-64.71'],
      forwardedBy: ['pemda-64.71'],
    });
    expect(() => forwardCase(toProvince, balikpapan, at, { byVerifier: false })).toThrow(
      'pemda-64.71 already forwarded this complaint; only a verifier can send it back there',
    );
    expect(forwardCase(toProvince, balikpapan, at, { byVerifier: true }).agency).toBe(
      'pemda-64.71',
    );
    expect(() => forwardCase(toProvince, kaltim, at, { byVerifier: false })).toThrow(
      'already with pemda-64',
    );
  });

  it('escalates to the parent, keeping the history, and refuses at the top', () => {
    const up = escalateCase(acknowledged, kaltim, at);
    expect(up).toMatchObject({
      status: 'awaiting_follow_up',
      agency: 'pemda-64',
      previousAgencies: ['pemda-64.71'],
      forwardedBy: [],
    });
    const top = escalateCase(up, pusat, at);
    expect(top.previousAgencies).toEqual(['pemda-64.71', 'pemda-64']);
    expect(() => escalateCase(top, null, at)).toThrow('lapor-pusat has no agency above it');
  });

  it('closes by the reporter with a rating, or automatically, and reopens', () => {
    expect(confirmCase(responded, 5, at)).toMatchObject({
      status: 'closed',
      closedBy: 'reporter',
      rating: 5,
      closedAt: at,
    });
    const auto = autoCloseCase(responded, at);
    expect(auto).toMatchObject({ status: 'closed', closedBy: 'auto_close', rating: null });
    expect(reopenCase(auto, at)).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      closedBy: null,
    });
    expect(reopenCase(responded, at).status).toBe('in_progress');
  });

  it('keeps a confidential body and the reporter off the snapshot', () => {
    expect(snapshotOf(opened).body).toBe('Lubang besar di depan pasar');
    expect(snapshotOf({ ...opened, privacy: 'confidential' }).body).toBeNull();
    expect(JSON.stringify(snapshotOf(opened))).not.toContain('siti@example.test');
    expect(Object.keys(snapshotOf(opened))).not.toContain('forwardedBy');
  });

  it('lists at most the 50 latest previous agencies in a snapshot', () => {
    const many = Array.from({ length: 60 }, (_, i) => `kl-agency-${i}`);
    const snap = snapshotOf({ ...routed, previousAgencies: many });
    expect(snap.previousAgencies).toHaveLength(50);
    expect(snap.previousAgencies[49]).toBe('kl-agency-59');
  });
});
