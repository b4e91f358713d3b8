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

describe('pupil import, field by field', () => {
  const headers = [
    'Unique_Pupil-Number',
    '  unique   learner.number ',
    'Forename',
    'Surname',
    'Known As',
    'Date of Birth',
    'Sex',
    'SEN Provision',
    'LA maintaining EHCP',
    'In care',
    'Virtual school contact',
    'Priority 1 contact',
    'Contact relationship',
    'Contact telephone',
    'Contact email',
  ];
  const mapping = guessMapping(headers);
  const amy = {
    'Unique_Pupil-Number': 'R201100018042',
    '  unique   learner.number ': '9276308686',
    Forename: ' Amy ',
    Surname: 'Cole',
    'Known As': 'Ames',
    'Date of Birth': '2012-09-04',
    Sex: 'F',
    'SEN Provision': 'K',
    'LA maintaining EHCP': '',
    'In care': 'no',
    'Virtual school contact': '',
    'Priority 1 contact': 'Dana Cole',
    'Contact relationship': 'Mother',
    'Contact telephone': '0151 496 0000',
    'Contact email': 'Dana.Cole@example.org',
  };

  it('matches headings whatever their case, spacing, underscores, dashes or dots', () => {
    expect(mapping).toEqual({
      upn: 'Unique_Pupil-Number',
      uln: '  unique   learner.number ',
      legalFirstName: 'Forename',
      legalLastName: 'Surname',
      preferredName: 'Known As',
      dateOfBirth: 'Date of Birth',
      sex: 'Sex',
      senStatus: 'SEN Provision',
      ehcpLocalAuthority: 'LA maintaining EHCP',
      lookedAfter: 'In care',
      virtualSchoolContact: 'Virtual school contact',
      parentName: 'Priority 1 contact',
      parentRelationship: 'Contact relationship',
      parentTelephone: 'Contact telephone',
      parentEmail: 'Contact email',
    });
    expect(missingRequiredColumns(mapping)).toEqual([]);
  });

  it('reads a whole row into a pupil with a parent who has parental responsibility', () => {
    expect(readImportRow(amy, mapping, school)).toEqual({
      ok: true,
      pupil: {
        schoolId: school,
        upn: 'R201100018042',
        uln: '9276308686',
        legalFirstName: 'Amy',
        legalLastName: 'Cole',
        preferredName: 'Ames',
        dateOfBirth: '2012-09-04',
        sex: 'F',
        senStatus: 'sen_support',
        lookedAfter: false,
        parents: [
          {
            name: 'Dana Cole',
            relationship: 'Mother',
            telephone: '0151 496 0000',
            email: 'dana.cole@example.org',
            parentalResponsibility: true,
          },
        ],
      },
    });
  });

  it('calls a parent with no relationship given a parent or carer, and leaves out a parent with no name', () => {
    const noRelationship = readImportRow({ ...amy, 'Contact relationship': '' }, mapping, school);
    expect(noRelationship.ok ? noRelationship.pupil.parents[0]?.relationship : noRelationship.problems).toBe(
      'Parent or carer',
    );
    const noParent = readImportRow({ ...amy, 'Priority 1 contact': ' ' }, mapping, school);
    expect(noParent.ok ? noParent.pupil.parents : noParent.problems).toEqual([]);
  });

  it('treats a column not mapped as empty', () => {
    const { uln: _uln, preferredName: _preferred, ...fewer } = mapping;
    const row = readImportRow(amy, fewer, school);
    expect(row.ok ? [row.pupil.uln, row.pupil.preferredName] : row.problems).toEqual([undefined, undefined]);
  });

  it.each([
    ['E', 'ehcp'],
    ['EHCP', 'ehcp'],
    ['EHC plan', 'ehcp'],
    ['S', 'ehcp'],
    ['Statement', 'ehcp'],
    ['K', 'sen_support'],
    ['SEN support', 'sen_support'],
    ['sen_support', 'sen_support'],
    ['N', 'none'],
    ['None', 'none'],
    ['No', 'none'],
    ['', 'none'],
  ])('reads SEN “%s” as %s', (sen, status) => {
    const row = readImportRow(
      { ...amy, 'SEN Provision': sen, 'LA maintaining EHCP': 'Sefton' },
      mapping,
      school,
    );
    expect(row.ok ? row.pupil.senStatus : row.problems).toBe(status);
  });

  it('refuses an SEN status it does not know', () => {
    expect(readImportRow({ ...amy, 'SEN Provision': 'Q' }, mapping, school)).toEqual({
      ok: false,
      problems: [{ field: 'senStatus', message: 'Choose the SEN status' }],
    });
  });

  it.each([
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['n', false],
    ['No', false],
    ['false', false],
    ['0', false],
    ['', false],
  ])('reads looked after “%s” as %s', (text, lookedAfter) => {
    const row = readImportRow(
      { ...amy, 'In care': text, 'Virtual school contact': 'Sefton Virtual School' },
      mapping,
      school,
    );
    expect(row.ok ? row.pupil.lookedAfter : row.problems).toBe(lookedAfter);
  });

  it('says which value is neither yes nor no', () => {
    expect(readImportRow({ ...amy, 'In care': ' Maybe ' }, mapping, school)).toEqual({
      ok: false,
      problems: [{ field: 'lookedAfter', message: '“Maybe” is not yes or no' }],
    });
  });

  it('reads day/month/year dates with one or two digits, and nothing looser', () => {
    const read = (dob: string) => {
      const row = readImportRow({ ...amy, 'Date of Birth': dob }, mapping, school);
      return row.ok ? row.pupil.dateOfBirth : row.problems.map((p) => p.field);
    };
    expect(read('04/09/2012')).toBe('2012-09-04');
    expect(read('4/9/2012')).toBe('2012-09-04');
    expect(read('4/9/12')).toEqual(['dateOfBirth']);
    expect(read('x4/9/2012')).toEqual(['dateOfBirth']);
    expect(read('4/9/2012x')).toEqual(['dateOfBirth']);
  });

  it('names a parent’s field when a parent’s detail is wrong', () => {
    const row = readImportRow(
      { ...amy, 'Contact email': 'dana', 'Contact telephone': '12' },
      mapping,
      school,
    );
    expect(row.ok ? [] : row.problems.map((p) => p.field)).toEqual(['parentTelephone', 'parentEmail']);
  });
});
