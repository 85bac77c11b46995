/** Attachment metadata a reporter may send: the file is already in the object store. */
export interface AttachmentInput {
  readonly url: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** Photos, documents, short videos and voice notes: what citizens send with complaints. */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
  'video/mp4',
  'audio/mpeg',
  'audio/ogg',
  'audio/mp4',
] as const;

export const ATTACHMENT_LIMITS = {
  /** Per message (submission or reply); the event contract allows 10. */
  count: 10,
  /** One file. */
  bytes: 25 * 1024 * 1024,
  /** All files of one message together. */
  totalBytes: 50 * 1024 * 1024,
} as const;

/** The field errors of a set of attachments as a whole (each one's shape is checked by the DTO). */
export function attachmentSetProblems(
  attachments: readonly AttachmentInput[],
  field = 'attachments',
): { field: string; message: string }[] {
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  return total > ATTACHMENT_LIMITS.totalBytes
    ? [
        {
          field,
          message: `together must not exceed ${ATTACHMENT_LIMITS.totalBytes} bytes (got ${total})`,
        },
      ]
    : [];
}
