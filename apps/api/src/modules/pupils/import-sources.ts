/**
 * Reading an import file into rows of named columns: a CSV export from the school's MIS, or a DfE
 * Common Transfer File (XML), whose pupils become rows with fixed column names.
 */
import type { ImportMapping } from '@waymark/domain';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../lib/errors.ts';

export interface ImportTable {
  headers: string[];
  rows: Record<string, string>[];
}

const unreadable = (what: string, detail: string, code = 'pupils.import_unreadable') =>
  new AppError(code, 400, `The file is not a readable ${what}: ${detail}`, [
    { path: 'content', message: `This is not a readable ${what}` },
  ]);

/**
 * Where the parser stopped, never what it read there: its own messages quote the row, and an error
 * message is no place for a pupil's details.
 */
function csvProblem(error: unknown): string {
  const { code, lines } = error as { code?: string; lines?: number };
  const where = typeof lines === 'number' ? ` at line ${lines}` : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted value is never closed${where}`;
  if (code?.startsWith('CSV_INVALID_') && code.includes('QUOTE')) return `a quote is out of place${where}`;
  if (code) return `it could not be read${where}`;
  return (error as Error).message;
}

/** Rows of named columns from a CSV file; a file that cannot be read is refused with the module's code. */
export function readCsv(content: string, errorCode = 'pupils.import_unreadable'): ImportTable {
  try {
    const records: string[][] = parse(content, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
    const [headers = [], ...rest] = records;
    if (headers.length === 0) throw new Error('it has no heading row');
    return {
      headers,
      rows: rest.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']))),
    };
  } catch (error) {
    throw unreadable('CSV file', csvProblem(error), errorCode);
  }
}

/** The columns a Common Transfer File's pupils are read into, and the mapping onto pupil fields. */
export const ctfMapping: ImportMapping = {
  upn: 'UPN',
  uln: 'UniqueLearnerNumber',
  legalFirstName: 'Forename',
  legalLastName: 'Surname',
  preferredName: 'PreferredForename',
  dateOfBirth: 'DOB',
  sex: 'Sex',
  senStatus: 'SENprovision',
  lookedAfter: 'InCare',
  parentName: 'ContactName',
  parentRelationship: 'Relationship',
  parentTelephone: 'TelephoneNumber',
  parentEmail: 'Email',
};

type XmlNode = Record<string, unknown>;

/** The first value of an element with this name anywhere under the node (CTF versions nest differently). */
function find(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = find(item, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = node as XmlNode;
  if (name in record) return record[name];
  for (const value of Object.values(record)) {
    const found = find(value, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

const text = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : Array.isArray(value)
      ? text(value[0])
      : typeof value === 'object'
        ? ''
        : String(value);

export function readCtf(content: string): ImportTable {
  let document: XmlNode;
  try {
    document = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(
      content,
    );
  } catch (error) {
    throw unreadable('Common Transfer File', (error as Error).message);
  }
  const pupilData = find(document, 'CTFpupilData');
  if (!pupilData) throw unreadable('Common Transfer File', 'it has no CTFpupilData section');
  const pupilsNode = find(pupilData, 'Pupil');
  const pupils = (Array.isArray(pupilsNode) ? pupilsNode : pupilsNode ? [pupilsNode] : []) as XmlNode[];
  const headers = [...new Set(Object.values(ctfMapping) as string[])];
  const rows = pupils.map((pupil) => {
    const contact = find(pupil, 'Contact');
    const firstContact = Array.isArray(contact) ? contact[0] : contact;
    const sen = find(pupil, 'SEN');
    // The latest SEN record is the last in the history.
    const latestSen = Array.isArray(sen) ? sen.at(-1) : sen;
    const row: Record<string, string> = {
      UPN: text(pupil.UPN),
      UniqueLearnerNumber: text(pupil.UniqueLearnerNumber),
      Forename: text(pupil.Forename),
      Surname: text(pupil.Surname),
      PreferredForename: text(find(pupil, 'PreferredForename')),
      DOB: text(pupil.DOB),
      Sex: text(pupil.Sex),
      SENprovision: text(find(latestSen, 'SENprovision')),
      InCare: text(find(pupil, 'InCare')),
      ContactName: firstContact
        ? [text(find(firstContact, 'Forename')), text(find(firstContact, 'Surname'))]
            .filter(Boolean)
            .join(' ')
        : '',
      Relationship: firstContact ? relationshipLabel(text(find(firstContact, 'Relationship'))) : '',
      TelephoneNumber: firstContact ? text(find(firstContact, 'TelephoneNumber')) : '',
      Email: firstContact ? text(find(firstContact, 'Email')) : '',
    };
    return row;
  });
  return { headers, rows };
}

/** CTF relationship codes (PAR, MUM, DAD, CAR, FOS…) in words. */
function relationshipLabel(code: string): string {
  const labels: Record<string, string> = {
    PAR: 'Parent',
    MUM: 'Mother',
    DAD: 'Father',
    CAR: 'Carer',
    FOS: 'Foster carer',
    STP: 'Step-parent',
    GRP: 'Grandparent',
    REL: 'Relative',
    OTH: 'Other',
  };
  return labels[code.toUpperCase()] ?? code;
}
