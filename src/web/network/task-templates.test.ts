import { describe, expect, it } from 'vitest';
import { composeHrefForTask } from './task-templates.js';

describe('composeHrefForTask', () => {
  it('links a contact task to its template', () => {
    expect(composeHrefForTask({ ruleId: 'rotation-thank-you', contactId: 'c 1' })).toBe(
      '/compose?contact=c%201&template=rotation-thank-you',
    );
  });
  it('has no link without a contact or a template', () => {
    expect(composeHrefForTask({ ruleId: 'rotation-thank-you' })).toBeNull();
    expect(composeHrefForTask({ ruleId: 'give-before-ask', contactId: 'c1' })).toBeNull();
  });
});
