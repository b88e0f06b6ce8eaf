export interface MailtoInput {
  /** One address or several; bare addresses ("jalvarez@example.org"), as RFC 6068 expects. */
  to: string | readonly string[];
  subject: string;
  body: string;
}

/**
 * A mailto: link (RFC 6068) that opens the user's mail client with the message filled in: UTF-8
 * percent-encoded, spaces as %20 (a "+" would arrive as a plus sign), line breaks as %0D%0A.
 *
 * @example
 * mailtoUrl({ to: 'jalvarez@example.org', subject: 'Gracias, Dr. Álvarez', body: 'Hi' })
 * // 'mailto:jalvarez@example.org?subject=Gracias%2C%20Dr.%20%C3%81lvarez&body=Hi'
 */
export function mailtoUrl({ to, subject, body }: MailtoInput): string {
  const addresses = (typeof to === 'string' ? [to] : to)
    .map((address) => encodeURIComponent(address.trim()).replaceAll('%40', '@'))
    .join(',');
  const crlfBody = body.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${addresses}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlfBody)}`;
}
