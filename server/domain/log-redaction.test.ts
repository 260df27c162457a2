import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('hides every query value, keeps the names', () => {
    expect(redactUrl('/api/staff/cases?q=330327195803071234&status=open')).toBe('/api/staff/cases?q=[redacted]&status=[redacted]');
    expect(redactUrl('/api/staff/cases?q=%E5%BC%A0%E4%B8%89')).toBe('/api/staff/cases?q=[redacted]');
  });

  it('hides tracking codes in the API and in the page URL', () => {
    expect(redactUrl('/api/track/ABCD-EFGH-JK')).toBe('/api/track/[redacted]');
    expect(redactUrl('/track/ABCDEFGHJK')).toBe('/track/[redacted]');
  });

  it('hides ID numbers, phones and encoded names anywhere in the path', () => {
    expect(redactUrl('/api/staff/cases/33032719580307123X')).toBe('/api/staff/cases/[redacted]');
    expect(redactUrl('/x/13957712399/y')).toBe('/x/[redacted]/y');
    expect(redactUrl('/x/%E5%BC%A0%E4%B8%89')).toBe('/x/[redacted]');
  });

  it('keeps what is useful and not personal: public QR codes, case numbers, region codes', () => {
    expect(redactUrl('/q/ABCDEFGHJK/check/3')).toBe('/q/ABCDEFGHJK/check/3');
    expect(redactUrl('/api/staff/cases/42')).toBe('/api/staff/cases/42');
    expect(redactUrl('/api/admin/regions/330327100000')).toBe('/api/admin/regions/330327100000');
  });
});
