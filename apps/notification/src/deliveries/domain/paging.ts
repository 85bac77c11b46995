import {
  EventTypes,
  type EventEnvelope,
  type SlaBreachedData,
  type SlaMetData,
  type SlaWarningData,
} from '@salur/contracts';
import type { PageRequest } from './delivery';

/** The dedup key of the page about one clock's breach, or its warnings. */
export function breachDedupKey(clockId: string): string {
  return `salur-sla-${clockId}-breach`;
}

export function warningDedupKey(clockId: string): string {
  return `salur-sla-${clockId}-warning`;
}

/**
 * The pages an SLA event causes. A warning triggers (severity warning) and a breach triggers
 * (critical), each under its own dedup key, so a breach after warnings still pages; the same key
 * again pages nobody twice. `met` resolves whatever of the clock was paged (`alreadyPaged`).
 */
export function pagesFor(
  event: EventEnvelope,
  alreadyPaged: readonly string[],
  options: { readonly pageWarnings: boolean },
): PageRequest[] {
  switch (event.type) {
    case EventTypes.SlaWarning: {
      if (!options.pageWarnings) return [];
      const data = event.data as SlaWarningData;
      return [
        page(
          data,
          'trigger',
          warningDedupKey(data.clockId),
          'warning',
          event.type,
          `SLA ${data.stage} of complaint ${data.complaintId} at ${data.agency ?? 'national'}: ` +
            `${Math.round(data.threshold * 100)}% of the time used, due ${data.dueAt}`,
        ),
      ];
    }
    case EventTypes.SlaBreached: {
      const data = event.data as SlaBreachedData;
      return [
        page(
          data,
          'trigger',
          breachDedupKey(data.clockId),
          'critical',
          event.type,
          `SLA ${data.stage} of complaint ${data.complaintId} breached at ` +
            `${data.agency ?? 'national'} (due ${data.dueAt})`,
        ),
      ];
    }
    case EventTypes.SlaMet: {
      const data = event.data as SlaMetData;
      return [warningDedupKey(data.clockId), breachDedupKey(data.clockId)]
        .filter((key) => alreadyPaged.includes(key))
        .map((key) =>
          page(
            data,
            'resolve',
            key,
            key.endsWith('-breach') ? 'critical' : 'warning',
            event.type,
            `SLA ${data.stage} of complaint ${data.complaintId} met at ${data.metAt}`,
          ),
        );
    }
    default:
      return [];
  }
}

function page(
  data: SlaWarningData | SlaBreachedData | SlaMetData,
  action: PageRequest['action'],
  dedupKey: string,
  severity: PageRequest['severity'],
  sourceEventType: string,
  summary: string,
): PageRequest {
  return {
    action,
    dedupKey,
    severity,
    summary,
    agency: data.agency,
    complaintId: data.complaintId,
    clockId: data.clockId,
    stage: data.stage,
    dueAt: data.dueAt,
    sourceEventType,
  };
}

/** The route a page goes to, as named in delivery events: `oncall:pemda-64.71`. */
export function oncallRoute(agency: string | null): string {
  return `oncall:${agency ?? 'national'}`;
}
