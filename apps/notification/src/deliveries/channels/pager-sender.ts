import type { SendResult } from '../application/deliver/ports';
import { isPermanentHttpFailure } from '../domain/backoff';
import type { Delivery, PageRequest } from '../domain/delivery';
import { describeError, httpPost } from './http-post';

export interface PagerOptions {
  /** PagerDuty Events API v2 endpoint and integration (routing) key. */
  readonly pagerDuty: { readonly url: string; readonly routingKey: string } | null;
  /** A generic JSON webhook (a chat bridge, an in-house on-call tool). */
  readonly webhookUrl: string | null;
  readonly timeoutMs: number;
}

/** The PagerDuty Events API v2 request for a page. */
export function pagerDutyEvent(page: PageRequest, routingKey: string): Record<string, unknown> {
  return {
    routing_key: routingKey,
    event_action: page.action,
    dedup_key: page.dedupKey,
    ...(page.action === 'trigger'
      ? {
          payload: {
            summary: page.summary.slice(0, 1024),
            source: 'salur-sla',
            severity: page.severity,
            component: page.stage,
            group: page.agency ?? 'national',
            class: page.sourceEventType,
            custom_details: {
              complaintId: page.complaintId,
              clockId: page.clockId,
              agency: page.agency,
              dueAt: page.dueAt,
            },
          },
        }
      : {}),
  };
}

/** Pages on-call: PagerDuty (Events API v2) and/or a generic JSON webhook, with dedup keys. */
export class PagerSender {
  constructor(private readonly options: PagerOptions) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const target = delivery.recipient;
    if (delivery.payload.kind !== 'page') {
      return { ok: false, target, error: 'not a page', permanent: true };
    }
    const page = delivery.payload.page;
    let url: string;
    let body: Record<string, unknown>;
    if (delivery.endpoint === 'pagerduty' && this.options.pagerDuty) {
      url = this.options.pagerDuty.url;
      body = pagerDutyEvent(page, this.options.pagerDuty.routingKey);
    } else if (delivery.endpoint === 'oncall-webhook' && this.options.webhookUrl) {
      url = this.options.webhookUrl;
      body = { ...page };
    } else {
      return {
        ok: false,
        target,
        error: `paging target ${delivery.endpoint} is not configured`,
        permanent: true,
      };
    }
    try {
      const answer = await httpPost(
        url,
        JSON.stringify(body),
        { 'content-type': 'application/json' },
        {
          timeoutMs: this.options.timeoutMs,
        },
      );
      if (answer.status >= 200 && answer.status < 300)
        return { ok: true, target, statusCode: answer.status };
      return {
        ok: false,
        target,
        statusCode: answer.status,
        error: `HTTP ${answer.status}`,
        permanent: isPermanentHttpFailure(answer.status),
      };
    } catch (error) {
      return { ok: false, target, error: describeError(error) };
    }
  }
}
