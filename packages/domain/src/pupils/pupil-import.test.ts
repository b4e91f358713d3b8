import { describe, expect, it } from 'vitest';
import { guessMapping, missingRequiredColumns, readImportRow } from './pupil-import.ts';

const school = '00000000-0000-4000-8000-000000000001';

describe('pupil import', () => {
  it('recognises the usual MIS column headings', () => {
    const mapping = guessMapping([
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'DOB',
      'Gender',
      'SEN Status',
      'LAC',
      'Year',
    ]);
    expect(mapping).toEqual({
      upn: 'UPN',
      legalLastName: 'Legal Surname',
      legalFirstName: 'Legal Forename',
      dateOfBirth: 'DOB',
      sex: 'Gender',
      senStatus: 'SEN Status',
      lookedAfter: 'LAC',
    });
    expect(missingRequiredColumns({ upn: 'UPN' })).toEqual([
      'legalFirstName',
      'legalLastName',
      'dateOfBirth',
      'sex',
    ]);
  });

  it('reads census codes and UK dates', () => {
    const mapping = guessMapping([
      'UPN',
      'Forename',
      'Surname',
      'DOB',
      'Sex',
      'SEN',
      'EHCP LA',
      'LAC',
      'Virtual school',
    ]);
    const row = readImportRow(
      {
        UPN: 'R201100018042',
        Forename: 'Amy',
        Surname: 'Cole',
        DOB: '4/9/2012',
        Sex: 'f',
        SEN: 'E',
        'EHCP LA': 'Sefton',
        LAC: 'Y',
        'Virtual school': 'Sefton Virtual School, 0151 000 0000',
      },
      mapping,
      school,
    );
    expect(row).toMatchObject({
      ok: true,
      pupil: { dateOfBirth: '2012-09-04', sex: 'F', senStatus: 'ehcp', lookedAfter: true },
    });
  });

  it('lists every problem in a row by field', () => {
    const mapping = guessMapping(['UPN', 'Forename', 'Surname', 'DOB', 'Sex', 'LAC']);
    const row = readImportRow(
      { UPN: 'A201100018042', Forename: 'Amy', Surname: '', DOB: '31/02/2012', Sex: 'X', LAC: 'maybe' },
      mapping,
      school,
    );
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.problems.map((p) => p.field)).toEqual([
      'lookedAfter',
      'upn',
      'legalLastName',
      'dateOfBirth',
      'sex',
    ]);
  });
});
