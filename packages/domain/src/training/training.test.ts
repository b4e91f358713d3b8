import { describe, expect, it } from 'vitest';
import {
  apStaffSchema,
  nextTrainingReviewOn,
  trainingRecordSchema,
  trainingReviewSchema,
} from './training.ts';

const record = {
  course: 'Trauma-informed practice',
  trainingProvider: 'Northway Learning Trust',
  completedOn: '2025-10-14',
  topics: ['behaviour_management'],
};
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('a training record', () => {
  it.each([
    ['2025-10-13', ['expiresOn: The expiry must come after the training date']],
    ['2025-10-14', ['expiresOn: The expiry must come after the training date']],
    ['2025-10-15', []],
  ])('expiring on %s, after training on 14 October 2025: %j', (expiresOn, problems) => {
    expect(messages(trainingRecordSchema.safeParse({ ...record, expiresOn }))).toEqual(problems);
  });

  it('needs no expiry, and keeps none when none is given', () => {
    expect(trainingRecordSchema.parse(record).expiresOn).toBeNull();
  });

  it('names what is missing: a topic, the course, who ran it', () => {
    expect(messages(trainingRecordSchema.safeParse({ ...record, topics: [] }))).toEqual([
      'topics: Choose at least one topic',
    ]);
    expect(
      messages(trainingRecordSchema.safeParse({ ...record, course: ' x ', trainingProvider: '' })),
    ).toEqual(['course: Enter the course', 'trainingProvider: Enter who ran it']);
    expect(messages(trainingRecordSchema.safeParse({ ...record, course: 'c'.repeat(201) }))).toEqual([
      'course: Keep this under 200 characters',
    ]);
    expect(trainingRecordSchema.parse({ ...record, course: '  First aid  ' }).course).toBe('First aid');
  });
});

describe('the annual training-needs review', () => {
  it('is due now when there has been none', () => {
    expect(nextTrainingReviewOn(null, '2026-01-12')).toBe('2026-01-12');
  });

  it('is due 365 days after the last one', () => {
    expect(nextTrainingReviewOn('2026-01-12', '2026-06-01')).toBe('2027-01-12');
    expect(nextTrainingReviewOn('2027-03-01', '2027-06-01')).toBe('2028-02-29');
  });

  it('records the needs found and the plan, up to 2,000 characters each', () => {
    const review = { reviewedOn: '2026-01-12', needs: 'Autism in practical settings', plan: 'AET level 2' };
    expect(messages(trainingReviewSchema.safeParse(review))).toEqual([]);
    expect(
      messages(trainingReviewSchema.safeParse({ ...review, needs: 'n'.repeat(2001), plan: '' })),
    ).toEqual(['needs: Keep this under 2000 characters', 'plan: Enter the training planned']);
  });
});

describe('a member of staff who supports pupils in AP', () => {
  const person = {
    schoolId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    name: 'Dee Hart',
    role: 'AP link teaching assistant',
  };
  it('supports no pupils until some are chosen, and at most 200', () => {
    expect(apStaffSchema.parse(person).placementIds).toEqual([]);
    const many = Array.from({ length: 201 }, () => person.schoolId);
    expect(apStaffSchema.safeParse({ ...person, placementIds: many }).success).toBe(false);
    expect(apStaffSchema.safeParse({ ...person, placementIds: many.slice(1) }).success).toBe(true);
  });
  it('names a missing school', () => {
    expect(messages(apStaffSchema.safeParse({ ...person, schoolId: 'nope' }))).toEqual([
      'schoolId: Choose the school',
    ]);
  });
});
