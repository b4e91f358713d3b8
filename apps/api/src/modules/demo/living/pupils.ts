/**
 * Chapter 3: the pupils. Each school's AP lead adds the pupils the trust's AP work is about, as from
 * the school's MIS: about sixty across the six schools and last summer's Year 11 leavers, of the year groups each school teaches, with
 * their SEN status, whether they are looked after, and their parents' contacts. Names, dates of birth
 * and needs come from the demo's seed; UPNs carry each school's local authority and URN.
 */
import { addDays, type IsoDate, pupilInputSchema, type SenStatus, upnCheckLetter } from '@waymark/domain';
import type { z } from 'zod';
import { createPupil } from '../../pupils/pupils.usecases.ts';
import { demoYearStart } from '../demo-calendar.ts';
import { livingSchools } from './trust.ts';
import { actorOf, asEntered, type DemoWorld, idOf, plan } from './world.ts';

/** How many pupils each school has in the demo, and the year groups they are in. */
const rolls: Record<string, { count: number; yearGroups: number[]; leavers: number }> = {
  riverside: { count: 18, yearGroups: [8, 9, 9, 10, 10, 10, 11, 11], leavers: 3 },
  oakfield: { count: 12, yearGroups: [9, 10, 10, 11, 11], leavers: 2 },
  meadowbank: { count: 10, yearGroups: [8, 9, 10, 10, 11], leavers: 1 },
  hillview: { count: 8, yearGroups: [8, 9, 10, 11], leavers: 1 },
  larchwood: { count: 6, yearGroups: [9, 10, 11], leavers: 1 },
  brookside: { count: 6, yearGroups: [4, 5, 6, 6], leavers: 0 },
};

/** Key of a school's pupil: `riverside-3`; last summer's Year 11 leavers are `riverside-leaver-1`. */
export const pupilKey = (school: string, n: number) => `${school}-${n}`;
export const leaverKey = (school: string, n: number) => `${school}-leaver-${n}`;

/** Local authority codes as they appear in UPNs (DfE's LA numbers). */
const laCodes: Record<string, string> = {
  Liverpool: '341',
  Wirral: '344',
  Birmingham: '330',
  Coventry: '331',
  Walsall: '335',
};

const girls = [
  'Amelia',
  'Chloe',
  'Demi',
  'Ella',
  'Freya',
  'Grace',
  'Hollie',
  'Imani',
  'Jade',
  'Kacey',
  'Leah',
  'Maisie',
  'Nia',
  'Olivia',
  'Poppy',
  'Ruby',
  'Sienna',
  'Tia',
  'Zara',
  'Aaliyah',
];
const boys = [
  'Aiden',
  'Bailey',
  'Callum',
  'Declan',
  'Ethan',
  'Finley',
  'Harvey',
  'Jack',
  'Kai',
  'Liam',
  'Mason',
  'Noah',
  'Oscar',
  'Reece',
  'Riley',
  'Tyler',
  'Kyle',
  'Ryan',
  'Yusuf',
  'Zac',
];
const surnames = [
  'Ahmed',
  'Baker',
  'Brennan',
  'Clarke',
  'Doherty',
  'Evans',
  'Flynn',
  'Gordon',
  'Hughes',
  'Iqbal',
  'Jones',
  'Kaur',
  'Lewis',
  'McCann',
  'Nowak',
  'Okoro',
  'Parry',
  'Quinn',
  'Roberts',
  'Shaw',
  'Taylor',
  'Walsh',
  'Wright',
  'Young',
  'Campbell',
  'Murphy',
  'Hussain',
  'Kowalski',
  'Mensah',
  'Byrne',
];

/** A pupil's record as the school enters it, bar the school it belongs to. */
type PupilEntry = Omit<z.input<typeof pupilInputSchema>, 'schoolId'>;

export interface DemoPupilRecord {
  key: string;
  school: string;
  yearGroup: number;
  senStatus: SenStatus;
}

/** The pupils, chosen from the seed: the same day gives the same children. */
export function demoPupilRecords(world: DemoWorld): (DemoPupilRecord & { input: PupilEntry })[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(world.random() * list.length)]!;
  const yearStart = demoYearStart(world.today);
  const startYear = Number(yearStart.slice(0, 4));
  const records: (DemoPupilRecord & { input: PupilEntry })[] = [];
  let serial = 0;
  for (const school of livingSchools) {
    const roll = rolls[school.key]!;
    for (let n = 1; n <= roll.count + roll.leavers; n++) {
      serial++;
      // Leavers finished Year 11 last summer: Year 12 now, their post-16 destinations still followed.
      const leaver = n > roll.count;
      const yearGroup = leaver ? 12 : roll.yearGroups[(n - 1) % roll.yearGroups.length]!;
      const sex: 'M' | 'F' = world.random() < 0.7 ? 'M' : 'F';
      const first = pick(sex === 'M' ? boys : girls);
      const last = pick(surnames);
      // Born in the school year that puts them in this year group now.
      const dateOfBirth = addDays(`${startYear - yearGroup - 5}-09-01`, Math.floor(world.random() * 365));
      const roll100 = world.random();
      const senStatus: SenStatus = roll100 < 0.3 ? 'ehcp' : roll100 < 0.7 ? 'sen_support' : 'none';
      const lookedAfter = world.random() < 0.12;
      const digits = `${laCodes[school.localAuthority]}${school.urn.slice(2)}${String(startYear - yearGroup + 4).slice(2)}${String(serial).padStart(3, '0')}`;
      const parent = `${pick(['Donna', 'Kerry', 'Lisa', 'Michelle', 'Paul', 'Sarah', 'Tracey', 'Wayne'])} ${last}`;
      records.push({
        key: leaver ? leaverKey(school.key, n - roll.count) : pupilKey(school.key, n),
        school: school.key,
        yearGroup,
        senStatus,
        input: {
          upn: `${upnCheckLetter(digits)}${digits}`,
          legalFirstName: first,
          legalLastName: last,
          dateOfBirth,
          sex,
          senStatus,
          ehcpLocalAuthority: senStatus === 'ehcp' ? school.localAuthority : '',
          lookedAfter,
          virtualSchoolContact: lookedAfter
            ? `${school.localAuthority} Virtual School, 0151 000 ${1000 + serial}`
            : '',
          parents: lookedAfter
            ? [
                {
                  name: `${pick(['Sam', 'Alex', 'Chris'])} Ellis`,
                  relationship: 'Foster carer',
                  telephone: `07700 900${String(100 + serial)}`,
                  parentalResponsibility: false,
                },
              ]
            : [
                {
                  name: parent,
                  relationship: pick(['Mother', 'Father', 'Grandmother']),
                  telephone: `07700 900${String(100 + serial)}`,
                  parentalResponsibility: true,
                },
              ],
        },
      });
    }
  }
  return records;
}

/** Plans each pupil's record, added by their school's AP lead the summer before last school year. */
export function planPupils(world: DemoWorld): DemoPupilRecord[] {
  const lastYearStart = demoYearStart(addDays(demoYearStart(world.today), -1));
  const addedOn: IsoDate = addDays(lastYearStart, -20);
  const records = demoPupilRecords(world);
  for (const record of records) {
    plan(world, addedOn, '09:00', `add pupil ${record.key}`, async () => {
      const lead = actorOf(world, `aplead@${record.school}.example`);
      const input = asEntered(pupilInputSchema, { schoolId: idOf(world, record.school), ...record.input });
      const made = await createPupil({ db: world.db, actor: lead, ipAddress: null, input, today: addedOn });
      world.ids.set(record.key, made.id);
    });
  }
  return records;
}
