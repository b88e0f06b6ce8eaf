import { describe, expect, it } from 'vitest';
import { mailtoUrl } from './mailto.js';

describe('mailtoUrl', () => {
  it('percent-encodes UTF-8, spaces as %20 and line breaks as CRLF', () => {
    expect(
      mailtoUrl({
        to: 'jalvarez@example.org',
        subject: 'Gracias, Dr. Álvarez & team',
        body: 'Dear Dr. Álvarez,\n\nThank you!',
      }),
    ).toBe(
      'mailto:jalvarez@example.org?subject=Gracias%2C%20Dr.%20%C3%81lvarez%20%26%20team' +
        '&body=Dear%20Dr.%20%C3%81lvarez%2C%0D%0A%0D%0AThank%20you!',
    );
  });

  it('lists several recipients separated by commas and encodes characters unsafe in a URL', () => {
    expect(mailtoUrl({ to: ['pd@example.org', 'coord+fm@example.org'], subject: '100% in', body: '?' })).toBe(
      'mailto:pd@example.org,coord%2Bfm@example.org?subject=100%25%20in&body=%3F',
    );
  });
});
