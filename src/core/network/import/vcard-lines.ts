import { err, ok, type Result } from '../../shared/result.js';

/** One logical vCard line after unfolding, with the physical line it starts on. */
export interface ContentLine {
  line: number;
  /** Upper-cased property name without its group: "item1.EMAIL" → "EMAIL". */
  name: string;
  /** Upper-cased parameter names → values (TYPE=work,home gives ['WORK', 'HOME'] upper-cased too). */
  params: Map<string, string[]>;
  /** Raw value, still escaped. */
  value: string;
}

/**
 * Joins folded lines: a line starting with a space or tab continues the one before (RFC 6350 §3.2,
 * RFC 2425 for 3.0), after CRLF or a bare LF, as exporters disagree. vCard 2.1 quoted-printable values
 * instead end a line with "=" and go on at the start of the next one (a "soft line break").
 */
export function unfold(text: string): { line: number; text: string }[] {
  const physical = text.split(/\r\n|\r|\n/);
  const logical: { line: number; text: string }[] = [];
  let previousIsSoftBreak = false;
  physical.forEach((raw, index) => {
    const last = logical[logical.length - 1];
    if (last && previousIsSoftBreak) {
      last.text = last.text.slice(0, -1) + raw;
    } else if (last && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      last.text += raw.slice(1);
    } else {
      logical.push({ line: index + 1, text: raw });
    }
    const current = logical[logical.length - 1];
    previousIsSoftBreak =
      current !== undefined && current.text.endsWith('=') && isQuotedPrintable(current.text);
  });
  return logical.filter((entry) => entry.text.trim() !== '');
}

function isQuotedPrintable(text: string): boolean {
  const colon = text.indexOf(':');
  return colon !== -1 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
}

/**
 * Splits "item1.TEL;TYPE=work,voice;PREF=1:+1 555 0100" into name, parameters and value. Quoted parameter
 * values may hold ":" and ";". vCard 2.1's bare parameters ("TEL;WORK;VOICE:") are read as TYPE values.
 */
export function parseContentLine(entry: { line: number; text: string }): Result<ContentLine, string> {
  const { text } = entry;
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let valueStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === ':') {
      valueStart = i + 1;
      break;
    }
    if (!quoted && c === ';') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (valueStart === -1) return err(`"${abbreviate(text)}" is not a vCard property (no ":").`);
  parts.push(current);
  const [rawName = '', ...rawParams] = parts;
  const name = rawName
    .slice(rawName.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return err(`"${abbreviate(rawName)}" is not a vCard property name.`);
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    const key = eq === -1 ? 'TYPE' : param.slice(0, eq).trim().toUpperCase();
    const raw = eq === -1 ? param : param.slice(eq + 1);
    // 2.1 writes a bare "QUOTED-PRINTABLE" as shorthand for ENCODING=QUOTED-PRINTABLE.
    const target = eq === -1 && /^(QUOTED-PRINTABLE|BASE64|B)$/i.test(raw.trim()) ? 'ENCODING' : key;
    const values = raw.split(',').map((value) => value.trim().replace(/^"|"$/g, '').toUpperCase());
    params.set(target, [...(params.get(target) ?? []), ...values]);
  }
  return ok({ line: entry.line, name, params, value: text.slice(valueStart) });
}

/** Splits on a separator that is not backslash-escaped, leaving escapes for unescapeText. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Undoes text escaping: \\ \; \, and \n or \N (a line break). Any other backslash is kept as written. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Decodes a quoted-printable value (=XX bytes) in the given charset; null when it cannot be decoded. */
export function decodeQuotedPrintable(value: string, charset: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d) {
      const hex = value.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const codePoint = value.codePointAt(i) ?? 0;
      bytes.push(...new TextEncoder().encode(String.fromCodePoint(codePoint)));
      if (codePoint > 0xffff) i++; // the second half of a surrogate pair
    }
  }
  try {
    return new TextDecoder(charset, { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
