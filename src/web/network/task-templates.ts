import type { RuleId } from '../../core/network/index.js';
import type { OutreachTemplateId } from '../../core/network/templates/index.js';

/** The outreach template that carries out a playbook task, when one fits. */
export const TEMPLATE_FOR_RULE: Partial<Record<RuleId, OutreachTemplateId>> = {
  'rotation-thank-you': 'rotation-thank-you',
  'rotation-letter': 'letter-request',
  'event-follow-up': 'conference-follow-up',
  'inner-circle-update': 'mentor-update',
  'reintroduce-before-submission': 'program-interest',
  'match-thanks': 'post-match-thanks',
};

/** The Compose address for a task tied to a contact and a template, else null. */
export function composeHrefForTask(task: { ruleId: RuleId; contactId?: string }): string | null {
  const template = TEMPLATE_FOR_RULE[task.ruleId];
  if (!template || !task.contactId) return null;
  return `/compose?contact=${encodeURIComponent(task.contactId)}&template=${template}`;
}
