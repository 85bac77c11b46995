import type { Language } from '@salur/contracts';
import Handlebars from 'handlebars';
import type { ReporterNotice } from '../domain/audience';
import { EN_TEMPLATES } from './reporter-templates.en';
import { ID_TEMPLATES } from './reporter-templates.id';

/** One notice in one language: an email subject and text, and an SMS. */
export interface NoticeTemplate {
  readonly subject: string;
  readonly text: string;
  readonly sms: string;
}

export type NoticeTemplates = Readonly<Record<ReporterNotice, NoticeTemplate>>;

export const TEMPLATES: Readonly<Record<Language, NoticeTemplates>> = {
  id: ID_TEMPLATES,
  en: EN_TEMPLATES,
};

/** What templates may use. Every value is text from an event or the directory. */
export interface NoticeContext {
  readonly trackingId: string;
  readonly title: string;
  readonly agencyName: string;
  readonly question?: string;
  readonly response?: string;
  readonly reason?: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export const SMS_MAX_LENGTH = 306;

const engine = Handlebars.create();
type Compiled = (context: NoticeContext) => string;
const cache = new Map<string, Compiled>();

function compiled(source: string, escape: boolean): Compiled {
  const key = `${escape ? 'h' : 't'}:${source}`;
  let template = cache.get(key);
  if (!template) {
    const fn = engine.compile<NoticeContext>(source, { noEscape: !escape, strict: false });
    template = (context) => fn(context);
    cache.set(key, template);
  }
  return template;
}

/** Control characters (but newlines) never reach a mail header or an SMS. */
function plain(text: string, keepNewlines: boolean): string {
  const cleaned = text.replace(
    keepNewlines ? /[^\n\u0020-\u007e\u00a0-\uffff]/g : /[^\u0020-\u007e\u00a0-\uffff]/g,
    ' ',
  );
  return cleaned.trim();
}

/**
 * Renders an email: subject and text unescaped but stripped of control characters (the subject
 * to one line), the HTML part escaped by Handlebars with newlines as `<br>`.
 */
export function renderEmail(
  notice: ReporterNotice,
  language: Language,
  context: NoticeContext,
): RenderedEmail {
  const template = TEMPLATES[language][notice];
  const htmlBody = compiled(template.text, true)(context).replace(/\n/g, '<br>\n');
  return {
    subject: plain(compiled(template.subject, false)(context), false),
    text: plain(compiled(template.text, false)(context), true),
    html: `<!doctype html><html lang="${language}"><body><p>${htmlBody}</p></body></html>`,
  };
}

/** Renders an SMS: plain text on one line, cut to two concatenated segments. */
export function renderSms(
  notice: ReporterNotice,
  language: Language,
  context: NoticeContext,
): string {
  const text = plain(compiled(TEMPLATES[language][notice].sms, false)(context), false);
  return text.length > SMS_MAX_LENGTH ? `${text.slice(0, SMS_MAX_LENGTH - 1)}…` : text;
}
