import { describe, expect, it } from 'vitest';
import { toEml } from './eml.js';

const DATE = new Date('2026-03-20T14:05:09Z');

describe('toEml', () => {
  it('writes a plain ASCII thank-you as an 8bit UTF-8 message with CRLF line ends', () => {
    expect(
      toEml({
        from: { name: 'Maria Santos', address: 'maria@example.org' },
        to: 'jalvarez@example.org',
        subject: 'Thank you for my rotation',
        body: 'Dear Dr. Alvarez,\n\nThank you.\n',
        date: DATE,
      }),
    ).toBe(
      [
        'From: Maria Santos <maria@example.org>',
        'To: jalvarez@example.org',
        'Subject: Thank you for my rotation',
        'Date: Fri, 20 Mar 2026 14:05:09 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        'X-Unsent: 1',
        '',
        'Dear Dr. Alvarez,',
        '',
        'Thank you.',
        '',
      ].join('\r\n'),
    );
  });

  it('encodes a non-ASCII subject and display name as RFC 2047 words, and quotes a name with a comma', () => {
    const eml = toEml({
      to: [
        { name: 'José Álvarez', address: 'jalvarez@example.org' },
        { name: 'Okafor, Zoë A.', address: 'z@example.org' },
      ],
      subject: 'Gracias, Dr. Álvarez',
      body: 'Hola',
      date: DATE,
    });
    expect(eml).toContain(
      'To: =?UTF-8?B?Sm9zw6kgw4FsdmFyZXo=?= <jalvarez@example.org>, =?UTF-8?B?T2thZm9yLCBab8OrIEEu?= <z@example.org>\r\n',
    );
    expect(eml).toContain('Subject: =?UTF-8?B?R3JhY2lhcywgRHIuIMOBbHZhcmV6?=\r\n');
    expect(eml.endsWith('\r\n\r\nHola\r\n')).toBe(true);
  });

  it('splits a long non-ASCII subject into encoded words on header lines of at most 78 characters', () => {
    const subject = 'Agradecimiento por la rotación en la Clínica Familiar de Mayagüez y por sus enseñanzas';
    const eml = toEml({ to: 'a@example.org', subject, body: 'x', date: DATE });
    const header = /Subject: (.*?)\r\nDate/s.exec(eml)?.[1] ?? '';
    const lines = `Subject: ${header}`.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
    const decoded = header
      .split('\r\n ')
      .map((word) => /=\?UTF-8\?B\?(.*)\?=/.exec(word)?.[1] ?? '')
      .map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    expect(new TextDecoder().decode(new Uint8Array(decoded.flatMap((bytes) => [...bytes])))).toBe(subject);
  });

  it('switches to quoted-printable when a line is too long for 8bit', () => {
    const eml = toEml({
      to: 'a@example.org',
      subject: 'Brag sheet',
      body: `Café ${'x'.repeat(1000)}`,
      date: DATE,
    });
    expect(eml).toContain('Content-Transfer-Encoding: quoted-printable\r\n');
    const body = eml.split('\r\n\r\n')[1] ?? '';
    expect(body.startsWith('Caf=C3=A9 xxx')).toBe(true);
    for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  });

  it('never lets a line break in the subject start the body early', () => {
    const eml = toEml({
      to: 'a@example.org',
      subject: 'Hi\r\nBcc: everyone@example.org',
      body: 'x',
      date: DATE,
    });
    expect(eml).toContain('Subject: Hi Bcc: everyone@example.org\r\n');
  });
});
