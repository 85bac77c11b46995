import { EventTypes, sampleEvent } from '@salur/contracts';
import { breachDedupKey, oncallRoute, pagesFor, warningDedupKey } from './paging';

describe('on-call pages', () => {
  const breached = sampleEvent(EventTypes.SlaBreached);
  const clockId = breached.data.clockId;

  it('triggers a critical page for a breach, keyed by the clock', () => {
    const [page, ...rest] = pagesFor(breached, [], { pageWarnings: true });
    expect(rest).toEqual([]);
    expect(page).toMatchObject({
      action: 'trigger',
      severity: 'critical',
      dedupKey: breachDedupKey(clockId),
      complaintId: breached.data.complaintId,
      agency: breached.data.agency,
    });
    expect(page.summary).toContain('breached');
  });

  it('pages warnings under their own key, unless warnings are switched off', () => {
    const warning = sampleEvent(EventTypes.SlaWarning);
    expect(pagesFor(warning, [], { pageWarnings: true })).toEqual([
      expect.objectContaining({
        action: 'trigger',
        severity: 'warning',
        dedupKey: warningDedupKey(warning.data.clockId),
      }),
    ]);
    expect(pagesFor(warning, [], { pageWarnings: false })).toEqual([]);
  });

  it('resolves, when the clock is met, exactly what was paged', () => {
    const met = sampleEvent(EventTypes.SlaMet);
    const id = met.data.clockId;
    expect(pagesFor(met, [], { pageWarnings: true })).toEqual([]);
    expect(pagesFor(met, [breachDedupKey(id)], { pageWarnings: true })).toEqual([
      expect.objectContaining({ action: 'resolve', dedupKey: breachDedupKey(id) }),
    ]);
    expect(
      pagesFor(met, [warningDedupKey(id), breachDedupKey(id)], { pageWarnings: true }).map(
        (p) => p.dedupKey,
      ),
    ).toEqual([warningDedupKey(id), breachDedupKey(id)]);
  });

  it('pages nobody for other SLA events', () => {
    expect(pagesFor(sampleEvent(EventTypes.SlaStarted), [], { pageWarnings: true })).toEqual([]);
  });

  it('names the route, never a person', () => {
    expect(oncallRoute('pemda-64.71')).toBe('oncall:pemda-64.71');
    expect(oncallRoute(null)).toBe('oncall:national');
  });
});
