/**
 * Interview questions in our own words, grouped the way applicants prepare: stories about themselves
 * (behavioural), the specialty, being an international graduate, and the program in front of them. Each has
 * a short "what they listen for" so practice aims at the point of the question, not a memorised script.
 */

export const QUESTION_CATEGORIES = [
  { id: 'behavioural', label: 'Behavioural' },
  { id: 'why-family-medicine', label: 'Why family medicine' },
  { id: 'img', label: 'International graduates' },
  { id: 'program-specific', label: 'This program' },
] as const;

export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number]['id'];

/**
 * Who a question is asked of, when not everyone: any international graduate, one who is not a U.S. citizen (or
 * permanent resident), one who needs a visa, or one with time since graduation to account for.
 */
export type QuestionAudience = 'img' | 'non-us-img' | 'visa' | 'graduation-gap';

export interface InterviewQuestion {
  /** Stable: practice log entries point at it. */
  id: string;
  category: QuestionCategory;
  text: string;
  listenFor: string;
  /** Absent: asked of everyone. */
  audience?: QuestionAudience;
}

const q = (
  id: string,
  category: QuestionCategory,
  text: string,
  listenFor: string,
  audience?: QuestionAudience,
): InterviewQuestion => ({ id, category, text, listenFor, ...(audience ? { audience } : {}) });

export const QUESTION_BANK: readonly InterviewQuestion[] = [
  q(
    'beh-1',
    'behavioural',
    'Walk me through a time a patient or family disagreed with the plan. What did you do?',
    'Listening before persuading, respect for the patient’s choice, and what you changed afterwards.',
  ),
  q(
    'beh-2',
    'behavioural',
    'Tell me about a mistake you made in patient care and what followed.',
    'Owning it plainly, disclosing and fixing it, and a concrete change in how you work now.',
  ),
  q(
    'beh-3',
    'behavioural',
    'Describe a conflict with a colleague or senior and how it ended.',
    'Calm, specific behaviour; going to the person first; no blaming; the patient kept at the centre.',
  ),
  q(
    'beh-4',
    'behavioural',
    'When were you last overwhelmed by work, and how did you get through it?',
    'Prioritising, asking for help early, and habits that protect your wellbeing over three years.',
  ),
  q(
    'beh-5',
    'behavioural',
    'Give an example of leading a team or a project without being formally in charge.',
    'Initiative, bringing others along, and a result you can measure or describe.',
  ),
  q(
    'beh-6',
    'behavioural',
    'Tell me about feedback that was hard to hear. What did you do with it?',
    'Openness to coaching and evidence that you acted on it, not just accepted it.',
  ),
  q(
    'beh-7',
    'behavioural',
    'Describe a patient who taught you something about medicine beyond the diagnosis.',
    'Curiosity about the person and context — the core of continuity care.',
  ),
  q(
    'beh-8',
    'behavioural',
    'Tell me about a time you noticed something unsafe. What did you do?',
    'Speaking up through the right channel, even when it was awkward.',
  ),
  q(
    'beh-9',
    'behavioural',
    'How do you explain a new diagnosis to someone with limited health literacy?',
    'Plain words, teach-back, an interpreter when needed, and checking what matters to them.',
  ),
  q(
    'beh-10',
    'behavioural',
    'What do you do outside medicine, and what has it taught you?',
    'A real person with interests and resilience; a thread that connects to how you practise.',
  ),
  q(
    'fm-1',
    'why-family-medicine',
    'Why family medicine rather than internal medicine or pediatrics?',
    'A reason rooted in experience — breadth, continuity, whole families — not "it is easier to match".',
  ),
  q(
    'fm-2',
    'why-family-medicine',
    'Describe the moment you knew family medicine was the right field for you.',
    'A specific story, told honestly, that shows what you value in the work.',
  ),
  q(
    'fm-3',
    'why-family-medicine',
    'Where do you see yourself practising five to ten years after residency?',
    'A plausible picture (setting, population, scope) that matches what the program trains for.',
  ),
  q(
    'fm-4',
    'why-family-medicine',
    'What does continuity of care mean to you in practice?',
    'Understanding that the relationship itself improves outcomes, with an example.',
  ),
  q(
    'fm-5',
    'why-family-medicine',
    'Which parts of the full scope — obstetrics, procedures, inpatient, behavioural health — interest you most?',
    'Informed interest in the breadth, and honesty about what you want more training in.',
  ),
  q(
    'fm-6',
    'why-family-medicine',
    'How would you address a social need, like food or housing, that is affecting a patient’s health?',
    'Awareness of social determinants and of the team and community resources, not just prescriptions.',
  ),
  q(
    'fm-7',
    'why-family-medicine',
    'What do you think is the biggest challenge facing primary care right now?',
    'An informed, balanced view (access, burnout, payment) and ideas rather than complaints.',
  ),
  q(
    'img-1',
    'img',
    'Tell me about your clinical experience in the United States and what it showed you about the system here.',
    'Concrete US clinical work, adapting to the EHR, teams and documentation, and what you learned.',
    'img',
  ),
  q(
    'img-2',
    'img',
    'How is practising medicine where you trained different from what you have seen here?',
    'Reflection without judging either system; adaptability; what you will bring with you.',
    'img',
  ),
  q(
    'img-3',
    'img',
    'There is a gap since you graduated. What have you been doing?',
    'A clear, honest account that shows you stayed clinically engaged and kept learning.',
    'graduation-gap',
  ),
  q(
    'img-4',
    'img',
    'Why did you choose to train in the United States?',
    'A reason beyond opportunity alone, and commitment to completing the residency.',
    'non-us-img',
  ),
  q(
    'img-5',
    'img',
    'How do you make sure you understand patients and colleagues when accents or slang get in the way?',
    'Checking understanding without embarrassment, asking for clarification, and using interpreters well.',
    'non-us-img',
  ),
  q(
    'img-6',
    'img',
    'How will your visa situation affect your training here?',
    'Knowing your own status and the steps and timelines, so the program sees no surprises.',
    'visa',
  ),
  q(
    'img-7',
    'img',
    'How have you prepared for life away from your family and usual support?',
    'A realistic plan for support and wellbeing through a demanding residency.',
    'non-us-img',
  ),
  q(
    'prog-1',
    'program-specific',
    'Why are you interested in our program in particular?',
    'Details only this program has — curriculum, community, people you spoke to — not a generic answer.',
  ),
  q(
    'prog-2',
    'program-specific',
    'What do you know about the community and patients we serve?',
    'Homework on the population, the clinic sites and the community’s health needs.',
  ),
  q(
    'prog-3',
    'program-specific',
    'Which of our tracks, rotations or clinics would you want to be part of, and why?',
    'Having read the program’s curriculum and connecting it to your goals.',
  ),
  q(
    'prog-4',
    'program-specific',
    'What would you contribute to our residency class?',
    'A specific skill, experience or perspective, and how it helps the team.',
  ),
  q(
    'prog-5',
    'program-specific',
    'What would make you rank a program highly?',
    'Clear priorities that the program can recognise in itself — honest, not flattering.',
  ),
  q(
    'prog-6',
    'program-specific',
    'What questions do you have for us?',
    'Thoughtful questions that show research and real interest (teaching, wellness, graduates’ paths).',
  ),
];

