/**
 * Outreach templates and the ways a rendered message leaves Matchwise (mailto: link, .eml file), all pure.
 */
export { type EmailAddress, type EmlInput, toEml } from './eml.js';
export { type MailtoInput, mailtoUrl } from './mailto.js';
export { isMergeField, MERGE_FIELDS, type MergeField, type MergeValues, mergeValue } from './merge-fields.js';
export {
  findTemplate,
  OUTREACH_TEMPLATES,
  type OutreachTemplate,
  type OutreachTemplateId,
} from './outreach-templates.js';
export { type RenderedMessage, renderTemplate, type TemplateIssue } from './render.js';
