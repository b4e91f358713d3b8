import { describe, expect, it } from 'vitest';
import { type Actor, actorAtSchool, reachOf } from './actor.ts';

const actor = (assignments: Actor['assignments']): Actor => ({
  userId: 'u',
  groupId: 'g',
  email: 'a@school.example',
  displayName: 'A',
  sessionTokenHash: 'h',
  assignments,
});
const school = { id: 's1', regionId: 'r1' };

describe('a person seen from one school', () => {
  it('keeps only the roles that cover the school, each now at the school', () => {
    const narrowed = actorAtSchool(
      actor([
        { id: '1', role: 'trust_admin', scopeType: 'group', scopeId: 'g' },
        { id: '2', role: 'governor', scopeType: 'region', scopeId: 'r1' },
        { id: '3', role: 'governor', scopeType: 'region', scopeId: 'r2' },
        { id: '4', role: 'headteacher', scopeType: 'school', scopeId: 's1' },
        { id: '5', role: 'ap_lead', scopeType: 'school', scopeId: 's2' },
        { id: '6', role: 'provider_staff', scopeType: 'provider', scopeId: 'p1' },
      ]),
      school,
    );
    expect(narrowed.assignments.map((a) => [a.id, a.scopeType, a.scopeId])).toEqual([
      ['1', 'school', 's1'],
      ['2', 'school', 's1'],
      ['4', 'school', 's1'],
    ]);
    expect(reachOf(narrowed, 'placements.read')).toEqual({
      wholeGroup: false,
      regionIds: [],
      schoolIds: ['s1', 's1'],
      providerIds: [],
    });
  });

  it('never gives a role at the school that the person did not have there', () => {
    const elsewhere = actorAtSchool(
      actor([
        { id: '1', role: 'governor', scopeType: 'region', scopeId: 'r2' },
        { id: '2', role: 'trust_admin', scopeType: 'group', scopeId: 'another group' },
      ]),
      school,
    );
    expect(elsewhere.assignments).toEqual([]);
  });
});
