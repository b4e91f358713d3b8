/**
 * Appendix 5 "Ongoing Quality Assurance Monitoring of Teaching & Learning" as a versioned template:
 * every area and line of the policy, word for word (a test compares them with the policy text). Each
 * line gets a judgement and a comment at a termly QA visit.
 */
import { z } from 'zod';

export interface QaLine {
  id: string;
  text: string;
}

export interface QaArea {
  id: string;
  title: string;
  /** Judged only where it applies (the policy's "when applicable"): a line may be marked not applicable. */
  optional?: boolean;
  lines: QaLine[];
}

export interface QaTemplate {
  version: number;
  areas: QaArea[];
}

const lines = (prefix: string, texts: string[]): QaLine[] =>
  texts.map((text, i) => ({ id: `${prefix}.${i + 1}`, text }));

export const appendix5: QaTemplate = {
  version: 1,
  areas: [
    {
      id: 'curriculum',
      title: 'Curriculum',
      lines: lines('curriculum', [
        'Delivery of a broad and balanced curriculum / range of accredited courses',
        'Quality of teaching and learning: planning, delivery, relevance',
        "Accurate identification of pupils' needs to address barriers to learning",
        "Scrutiny of pupils' work",
        'Quality of assessment and feedback',
        'Progress and attainment tracking',
        'Transition support',
      ]),
    },
    {
      id: 'attendance',
      title: 'Attendance',
      lines: lines('attendance', [
        'Daily recording of attendance',
        'First day response procedures for non-attendance',
        'Tracking of attendance data',
      ]),
    },
    {
      id: 'behaviour',
      title: 'Behaviour',
      lines: lines('behaviour', [
        'Identification and meeting of personal, social, academic needs',
        'Improved motivation and engagement',
        'Behaviour policy adherence, staff training, incident recording',
        'Restraint/physical intervention incidents and post-incident support',
      ]),
    },
    {
      id: 'personal_development',
      title: 'Personal Development',
      lines: lines('personal_development', [
        "Planning incorporates pupil's SEN as per EHCP",
        'Identification and meeting of personal, social, academic needs',
        'Improved pupil motivation and self-confidence over time',
        'Well-planned transition with clear objectives and next steps',
      ]),
    },
    {
      id: 'destination',
      title: 'Destination',
      lines: lines('destination', [
        'Destination planning and CEIAG links',
        'Parent/carer liaison',
        'Successful transition to appropriate destination',
      ]),
    },
    {
      id: 'infection_control',
      title: 'Infection Control Measures (when applicable)',
      optional: true,
      lines: lines('infection_control', ['Infection control arrangements and risk assessments']),
    },
    {
      // The appendix lists these after infection control without a heading of their own.
      id: 'welfare_and_adaptation',
      title: 'Welfare, adaptation and pupil voice',
      lines: lines('welfare_and_adaptation', [
        'Safe and well checks',
        'Effectiveness of curriculum adaptations for pupils with complex SEND and SEMH needs.',
        'Use of specialised resources and communication methods.',
        'Evidence of pupil engagement and feedback influencing provision.',
      ]),
    },
  ],
};

export const qaJudgements = ['strong', 'secure', 'developing', 'concern', 'not_applicable'] as const;
export type QaJudgement = (typeof qaJudgements)[number];

export const qaJudgementLabels: Record<QaJudgement, string> = {
  strong: 'Strong',
  secure: 'Secure',
  developing: 'Developing',
  concern: 'Concern',
  not_applicable: 'Not applicable',
};

export const qaAnswersSchema = z.record(
  z.string(),
  z.object({
    judgement: z.enum(qaJudgements, { message: 'Choose a judgement' }).nullable(),
    comment: z.string().trim().max(2000, 'Keep this under 2,000 characters').default(''),
  }),
);
export type QaAnswers = z.infer<typeof qaAnswersSchema>;

/** Lines still without a judgement, or marked not applicable where the area always applies. */
export function unansweredQaLines(template: QaTemplate, answers: QaAnswers) {
  return template.areas.flatMap((area) =>
    area.lines
      .filter((line) => {
        const judgement = answers[line.id]?.judgement;
        return !judgement || (judgement === 'not_applicable' && !area.optional);
      })
      .map((line) => ({ areaTitle: area.title, lineId: line.id, text: line.text })),
  );
}

type Graded = Exclude<QaJudgement, 'not_applicable'>;
const order: Graded[] = ['concern', 'developing', 'secure', 'strong'];

/** The visit's overall judgement: its weakest line, so one concern is never averaged away. */
export function overallQaJudgement(answers: QaAnswers): Graded | null {
  const given = Object.values(answers)
    .map((a) => a.judgement)
    .filter((j): j is Graded => Boolean(j) && j !== 'not_applicable');
  if (!given.length) return null;
  return order.find((j) => given.includes(j)) ?? null;
}
