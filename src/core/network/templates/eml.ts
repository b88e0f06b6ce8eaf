/** An address with an optional display name; a plain string is used as written. */
export type EmailAddress = string | { name: string; address: string };

export interface EmlInput {
  from?: EmailAddress;
  to: EmailAddress | readonly EmailAddress[];
  subject: string;
  body: string;
  /** The message date; passed in because core never reads the clock. */
  date: Date;
}

/** RFC 5322 §2.1.1: a line MUST NOT exceed 998 octets; longer body lines force quoted-printable. */
const MAX_LINE_OCTETS = 998;
/** RFC 5322 §2.1.1: header lines SHOULD stay within 78 characters. */
const HEADER_WIDTH = 78;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const encoder = new TextEncoder();

/**
 * The text of a .eml file (RFC 5322, MIME text/plain UTF-8, CRLF line ends) that a mail client opens as a
 * message ready to send. A non-ASCII subject or display name is written as RFC 2047 encoded words.
 * "X-Unsent: 1" makes Outlook open it as an unsent draft with a Send button instead of a received mail.
 *
 * @example
 * toEml({ to: 'jalvarez@example.org', subject: 'Thank you', body: 'Dear Dr. Álvarez,', date })
 * // 'To: jalvarez@example.org\r\nSubject: Thank you\r\nDate: …\r\nMIME-Version: 1.0\r\n…'
 */
export function toEml({ from, to, subject, body, date }: EmlInput): string {
  const lines = body.split(/\r\n|\r|\n/);
  const quoted = lines.some((line) => encoder.encode(line).length > MAX_LINE_OCTETS);
  const headers = [
    ...(from === undefined ? [] : [`From: ${formatAddress(from)}`]),
    `To: ${(Array.isArray(to) ? to : [to as EmailAddress]).map(formatAddress).join(', ')}`,
    `Subject: ${encodeHeaderText(oneLine(subject), 'Subject: '.length)}`,
    `Date: ${rfc5322Date(date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${quoted ? 'quoted-printable' : '8bit'}`,
    'X-Unsent: 1',
  ];
  const text = quoted ? lines.map(quotedPrintableLine).join('\r\n') : lines.join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${text}${text.endsWith('\r\n') ? '' : '\r\n'}`;
}

/** "Wed, 25 Nov 2026 12:16:34 +0000": written in UTC so the same input always gives the same file. */
export function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

function formatAddress(address: EmailAddress): string {
  if (typeof address === 'string') return oneLine(address);
  const name = oneLine(address.name);
  const mailbox = `<${oneLine(address.address)}>`;
  if (name === '') return mailbox;
  if (!isAscii(name)) return `${encodeHeaderText(name, 0)} ${mailbox}`;
  // A name with a comma or a period ("Álvarez, José", "J. Smith") must be quoted or it reads as two addresses.
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(name)
    ? `${name} ${mailbox}`
    : `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" ${mailbox}`;
}

/** Header values never span lines: a stray line break would end the header and start the body early. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * ASCII text as is; anything else as RFC 2047 "B" encoded words, each at most 75 characters and never
 * splitting a character, folded onto continuation lines so each header line stays within 78 characters.
 */
export function encodeHeaderText(text: string, prefixLength: number): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk: number[] = [];
  let room = HEADER_WIDTH - prefixLength;
  const flush = () => {
    words.push(`=?UTF-8?B?${btoa(String.fromCharCode(...chunk))}?=`);
    chunk = [];
    room = HEADER_WIDTH - 1; // continuation lines start with one space
  };
  for (const char of text) {
    const bytes = [...encoder.encode(char)];
    // "=?UTF-8?B?" + "?=" is 12 characters; base64 turns every 3 bytes (or part of them) into 4.
    const maxBytes = Math.floor((Math.min(room, 75) - 12) / 4) * 3;
    if (chunk.length + bytes.length > maxBytes && chunk.length > 0) flush();
    chunk.push(...bytes);
  }
  flush();
  return words.join('\r\n ');
}

/** One body line as quoted-printable (RFC 2045 §6.7), soft-wrapped so no encoded line passes 76 characters. */
function quotedPrintableLine(line: string): string {
  const bytes = encoder.encode(line);
  const out: string[] = [];
  let current = '';
  bytes.forEach((byte, index) => {
    const last = index === bytes.length - 1;
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
    const piece = literal
      ? String.fromCharCode(byte)
      : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (current.length + piece.length > 75) {
      out.push(`${current}=`);
      current = '';
    }
    current += piece;
  });
  out.push(current);
  return out.join('\r\n');
}
