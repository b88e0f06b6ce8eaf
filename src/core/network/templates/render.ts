import { err, ok, type Result } from '../../shared/result.js';
import { isMergeField, MERGE_FIELDS, type MergeValues, mergeValue } from './merge-fields.js';
import type { OutreachTemplate } from './outreach-templates.js';

export interface RenderedMessage {
  subject: string;
  body: string;
}

export interface TemplateIssue {
  /** The field as written between the braces, e.g. "contact.lastName". */
  field: string;
  problem: 'missing' | 'unknown' | 'malformed';
  message: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fills a template's merge fields. Either every field has a value and the message comes back whole, or the
 * caller gets every field that is missing or unknown, by name and once each, to ask the user for. A message
 * with a blank where a name should be is worse than no message, so there is no partial result.
 *
 * @example
 * renderTemplate(rotationThankYou, { contact: { title: 'Dr.', lastName: 'Álvarez' } })
 * // { ok: false, error: [{ field: 'rotation.site', problem: 'missing', … }, …] }
 */
export function renderTemplate(
  template: Pick<OutreachTemplate, 'subject' | 'body'>,
  values: MergeValues,
): Result<RenderedMessage, TemplateIssue[]> {
  const issues = new Map<string, TemplateIssue>();
  const fill = (text: string, inHeader: boolean) => {
    const filled = text.replace(PLACEHOLDER, (placeholder, field: string) => {
      if (!isMergeField(field)) {
        issues.set(field, { field, problem: 'unknown', message: `"${placeholder}" is not a merge field.` });
        return placeholder;
      }
      const value = mergeValue(values, field);
      if (value === null) {
        issues.set(field, { field, problem: 'missing', message: `${MERGE_FIELDS[field]} is needed.` });
        return placeholder;
      }
      // A line break in a subject would end the mail header early; one line it is.
      return inHeader ? value.replace(/\s+/g, ' ') : value;
    });
    const stray = filled.replace(PLACEHOLDER, '').match(/\{\{|\}\}/);
    if (stray) {
      issues.set(stray[0], {
        field: stray[0],
        problem: 'malformed',
        message: `"${stray[0]}" has no matching "${stray[0] === '{{' ? '}}' : '{{'}".`,
      });
    }
    return filled;
  };
  const subject = fill(template.subject, true);
  const body = fill(template.body, false);
  return issues.size > 0 ? err([...issues.values()]) : ok({ subject, body });
}