/** A question by id, or undefined when the bank has no such question. */
export function questionById(id: string): InterviewQuestion | undefined {
  return QUESTION_BANK.find((question) => question.id === id);
}

/** What the bank needs to know about the applicant to choose questions; from the profile. */
export interface QuestionApplicant {
  applicantType: 'us-md' | 'us-do' | 'us-img' | 'non-us-img';
  visaNeed: 'none' | 'j1' | 'h1b';
  graduationYear: number;
}

/**
 * Whether a question is asked of this applicant: international-graduate questions only of IMGs, the visa question
 * only when a visa is needed, questions about leaving home for a non-U.S. IMG, and "a gap since you graduated" only
 * when more than a year lies between graduation and the start of residency (July of the Match year).
 */
export function isAskedOf(
  question: InterviewQuestion,
  applicant: QuestionApplicant,
  matchYear: number,
): boolean {
  const img = applicant.applicantType === 'us-img' || applicant.applicantType === 'non-us-img';
  switch (question.audience) {
    case undefined:
      return true;
    case 'img':
      return img;
    case 'non-us-img':
      return applicant.applicantType === 'non-us-img';
    case 'visa':
      return applicant.visaNeed !== 'none';
    case 'graduation-gap':
      return matchYear - applicant.graduationYear > 1;
  }
}

/**
 * The questions for an applicant, in bank order; with no profile yet, the whole bank.
 *
 * @example questionsFor({ applicantType: 'us-img', visaNeed: 'none', graduationYear: 2023 }, 2027) // no visa question
 */
export function questionsFor(applicant: QuestionApplicant | null, matchYear: number): InterviewQuestion[] {
  return QUESTION_BANK.filter((question) => applicant === null || isAskedOf(question, applicant, matchYear));
}
