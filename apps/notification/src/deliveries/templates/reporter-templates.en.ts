import type { NoticeTemplates } from './notice-templates';

/** English. */
export const EN_TEMPLATES: NoticeTemplates = {
  receipt: {
    subject: 'We received your report {{trackingId}}',
    text:
      'Thank you: your report "{{title}}" was received with tracking id {{trackingId}}. ' +
      'It will be verified and passed to the agency with authority.',
    sms: 'SALUR: Your report was received. Tracking id {{trackingId}}.',
  },
  routed: {
    subject: 'Report {{trackingId}} passed to {{agencyName}}',
    text:
      'Your report "{{title}}" ({{trackingId}}) was passed to {{agencyName}}, ' +
      'which will follow it up within its time limit.',
    sms: 'SALUR: Report {{trackingId}} passed to {{agencyName}}.',
  },
  info_requested: {
    subject: 'Report {{trackingId}}: {{agencyName}} asks for more information',
    text:
      '{{agencyName}} asks for more information about your report ({{trackingId}}):\n\n' +
      '{{question}}\n\nPlease reply on your report page.',
    sms: 'SALUR: {{agencyName}} asks for more info on report {{trackingId}}. See your report page.',
  },
  responded: {
    subject: 'Report {{trackingId}} has a response',
    text:
      '{{agencyName}} responded to your report ({{trackingId}}):\n\n{{response}}\n\n' +
      'If you are satisfied, confirm and rate it; if not, you can reopen it.',
    sms: 'SALUR: {{agencyName}} responded to report {{trackingId}}. See your report page.',
  },
  closed: {
    subject: 'Report {{trackingId}} is closed',
    text: 'Your report "{{title}}" ({{trackingId}}) is closed. Thank you for taking part.',
    sms: 'SALUR: Report {{trackingId}} is closed. Thank you.',
  },
  reopened: {
    subject: 'Report {{trackingId}} was reopened',
    text:
      'Your report ({{trackingId}}) was reopened and is being handled again by {{agencyName}}.' +
      '{{#if reason}}\n\nReason: {{reason}}{{/if}}',
    sms: 'SALUR: Report {{trackingId}} was reopened and is handled by {{agencyName}}.',
  },
};
