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
