/**
 * Importing pupils from a spreadsheet export: which column holds which field (guessed from common MIS
 * headings, changeable by the user), and each row turned into a pupil record or a list of what is wrong
 * with it. Values are read as the census writes them: SEN "E"/"K"/"N", sex "F"/"M", dates as
 * DD/MM/YYYY or YYYY-MM-DD, yes/no as Y/N, Yes/No, true/false.
 */
import { type PupilInput, pupilInputSchema } from './pupil.schemas.ts';

export const importFields = [
  'upn',
  'uln',
  'legalFirstName',
  'legalLastName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'senStatus',
  'ehcpLocalAuthority',
  'lookedAfter',
  'virtualSchoolContact',
  'parentName',
  'parentRelationship',
  'parentTelephone',
  'parentEmail',
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  upn: 'UPN',
  uln: 'ULN',
  legalFirstName: 'Legal first name',
  legalLastName: 'Legal last name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  senStatus: 'SEN status',
  ehcpLocalAuthority: 'EHCP local authority',
  lookedAfter: 'Looked after',
  virtualSchoolContact: 'Virtual school contact',
  parentName: 'Parent or carer name',
  parentRelationship: 'Parent or carer relationship',
  parentTelephone: 'Parent or carer telephone',
  parentEmail: 'Parent or carer email',
};

export const requiredImportFields: readonly ImportField[] = [
  'upn',
  'legalFirstName',
  'legalLastName',
  'dateOfBirth',
  'sex',
];

const synonyms: Record<ImportField, string[]> = {
  upn: ['upn', 'unique pupil number'],
  uln: ['uln', 'unique learner number'],
  legalFirstName: ['legal first name', 'legal forename', 'forename', 'first name', 'firstname', 'given name'],
  legalLastName: ['legal last name', 'legal surname', 'surname', 'last name', 'lastname', 'family name'],
  preferredName: ['preferred name', 'preferred forename', 'known as'],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'birthdate'],
  sex: ['sex', 'gender'],
  senStatus: ['sen status', 'sen', 'sen provision', 'send status'],
  ehcpLocalAuthority: ['ehcp local authority', 'ehcp la', 'la maintaining ehcp'],
  lookedAfter: ['looked after', 'lac', 'cla', 'in care'],
  virtualSchoolContact: ['virtual school contact', 'virtual school'],
  parentName: ['parent name', 'contact name', 'parent/carer name', 'carer name', 'priority 1 contact'],
  parentRelationship: ['relationship', 'parent relationship', 'contact relationship'],
  parentTelephone: ['parent telephone', 'contact telephone', 'parent phone', 'telephone', 'phone'],
  parentEmail: ['parent email', 'contact email', 'email'],
};

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ');

export type ImportMapping = Partial<Record<ImportField, string>>;

/** The column for each field, where a heading matches one of the usual names. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of importFields) {
    const header = headers.find((h) => !taken.has(h) && synonyms[field].includes(normalise(h)));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

export function missingRequiredColumns(mapping: ImportMapping): ImportField[] {
  return requiredImportFields.filter((field) => !mapping[field]);
}

const yes = ['y', 'yes', 'true', '1'];
const no = ['n', 'no', 'false', '0', ''];

function readDate(value: string): string {
  const uk = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : value;
}

function readSen(value: string): string {
  const v = value.trim().toLowerCase();
  if (['e', 'ehcp', 'ehc plan', 's', 'statement'].includes(v)) return 'ehcp';
  if (['k', 'sen support', 'sen_support'].includes(v)) return 'sen_support';
  if (['n', 'none', 'no', ''].includes(v)) return 'none';
  return v;
}

export interface RowProblem {
  field: string;
  message: string;
}

export type ImportedRow = { ok: true; pupil: PupilInput } | { ok: false; problems: RowProblem[] };

/** One spreadsheet row as a pupil record for the school, or what is wrong with it, field by field. */
export function readImportRow(
  row: Record<string, string>,
  mapping: ImportMapping,
  schoolId: string,
): ImportedRow {
  const get = (field: ImportField) => (mapping[field] ? (row[mapping[field]!] ?? '').trim() : '');
  const problems: RowProblem[] = [];
  const lookedAfterText = get('lookedAfter').toLowerCase();
  let lookedAfter = false;
  if (yes.includes(lookedAfterText)) lookedAfter = true;
  else if (!no.includes(lookedAfterText))
    problems.push({ field: 'lookedAfter', message: `“${get('lookedAfter')}” is not yes or no` });
  const parentName = get('parentName');
  const candidate = {
    schoolId,
    upn: get('upn'),
    uln: get('uln'),
    legalFirstName: get('legalFirstName'),
    legalLastName: get('legalLastName'),
    preferredName: get('preferredName'),
    dateOfBirth: readDate(get('dateOfBirth')),
    sex: get('sex').toUpperCase(),
    senStatus: readSen(get('senStatus')),
    ehcpLocalAuthority: get('ehcpLocalAuthority'),
    lookedAfter,
    virtualSchoolContact: get('virtualSchoolContact'),
    parents: parentName
      ? [
          {
            name: parentName,
            relationship: get('parentRelationship') || 'Parent or carer',
            telephone: get('parentTelephone'),
            email: get('parentEmail'),
            parentalResponsibility: true,
          },
        ]
      : [],
  };
  const parsed = pupilInputSchema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const field = path.startsWith('parents.0.')
        ? `parent${path.slice(10, 11).toUpperCase()}${path.slice(11)}`
        : path;
      problems.push({ field, message: issue.message });
    }
  return problems.length || !parsed.success ? { ok: false, problems } : { ok: true, pupil: parsed.data };
}
