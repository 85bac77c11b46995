import type { NotificationChannel } from './vocabulary';

/**
 * Delivery targets as they may appear in events and logs: enough to tell deliveries apart, never
 * a reporter's address or number. The notification service masks with these functions and the
 * contract refuses a target that is not in its channel's masked form.
 */
export const MASKED_TARGET_PATTERNS: Readonly<Record<NotificationChannel, RegExp>> = {
  /** First character of the local part, `***`, the domain: `b***@gmail.com`. */
  email: /^[^\s@*]?\*{3}@[^\s@*]+$/,
  /** `+` and two digits of country code, stars, at most the last four digits: `+62********7890`. */
  sms: /^(?:\+\d{2})?\*{3,}\d{0,4}$/,
  /** Scheme and host only; a path (which may hold a secret) becomes `/***`. */
  webhook: /^https?:\/\/[^\s/?#@*]+(?:\/\*{3})?$/,
  /** The on-call route or rotation paged, e.g. `oncall:pemda-64.71`; never a person's number. */
  page: /^[A-Za-z0-9._:-]{1,100}$/,
};

export function isMaskedTarget(channel: NotificationChannel, target: string): boolean {
  return MASKED_TARGET_PATTERNS[channel].test(target);
}

/** `budi.santoso@gmail.com` → `b***@gmail.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : '';
  const domain = at >= 0 ? email.slice(at + 1).trim() : '';
  const first = local.length > 1 && /^[^\s@*]/.test(local) ? local[0] : '';
  return `${first}***@${domain.length > 0 && !/[\s@*]/.test(domain) ? domain : 'invalid'}`;
}

/** `+6281234567890` → `+62*******7890`; `081234567890` → `********7890`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const international = phone.trim().startsWith('+');
  const prefix = international ? `+${digits.slice(0, 2)}` : '';
  const rest = international ? digits.slice(2) : digits;
  const visible = rest.length > 6 ? rest.slice(-4) : '';
  return `${prefix}${'*'.repeat(Math.max(3, rest.length - visible.length))}${visible}`;
}

/** `https://sim.example.go.id/hooks/salur?token=…` → `https://sim.example.go.id/***`. */
export function maskWebhookUrl(url: string): string {
  const parsed = new URL(url);
  const hasPath = parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '';
  return `${parsed.protocol}//${parsed.host}${hasPath ? '/***' : ''}`;
}
