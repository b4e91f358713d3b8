import { type Respondent, voiceForms, voiceScale } from '@waymark/domain';

/** What an answer says, in words: "Do you feel safe here? Very good". */
export function describeAnswers(respondent: Respondent, answers: Record<string, number | string>) {
  return voiceForms[respondent]
    .filter((q) => answers[q.id] !== undefined && answers[q.id] !== '')
    .map((q) =>
      typeof answers[q.id] === 'number'
        ? `${q.text} ${voiceScale.find((s) => s.value === answers[q.id])?.words ?? answers[q.id]}`
        : `${q.text} “${answers[q.id]}”`,
    );
}
