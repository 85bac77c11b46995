/** Seals secrets at rest: contacts, complaint bodies, webhook secrets (see AesSecretBox). */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Key-derivation purpose of the notification service's AesSecretBox. */
export const NOTIFICATION_SEALING_PURPOSE = 'salur-notification-secret-box';

/** Nest token of the service's SecretBox. */
export const SECRET_BOX = Symbol('SECRET_BOX');
