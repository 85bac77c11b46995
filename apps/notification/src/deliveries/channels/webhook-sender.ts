import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { maskWebhookUrl, type EventEnvelope } from '@salur/contracts';
import { contextFromTraceparent, runInSpan, traceparentOf } from '@salur/platform';
import http from 'node:http';
import https from 'node:https';
import { useAgent } from 'request-filtering-agent';
import { Webhook } from 'standardwebhooks';
import type { SendResult } from '../application/deliver/ports';
import type { Clock, ReporterRecords, SubscriptionReader } from '../application/ports';
import { eventForAgency } from '../domain/audience';
import { isPermanentHttpFailure } from '../domain/backoff';
import type { Delivery } from '../domain/delivery';
import { signingSecrets } from '../domain/subscription';
import { checkWebhookTarget, isHostAllowed } from '../domain/webhook-target';
import { describeError, httpPost } from './http-post';

export interface WebhookSenderOptions {
  readonly allowedHosts: readonly string[];
  readonly timeoutMs: number;
}

/** The CloudEvents structured-mode JSON an agency receives. */
export function structuredCloudEvent(event: EventEnvelope): string {
  return JSON.stringify({
    specversion: event.specversion,
    id: event.id,
    source: event.source,
    type: event.type,
    time: event.time,
    subject: event.subject,
    datacontenttype: event.datacontenttype,
    ...(event.agency ? { agency: event.agency } : {}),
    ...(event.region ? { region: event.region } : {}),
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    data: event.data,
  });
}

/**
 * Headers of a Standard Webhooks request: `webhook-id` (the event id, the same on every retry),
 * `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>`, one per valid secret, space-separated).
 */
export function signatureHeaders(
  messageId: string,
  at: Date,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(' '),
  };
}

/**
 * Sends an event to one agency subscription, signed, through an agent that refuses private,
 * loopback and link-local addresses at connect time (after DNS) unless the host is allow-listed.
 */
export class WebhookSender {
  private readonly plainHttp = new http.Agent({ keepAlive: true });
  private readonly plainHttps = new https.Agent({ keepAlive: true });

  constructor(
    private readonly subscriptions: SubscriptionReader,
    private readonly reporters: ReporterRecords,
    private readonly clock: Clock,
    private readonly options: WebhookSenderOptions,
  ) {}

  async send(delivery: Delivery): Promise<SendResult> {
    if (delivery.payload.kind !== 'webhook') {
      return { ok: false, target: '', error: 'not a webhook delivery', permanent: true };
    }
    const subscription = await this.subscriptions.get(delivery.targetKey);
    if (!subscription) {
      return { ok: false, target: '', error: 'the subscription was deleted', permanent: true };
    }
    const target = maskWebhookUrl(subscription.url);
    const check = checkWebhookTarget(subscription.url, this.options.allowedHosts);
    if (!check.ok) return { ok: false, target, error: `refused: ${check.reason}`, permanent: true };

    const source = delivery.payload.event;
    const confidentialBody =
      isConfidential(source) && snapshotAgency(source) === delivery.recipient
        ? ((await this.reporters.find(delivery.complaintId))?.body ?? null)
        : null;
    const body = structuredCloudEvent(eventForAgency(source, delivery.recipient, confidentialBody));
    const now = this.clock.now();
    // The request is a client span in the trace of the event it delivers (the complaint's trace
    // from submission on), and carries it on as `traceparent` to the agency's system.
    return runInSpan(
      'POST',
      {
        kind: SpanKind.CLIENT,
        parent: contextFromTraceparent(source.traceparent),
        attributes: {
          'http.request.method': 'POST',
          'url.full': target,
          'salur.complaint.id': delivery.complaintId,
          'salur.delivery.recipient': delivery.recipient,
          'cloudevents.event_id': source.id,
          'cloudevents.event_type': source.type,
        },
      },
      async (span) => {
        const traceparent = traceparentOf(span);
        const headers = {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'user-agent': 'Salur-Webhooks/1',
          ...(traceparent ? { traceparent } : {}),
          ...signatureHeaders(source.id, now, body, signingSecrets(subscription, now)),
        };
        const result = await this.post(subscription.url, body, headers, target);
        if (result.statusCode !== undefined) {
          span.setAttribute('http.response.status_code', result.statusCode);
        }
        if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: result.error });
        return result;
      },
    );
  }

  private async post(
    url: string,
    body: string,
    headers: Record<string, string>,
    target: string,
  ): Promise<SendResult> {
    try {
      const answer = await httpPost(url, body, headers, {
        timeoutMs: this.options.timeoutMs,
        agent: this.agentFor(url),
      });
      if (answer.status >= 200 && answer.status < 300) {
        return { ok: true, target, statusCode: answer.status };
      }
      return {
        ok: false,
        target,
        statusCode: answer.status,
        error: `HTTP ${answer.status}`,
        permanent: isPermanentHttpFailure(answer.status),
      };
    } catch (error) {
      const message = describeError(error);
      // request-filtering-agent refuses a host that resolved to a restricted address
      const refused = /is not allowed|private|meta IP/i.test(message);
      return { ok: false, target, error: message, permanent: refused };
    }
  }

  private agentFor(url: string): http.Agent {
    const parsed = new URL(url);
    if (isHostAllowed(parsed.hostname, this.options.allowedHosts)) {
      return parsed.protocol === 'https:' ? this.plainHttps : this.plainHttp;
    }
    return useAgent(url);
  }
}

function snapshotOf(event: EventEnvelope): Record<string, unknown> | null {
  const complaint = (event.data as { complaint?: unknown } | null)?.complaint;
  return typeof complaint === 'object' && complaint !== null
    ? (complaint as Record<string, unknown>)
    : null;
}

function isConfidential(event: EventEnvelope): boolean {
  return snapshotOf(event)?.privacy === 'confidential';
}

function snapshotAgency(event: EventEnvelope): unknown {
  return snapshotOf(event)?.agency;
}
