/**
 * The safeguarding assurance letter (policy Appendix 2), completed by the provider: nine checks on every
 * member of staff, four undertakings, and a signature. Each must be confirmed one by one.
 */
import { z } from 'zod';

export const letterChecks = [
  "Enhanced DBS check with children's barred list information.",
  'Identity verification using three separate documents per DBS guidelines.',
  "Children's barred list check (where regulated activity applies).",
  'Teacher status/prohibition checks where applicable.',
  'Section 128 direction checks for management positions.',
  'Overseas checks including certificates of good conduct, where relevant.',
  'Verification of professional qualifications, where required.',
  'Right to work in the UK.',
  'Two professional references verified for authenticity.',
] as const;

export const letterUndertakings = [
  'Operation of age-appropriate internet filtering and monitoring systems, with termly written assurance to the commissioning school and immediate notification of material changes or incidents.',
  'Same-day notification of any safeguarding allegation, concern, or incident involving your pupils, as well as any changes to our DSL/deputy DSL or senior leadership.',
  'Immediate notification if any new staff, volunteer, or contractor is appointed to work with your pupils, with deployment only after written assurance of completed checks.',
  'Notification within one working day of any safeguarding policy change, filtering/monitoring system change, or material incident affecting our statutory duties.',
] as const;

export function letterOpening(schoolName: string): string {
  return `This letter confirms that all staff, volunteers, and contractors working with pupils from ${schoolName} have undergone the required safeguarding and pre-employment checks in line with Keeping Children Safe in Education (2025) and all relevant statutory guidance.`;
}

const confirmed = (count: number, what: string) =>
  z
    .array(z.boolean())
    .length(count, `Confirm each of the ${count} ${what}`)
    .superRefine((values, ctx) => {
      values.forEach((value, i) => {
        if (!value)
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `Confirm this ${what.replace(/s$/, '')} before signing`,
          });
      });
    });

export const signLetterSchema = z.strictObject({
  checks: confirmed(letterChecks.length, 'checks'),
  undertakings: confirmed(letterUndertakings.length, 'undertakings'),
  name: z.string().trim().min(1, 'Enter your name').max(120),
  role: z.string().trim().min(1, 'Enter your role or position').max(120),
  organisation: z.string().trim().min(1, 'Enter your organisation’s name').max(150),
  signature: z.string().trim().min(1, 'Type your full name as your signature').max(120),
});

export type SignLetterInput = z.infer<typeof signLetterSchema>;

/** A signed letter exactly as it was sent: the school keeps this, with its SHA-256. */
export interface SignedLetterContent {
  to: string;
  from: string;
  dear: string;
  opening: string;
  checks: string[];
  undertakings: string[];
  name: string;
  role: string;
  organisation: string;
  signature: string;
  signedOn: string;
}
