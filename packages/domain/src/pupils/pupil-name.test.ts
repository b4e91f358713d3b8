import { describe, expect, it } from 'vitest';
import { pupilDisplayName, pupilFirstName, pupilSortName } from './pupil-name.ts';

describe('a pupil’s name', () => {
  const legal = { legalFirstName: 'Samuel', legalLastName: 'Taylor', preferredName: null };
  const preferred = { ...legal, preferredName: 'Sam' };

  it('uses the legal first name when no preferred name is recorded', () => {
    expect(pupilFirstName(legal)).toBe('Samuel');
    expect(pupilDisplayName(legal)).toBe('Samuel Taylor');
    expect(pupilSortName(legal)).toBe('Taylor, Samuel');
  });

  it('uses the preferred first name, keeping the legal surname', () => {
    expect(pupilFirstName(preferred)).toBe('Sam');
    expect(pupilDisplayName(preferred)).toBe('Sam Taylor');
    expect(pupilSortName(preferred)).toBe('Taylor, Sam');
  });
});
