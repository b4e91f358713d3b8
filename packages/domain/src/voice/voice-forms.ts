/**
 * Pupil and parent/carer voice, every half-term (policy §5.3, §6.2). The pupil form is for pupils with
 * complex needs: a few questions in plain words, each answered on a five-face scale, each able to be
 * read aloud; the parent form asks about progress, communication, safety and what should change.
 */
import { z } from 'zod';
import type { SchoolCalendar } from '../calendar/school-calendar.ts';

export const respondents = ['pupil', 'parent'] as const;
export type Respondent = (typeof respondents)[number];

export interface VoiceQuestion {
  id: string;
  /** Plain words, short enough to read aloud. */
  text: string;
  kind: 'scale' | 'words';
}

export const voiceForms: Record<Respondent, VoiceQuestion[]> = {
  pupil: [
    { id: 'feel', text: 'How do you feel about coming here?', kind: 'scale' },
    { id: 'safe', text: 'Do you feel safe here?', kind: 'scale' },
    { id: 'learning', text: 'Are you learning new things?', kind: 'scale' },
    { id: 'adults', text: 'Do the adults here help you?', kind: 'scale' },
    { id: 'better', text: 'What would make it better?', kind: 'words' },
  ],
  parent: [
    { id: 'progress', text: 'How well is your child getting on with their learning?', kind: 'scale' },
    {
      id: 'communication',
      text: 'How well do the school and the provider keep you informed?',
      kind: 'scale',
    },
    { id: 'safety', text: 'How safe do you feel your child is at the provision?', kind: 'scale' },
    { id: 'change', text: 'What should change?', kind: 'words' },
  ],
};

/** The five faces, worst to best, with the words a screen reader and the read-aloud use. */
export const voiceScale = [
  { value: 1, face: '😢', words: 'Very bad' },
  { value: 2, face: '🙁', words: 'Bad' },
  { value: 3, face: '😐', words: 'OK' },
  { value: 4, face: '🙂', words: 'Good' },
  { value: 5, face: '😀', words: 'Very good' },
] as const;

export function voiceAnswersSchema(respondent: Respondent) {
  const questions = voiceForms[respondent];
  return z.strictObject({
    answers: z.strictObject(
      Object.fromEntries(
        questions.map((q) => [
          q.id,
          q.kind === 'scale'
            ? z.number({ error: 'Choose a face' }).int().min(1, 'Choose a face').max(5, 'Choose a face')
            : z.string().trim().max(2000, 'Keep this under 2,000 characters').default(''),
        ]),
      ),
    ),
    /** A member of staff sat with the pupil and filled it in together. */
    withStaff: z.boolean().default(false),
  });
}

export type VoiceAnswers = Record<string, number | string>;

/** The average of each scale question over a set of responses, for trends per provider. */
export function averageScores(respondent: Respondent, responses: readonly VoiceAnswers[]) {
  return voiceForms[respondent]
    .filter((q) => q.kind === 'scale')
    .map((q) => {
      const values = responses.map((r) => r[q.id]).filter((v): v is number => typeof v === 'number');
      return {
        questionId: q.id,
        text: q.text,
        responses: values.length,
        average: values.length
          ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
          : null,
      };
    });
}

/**
 * The voice request a placement has on a date: one per half-term, asking about that half-term and
 * ending on its last day. None in the holidays between half-terms.
 */
export function voiceHalfTermOn(calendar: Pick<SchoolCalendar, 'halfTermOf'>, date: string) {
  const half = calendar.halfTermOf(date);
  return half ? { halfTerm: `${half.academicYear} ${half.term} ${half.half}`, expiresOn: half.endsOn } : null;
}
