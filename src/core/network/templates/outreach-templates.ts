import type { InteractionKind, MessagePurpose } from '../interaction.js';

/**
 * Outreach messages for a U.S.-citizen IMG applying to family medicine, written for Matchwise. They follow
 * the networking playbook: short, specific, easy to say no to, and one clear ask at most. The user edits the
 * rendered text before sending; the templates only spare them the blank page.
 */
export interface OutreachTemplate {
  id: OutreachTemplateId;
  name: string;
  /** One line: the moment this message is for. */
  whenToUse: string;
  subject: string;
  body: string;
  /** How "Log as sent" records it, so the playbook closes the task this message is for and no other. */
  logAs: TemplateLog;
}

export interface TemplateLog {
  kind: Extract<InteractionKind, 'email-sent' | 'letter-requested'>;
  purpose: MessagePurpose;
  /** It asks for something ("give before you ask" counts these). */
  isRequest: boolean;
}

export type OutreachTemplateId =
  | 'cold-alumnus'
  | 'cold-img-faculty'
  | 'rotation-thank-you'
  | 'letter-request'
  | 'conference-follow-up'
  | 'program-interest'
  | 'mentor-update'
  | 'post-match-thanks';

const GREETING = 'Dear {{contact.title}} {{contact.lastName}},';
const SIGNATURE = 'With thanks,\n{{me.name}}';

export const OUTREACH_TEMPLATES: readonly OutreachTemplate[] = [
  {
    id: 'cold-alumnus',
    logAs: { kind: 'email-sent', purpose: 'introduction', isRequest: true },
    name: 'Cold outreach to an alumnus',
    whenToUse: 'A graduate of your school now in U.S. family medicine whom you have never spoken to.',
    subject: 'A fellow {{me.school}} graduate asking for 15 minutes of advice',
    body: `${GREETING}

I am {{me.name}}, a {{me.graduationYear}} graduate of {{me.school}}. I saw that you made the same jump I am attempting, from our school to family medicine at {{program.name}}, and I would love to hear how you did it.

I am a U.S. citizen applying to family medicine residencies this cycle. Could you spare 15 minutes for a call, or a few lines by email, on what made the difference for you and what you would do again?

I know your days are full, so no reply is needed if now is not a good time.

${SIGNATURE}`,
  },
  {
    id: 'cold-img-faculty',
    logAs: { kind: 'email-sent', purpose: 'introduction', isRequest: true },
    name: 'Cold outreach to an IMG faculty member',
    whenToUse: 'A faculty member who trained abroad, at a program you are seriously considering.',
    subject: 'An international graduate interested in family medicine at {{program.name}}',
    body: `${GREETING}

My name is {{me.name}}. I am a U.S. citizen and graduated from {{me.school}} in {{me.graduationYear}}. While reading about the faculty at {{program.name}}, I was encouraged to see someone who also began medicine outside the United States.

Would you be open to a short conversation about how your program looks at applicants with an international degree, and what helped you most on the way to residency? Ten or fifteen minutes at a time that suits you would mean a lot.

If this is not possible, I completely understand, and thank you for reading.

${SIGNATURE}`,
  },
  {
    id: 'rotation-thank-you',
    logAs: { kind: 'email-sent', purpose: 'thank-you', isRequest: false },
    name: 'Thank-you after a rotation',
    whenToUse: 'Within 48 hours of the last day of a rotation, to each attending who taught you.',
    subject: 'Thank you for my rotation at {{rotation.site}}',
    body: `${GREETING}

Thank you for teaching me during my rotation at {{rotation.site}} ({{rotation.dates}}). You were generous with your time and your patients, and it showed me the kind of family physician I want to become.

One thing I am taking with me: {{learned}}

If you have a moment, I would value any feedback on where I can still grow before residency.

${SIGNATURE}`,
  },
  {
    id: 'letter-request',
    logAs: { kind: 'letter-requested', purpose: 'letter-request', isRequest: true },
    name: 'Letter of recommendation request',
    whenToUse: 'Soon after a rotation, while your work is fresh, to a physician who saw it closely.',
    subject: 'Request for a letter of recommendation for family medicine',
    body: `${GREETING}

I really enjoyed working with you at {{rotation.site}} ({{rotation.dates}}). I am applying to family medicine residency programs this cycle, and I would be honored if you would write a letter of recommendation for me through ERAS.

If you feel you do not know my work well enough for a strong letter, please tell me; I will understand completely. To save you time, here are a few things from our weeks together:

{{bragSheet}}

Once you let me know, I will send my CV, personal statement and the ERAS letter request form.

${SIGNATURE}`,
  },
  {
    id: 'conference-follow-up',
    logAs: { kind: 'email-sent', purpose: 'follow-up', isRequest: false },
    name: 'Follow-up after a conference',
    whenToUse: 'Within 7 days of a conference or fair, to each person you spoke with.',
    subject: 'Good to meet you at {{event.name}}',
    body: `${GREETING}

Thank you for talking with me at {{event.name}}. I keep coming back to what you said: {{learned}}

Our conversation made me even more interested in {{program.name}}. I am a U.S. citizen and {{me.graduationYear}} graduate of {{me.school}}, applying to family medicine this cycle, and I would be glad to stay in touch.

${SIGNATURE}`,
  },
  {
    id: 'program-interest',
    logAs: { kind: 'email-sent', purpose: 'update', isRequest: false },
    name: 'Interest message to a program',
    whenToUse: 'Before or after applying, to tell a program why it is a real fit for you.',
    subject: 'Interest in family medicine at {{program.name}}: {{me.name}}',
    body: `${GREETING}

I am writing to tell you how much I would like to train in family medicine at {{program.name}}. I am a U.S. citizen and graduated from {{me.school}} in {{me.graduationYear}}.

What I learned about your program that stays with me: {{learned}}

My application is in ERAS, and I would be glad to answer any question or send anything else that helps.

${SIGNATURE}`,
  },
  {
    id: 'mentor-update',
    logAs: { kind: 'email-sent', purpose: 'update', isRequest: false },
    name: 'Periodic update to a mentor',
    whenToUse: 'Every few months to inner-circle mentors, whether or not you need anything.',
    subject: 'An update from {{me.name}}',
    body: `${GREETING}

It has been a little while, so here is where things stand:

{{bragSheet}}

Something I learned recently that made me think of you: {{learned}}

There is no request in this one; I just wanted you to know your advice is being put to use. If there is anything I can do for you, please tell me.

${SIGNATURE}`,
  },
  {
    id: 'post-match-thanks',
    logAs: { kind: 'email-sent', purpose: 'thank-you', isRequest: false },
    name: 'Thanks after the Match',
    whenToUse: 'Match week, to everyone who advised you, wrote for you or introduced you.',
    subject: 'I matched at {{program.name}}. Thank you!',
    body: `${GREETING}

I am very happy to tell you that I matched in family medicine at {{program.name}}.

You were part of how I got here, and I will not forget it. Thank you for your time, your honesty and your support along the way. I will keep you posted once residency starts, and I hope to do for another applicant what you did for me.

${SIGNATURE}`,
  },
];

/** The template with this id; undefined for an id from an older URL or saved draft. */
export function findTemplate(id: string): OutreachTemplate | undefined {
  return OUTREACH_TEMPLATES.find((candidate) => candidate.id === id);
}
