import type { CellValue } from 'exceljs';

/**
 * The text a person sees in a spreadsheet cell, as the importer's cell readers expect it: numbers without
 * binary noise or a trailing ".0", dates as YYYY-MM-DD, rich text flattened, a formula's cached result,
 * an error value as its code ("#N/A") so the row fails with a message rather than importing a blank.
 */
export function xlsxCellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return hyperlinkText(value.text);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return xlsxCellText(value.result ?? null);
  return '';
}

/** 15 significant digits is what Excel shows; it hides 0.1 + 0.2 style noise and keeps 10-digit ids whole. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Excel dates carry no zone; exceljs returns them as UTC. A date without a time reads as YYYY-MM-DD. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A hyperlink's text can itself be rich text in files written by some tools. */
function hyperlinkText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText
      .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return '';
}
