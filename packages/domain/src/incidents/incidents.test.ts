import { describe, expect, it } from 'vitest';
import { incidentReportSchema, parseIncidentTime, toldSameDay } from './incidents.ts';

const report = {
  placementId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
  kind: 'behaviour',
  occurredAt: '2026-01-12T10:15',
  location: 'Workshop',
  whatHappened: 'Threw a chair during the practical session',
  immediateActions: 'Room cleared; pupil given time out with key worker',
};

describe('incident reports', () => {
  it('reads a time from a form as London time, in winter and in summer', () => {
    expect(parseIncidentTime('2026-01-12T10:15').toISOString()).toBe('2026-01-12T10:15:00.000Z');
    expect(parseIncidentTime('2026-06-12T10:15').toISOString()).toBe('2026-06-12T09:15:00.000Z');
    expect(parseIncidentTime('2026-06-12T10:15:00Z').toISOString()).toBe('2026-06-12T10:15:00.000Z');
  });

  it('counts telling the school after midnight in London as a day late', () => {
    const late = new Date('2026-06-12T22:30:00Z'); // 23:30 in London
    expect(toldSameDay(late, new Date('2026-06-12T22:50:00Z'))).toBe(true);
    expect(toldSameDay(late, new Date('2026-06-12T23:10:00Z'))).toBe(false); // 00:10 the next day
  });

  it('asks for the post-incident support and the debrief after a restraint', () => {
    const restraint = incidentReportSchema.safeParse({ ...report, kind: 'restraint' });
    expect(restraint.success).toBe(false);
    expect(restraint.error?.issues.map((i) => i.path.join('.'))).toEqual(['postIncidentSupport', 'debrief']);
    expect(incidentReportSchema.safeParse(report).success).toBe(true);
  });

  it('refuses a report without what happened, saying so', () => {
    const empty = incidentReportSchema.safeParse({ ...report, whatHappened: ' ' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['whatHappened'], message: 'Say what happened' });
  });
});

describe('incident times and restraint reports, at their edges', () => {
  it('reads a time with an offset exactly, and a form’s time on the days the clocks change', () => {
    expect(parseIncidentTime('2026-06-12T10:15:00+01:00').toISOString()).toBe('2026-06-12T09:15:00.000Z');
    expect(parseIncidentTime('2026-06-12T10:15:00-05:30').toISOString()).toBe('2026-06-12T15:45:00.000Z');
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 02:00 BST on 25 October 2026.
    expect(parseIncidentTime('2026-03-29T00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseIncidentTime('2026-03-29T03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(parseIncidentTime('2026-10-25T03:00').toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(parseIncidentTime('2026-10-24T23:59:59').toISOString()).toBe('2026-10-24T22:59:59.000Z');
  });

  it('wants at least a few words on the support and the debrief after a restraint', () => {
    const restraint = (postIncidentSupport: string, debrief: string) =>
      incidentReportSchema
        .safeParse({ ...report, kind: 'restraint', postIncidentSupport, debrief })
        .error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(restraint('Met', 'Met')).toEqual([]);
    expect(restraint('ok', 'ok')).toEqual([
      ['postIncidentSupport', 'Say what support the pupil was given after the restraint'],
      ['debrief', 'Say when and how the debrief with the pupil and staff took place'],
    ]);
    // Other kinds do not ask for them.
    expect(incidentReportSchema.safeParse({ ...report, kind: 'behaviour' }).success).toBe(true);
  });
});
