import { LANGUAGES, type Language } from '@salur/contracts';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTER_NOTICE_LIST, type ReporterNotice } from '../domain/audience';

/** One notice in one language: an email subject and text, and an SMS. */
export interface NoticeTemplate {
  readonly subject: string;
  readonly text: string;
  readonly sms: string;
}

export type NoticeTemplates = Readonly<Record<ReporterNotice, NoticeTemplate>>;

const PARTS = ['subject', 'text', 'sms'] as const;

/**
 * Reads the template files: `<language>/<notice>.<part>.hbs` beside this module (the build copies
 * them into dist/), one file per notice, language and part, so a translator edits text, not code.
 * A missing file stops the service at start, naming every one that is missing.
 */
export function loadTemplates(
  directory: string = __dirname,
): Readonly<Record<Language, NoticeTemplates>> {
  const missing: string[] = [];
  const read = (language: Language, notice: ReporterNotice, part: string): string => {
    const file = join(directory, language, `${notice}.${part}.hbs`);
    try {
      // Files end with a newline for editors' sake; the template does not.
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      missing.push(`${language}/${notice}.${part}.hbs`);
      return '';
    }
  };
  const templates = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      Object.fromEntries(
        REPORTER_NOTICE_LIST.map((notice) => {
          const [subject, text, sms] = PARTS.map((part) => read(language, notice, part));
          return [notice, { subject, text, sms }];
        }),
      ),
    ]),
  ) as Record<Language, NoticeTemplates>;
  if (missing.length > 0) {
    throw new Error(`notification templates missing in ${directory}: ${missing.join(', ')}`);
  }
  return templates;
}

export const TEMPLATES = loadTemplates();

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
