import { maskEmail, maskPhone } from '@salur/contracts';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SendResult } from '../application/deliver/ports';
import type { ReporterRecords } from '../application/ports';
import { reporterNoticeFor } from '../domain/audience';
import type { Delivery } from '../domain/delivery';
import { isPermanentHttpFailure } from '../domain/backoff';
import { noticeContext } from '../templates/notice-context';
import { renderEmail, renderSms } from '../templates/notice-templates';
import { describeError, httpPost } from './http-post';

export interface EmailOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  readonly smtpUrl: string;
  readonly from: string;
  readonly timeoutMs: number;
}

export interface SmsGatewayOptions {
  readonly url: string;
  readonly token: string | null;
  readonly sender: string;
  readonly timeoutMs: number;
}

/**
 * Reporter notices, by email (SMTP) or SMS (an HTTP gateway). The address or number is read from
 * the sealed contact record at send time, so it is never in a delivery row, an event or a log.
 */
export class ReporterSender {
  private readonly transport: Transporter | null;

  constructor(
    private readonly reporters: ReporterRecords,
    private readonly agencyName: (code: string) => string,
    private readonly email: EmailOptions | null,
    private readonly sms: SmsGatewayOptions | null,
  ) {
    this.transport = email
      ? nodemailer.createTransport({
          url: email.smtpUrl,
          connectionTimeout: email.timeoutMs,
          greetingTimeout: email.timeoutMs,
          socketTimeout: email.timeoutMs,
        })
      : null;
  }

  async send(delivery: Delivery): Promise<SendResult> {
    const payload = delivery.payload;
    const notice = reporterNoticeFor(delivery.eventType);
    if (payload.kind !== 'reporter' || notice === null) {
      return { ok: false, target: '', error: 'not a reporter notice', permanent: true };
    }
    const contact = (await this.reporters.find(delivery.complaintId))?.contact ?? null;
    const context = noticeContext(payload.event, this.agencyName);
    if (delivery.channel === 'email') {
      if (!contact?.email)
        return { ok: false, target: '', error: 'no email address', permanent: true };
      const target = maskEmail(contact.email);
      if (!this.transport || !this.email) {
        return { ok: false, target, error: 'email is not configured', permanent: true };
      }
      const mail = renderEmail(notice, payload.language, context);
      try {
        await this.transport.sendMail({
          from: this.email.from,
          to: contact.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'X-Salur-Delivery': delivery.deliveryId },
        });
        return { ok: true, target };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        return {
          ok: false,
          target,
          error: describeError(error),
          permanent: typeof code === 'number' && code >= 500,
        };
      }
    }
    if (delivery.channel === 'sms') {
      if (!contact?.phone)
        return { ok: false, target: '', error: 'no phone number', permanent: true };
      const target = maskPhone(contact.phone);
      if (!this.sms) return { ok: false, target, error: 'SMS is not configured', permanent: true };
      const request: SmsGatewayRequest = {
        to: contact.phone,
        message: renderSms(notice, payload.language, context),
        sender: this.sms.sender,
        reference: delivery.deliveryId,
      };
      try {
        const answer = await httpPost(
          this.sms.url,
          JSON.stringify(request),
          {
            'content-type': 'application/json',
            ...(this.sms.token ? { authorization: `Bearer ${this.sms.token}` } : {}),
            'idempotency-key': delivery.deliveryId,
          },
          { timeoutMs: this.sms.timeoutMs },
        );
        if (answer.status >= 200 && answer.status < 300) {
          return { ok: true, target, statusCode: answer.status };
        }
        return {
          ok: false,
          target,
          statusCode: answer.status,
          error: `SMS gateway answered HTTP ${answer.status}`,
          permanent: isPermanentHttpFailure(answer.status),
        };
      } catch (error) {
        return { ok: false, target, error: describeError(error) };
      }
    }
    return {
      ok: false,
      target: '',
      error: `unexpected channel ${delivery.channel}`,
      permanent: true,
    };
  }
}

/** What the SMS gateway adapter POSTs (JSON); a provider plugs in behind this shape. */
export interface SmsGatewayRequest {
  /** E.164. */
  readonly to: string;
  /** Plain text, at most 306 characters (two concatenated segments). */
  readonly message: string;
  /** Sender id (`SMS_SENDER`). */
  readonly sender: string;
  /** The delivery id; also sent as `Idempotency-Key` so a retried request sends once. */
  readonly reference: string;
}
