import fc from 'fast-check';
import { isMaskedTarget, maskEmail, maskPhone, maskWebhookUrl } from '.';

describe('masking delivery targets', () => {
  it('keeps the first letter and the domain of an email address', () => {
    expect(maskEmail('rina.wulandari@example.com')).toBe('r***@example.com');
    expect(maskEmail('x@example.com')).toBe('***@example.com');
    expect(isMaskedTarget('email', maskEmail('rina.wulandari@example.com'))).toBe(true);
  });

  it('keeps the country code and the last four digits of a long phone number', () => {
    expect(maskPhone('+6281254710093')).toBe('+62*******0093');
    expect(maskPhone('081254710093')).toBe('********0093');
    expect(maskPhone('+62 812')).toBe('+62***');
    expect(isMaskedTarget('sms', maskPhone('+6281254710093'))).toBe(true);
  });

  it('keeps only the scheme and host of a webhook URL', () => {
    expect(maskWebhookUrl('https://sim.example.go.id/hooks/salur?token=s3cret')).toBe(
      'https://sim.example.go.id/***',
    );
    expect(maskWebhookUrl('https://sim.example.go.id')).toBe('https://sim.example.go.id');
    expect(isMaskedTarget('webhook', maskWebhookUrl('https://u:p@sim.example.go.id:8443/x'))).toBe(
      true,
    );
  });

  it('refuses raw addresses, numbers and URLs as targets', () => {
    expect(isMaskedTarget('email', 'rina.wulandari@example.com')).toBe(false);
    expect(isMaskedTarget('sms', '+6281254710093')).toBe(false);
    expect(isMaskedTarget('sms', '+62812547*****')).toBe(false);
    expect(isMaskedTarget('webhook', 'https://sim.example.go.id/hooks/salur?token=s3cret')).toBe(
      false,
    );
    expect(isMaskedTarget('page', '+6281254710093 budi')).toBe(false);
  });

  it('never lets more than the last four digits of a phone number through', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+62[1-9]\d{7,11}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(isMaskedTarget('sms', masked)).toBe(true);
        expect(masked.slice(3).replace(/\*/g, '')).toBe(phone.slice(-4));
      }),
    );
  });

  it('never lets the local part of an email address through', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        const local = email.slice(0, email.lastIndexOf('@'));
        expect(isMaskedTarget('email', masked)).toBe(true);
        const [shownLocal, shownDomain] = masked.split('@');
        expect(shownLocal.replace(/\*/g, '').length).toBeLessThanOrEqual(1);
        expect(shownDomain).toBe(email.slice(local.length + 1));
      }),
    );
  });
});
