import { redactedUrl } from './redact-url.js';

describe('redactedUrl', () => {
  it('hides the values of secret-named parameters, keeping the rest as sent', () => {
    expect(redactedUrl('/api/items?bearer=pt_x&jwt=eyJ.a.b&_csrf=abc&limit=5')).toBe(
      '/api/items?bearer=[redacted]&jwt=[redacted]&_csrf=[redacted]&limit=5',
    );
    expect(redactedUrl('/x?access_token=1&Password=2&q=token')).toBe(
      '/x?access_token=[redacted]&Password=[redacted]&q=token',
    );
    expect(redactedUrl('/x?%5Fcsrf=1')).toBe('/x?%5Fcsrf=[redacted]');
    expect(redactedUrl('/x')).toBe('/x');
  });
});
