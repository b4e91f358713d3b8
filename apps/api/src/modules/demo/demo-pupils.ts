/**
 * Demo pupils at Riverside Academy, and a referral to Bridges that shows what still stands between it
 * and a start (Bridges is waiting for its safeguarding letter, so it is not approved yet).
 */
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit-log.ts';
import { placements } from '../placements/placements.table.ts';
import { pupils } from '../pupils/pupils.table.ts';

export const demoPupils = [
  {
    upn: 'L931400900011',
    legalFirstName: 'Jayden',
    legalLastName: 'Price',
    dateOfBirth: '2011-11-02',
    sex: 'M',
    senStatus: 'ehcp',
    ehcpLocalAuthority: 'Liverpool',
    ehcpAnnualReviewOn: '2027-03-15',
    lookedAfter: false,
    parents: [
      {
        name: 'Donna Price',
        relationship: 'Mother',
        telephone: '07700 900321',
        parentalResponsibility: true,
      },
    ],
  },
  {
    upn: 'A931400900012',
    legalFirstName: 'Mia',
    legalLastName: 'Rowley',
    preferredName: 'Mimi',
    dateOfBirth: '2012-04-19',
    sex: 'F',
    senStatus: 'sen_support',
    lookedAfter: true,
    virtualSchoolContact: 'Liverpool Virtual School, 0151 000 2468',
    parents: [
      {
        name: 'Sam Ellis',
        relationship: 'Foster carer',
        telephone: '07700 900654',
        parentalResponsibility: false,
      },
    ],
  },
  {
    upn: 'P931400900013',
    legalFirstName: 'Tyler',
    legalLastName: 'Nkemelu',
    dateOfBirth: '2013-01-07',
    sex: 'M',
    senStatus: 'none',
    lookedAfter: false,
    parents: [],
  },
] as const;

export async function seedDemoPupils(
  tx: Database,
  {
    groupId,
    schoolId,
    providerId,
    createdBy,
  }: { groupId: string; schoolId: string; providerId: string; createdBy: string },
) {
  const rows = await tx
    .insert(pupils)
    .values(demoPupils.map((p) => ({ groupId, schoolId, ...p, parents: [...p.parents] })))
    .returning({ id: pupils.id, upn: pupils.upn });
  const jayden = rows.find((r) => r.upn === 'L931400900011')!;
  const [referral] = await tx
    .insert(placements)
    .values({
      groupId,
      schoolId,
      pupilId: jayden.id,
      providerId,
      type: 'commissioned_ap',
      reason: 'Repeated suspensions; needs a small, practical setting two days a week alongside school',
      startsOn: '2027-01-04',
      plannedEndOn: '2027-03-26',
      objectives: [
        {
          id: 'o1',
          text: 'Attend every session at Bridges',
          timeline: 'Spring 1',
          successCriteria: 'Attendance of 95% or more',
        },
      ],
      sessions: [
        { day: 'tue', session: 'am', hours: 3 },
        { day: 'tue', session: 'pm', hours: 2.5 },
        { day: 'thu', session: 'am', hours: 3 },
      ],
      createdBy,
    })
    .returning({ id: placements.id });
  await recordAudit(
    tx,
    { actor: { userId: null, displayName: 'Waymark', groupId } },
    {
      action: 'placements.referred',
      recordType: 'placement',
      recordId: referral!.id,
      schoolId,
      summary:
        'Referred Jayden Price to Bridges Learning Centre: commissioned alternative provision (demo data)',
    },
  );
}
