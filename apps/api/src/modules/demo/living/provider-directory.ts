/**
 * The living demo's providers as the directory records them, and where each one's story leaves it:
 * approved providers of every kind of setting, and one in each other state a provider can be in.
 */
import type { ProviderInput, SettingType } from '@waymark/domain';
import { demoProviderDetails } from '../demo-providers.ts';

/**
 * Where the story leaves the provider today: approved; under audit; awaiting its letter; lapsed on
 * insurance that ran out; suspended or withdrawn by the headteacher; lapsed on a registration alarm
 * (it teaches enough pupils full time that it must register as a school); or just added (draft).
 */
export type ProviderStory =
  | 'approved'
  | 'under_audit'
  | 'awaiting_letter'
  | 'ready_for_approval'
  | 'cover_expired'
  | 'suspended'
  | 'withdrawn'
  | 'registration_alarm'
  | 'draft';

export interface DemoProvider {
  key: string;
  story: ProviderStory;
  details: ProviderInput;
}

function details(
  name: string,
  settingType: SettingType,
  where: { addressLine1: string; town: string; postcode: string; telephone: string; email: string },
  people: { contact: string; contactRole: string; dsl: string; deputy?: string },
  ids: Partial<Pick<ProviderInput, 'dfeNumber' | 'urn' | 'ukprn' | 'ofstedGrade' | 'ofstedReportDate'>> = {},
): ProviderInput {
  return {
    name,
    settingType,
    ...where,
    addressLine2: null,
    keyContactName: people.contact,
    keyContactRole: people.contactRole,
    dfeNumber: null,
    urn: null,
    ukprn: null,
    aalaLicence: null,
    ofstedGrade: 'not_applicable',
    ofstedReportDate: null,
    onLaFramework: true,
    dsl: { name: people.dsl, trainingDetails: 'Designated safeguarding lead training', trainedOn: null },
    deputyDsl: people.deputy ? { name: people.deputy, trainingDetails: null, trainedOn: null } : null,
    ...ids,
  };
}

const { dsl: bridgesDsl, deputyDsl: bridgesDeputy, ...bridges } = demoProviderDetails.bridges;
const { dsl: greenwayDsl, deputyDsl: greenwayDeputy, ...greenway } = demoProviderDetails.greenway;

export const livingProviders: DemoProvider[] = [
  {
    key: 'bridges',
    story: 'approved',
    details: { name: 'Bridges Learning Centre', ...bridges, dsl: bridgesDsl, deputyDsl: bridgesDeputy },
  },
  {
    key: 'greenway',
    story: 'under_audit',
    details: { name: 'Greenway Farm Education', ...greenway, dsl: greenwayDsl, deputyDsl: greenwayDeputy },
  },
  {
    key: 'harbour',
    story: 'approved',
    details: details(
      'Harbour House School',
      'registered_school',
      {
        addressLine1: '2 Mariners Way',
        town: 'Birkenhead',
        postcode: 'CH41 6AB',
        telephone: '0151 496 0420',
        email: 'office@harbourhouse.example',
      },
      { contact: 'Alan Burke', contactRole: 'Headteacher', dsl: 'Alan Burke', deputy: 'Sue Keane' },
      { dfeNumber: '344/6001', urn: '149101', ofstedGrade: 'good', ofstedReportDate: '2024-05-14' },
    ),
  },
  {
    key: 'northbank',
    story: 'approved',
    details: details(
      'Northbank College',
      'further_education',
      {
        addressLine1: 'College Road',
        town: 'Liverpool',
        postcode: 'L5 9PQ',
        telephone: '0151 496 0300',
        email: 'schoolslinks@northbank.example',
      },
      {
        contact: 'Dawn Okafor',
        contactRole: '14 to 16 programme lead',
        dsl: 'Dawn Okafor',
        deputy: 'Ian Ross',
      },
      { ukprn: '10004321', ofstedGrade: 'good', ofstedReportDate: '2023-11-02' },
    ),
  },
  {
    key: 'compass',
    story: 'approved',
    details: details(
      'Compass Pupil Referral Unit',
      'pru_or_ap_academy',
      {
        addressLine1: '40 Station Street',
        town: 'Coventry',
        postcode: 'CV1 2GT',
        telephone: '024 7649 0150',
        email: 'admin@compasspru.example',
      },
      { contact: 'Joanne Birch', contactRole: 'Head of centre', dsl: 'Joanne Birch', deputy: 'Femi Adeyemi' },
      {
        dfeNumber: '331/1102',
        urn: '149102',
        ofstedGrade: 'requires_improvement',
        ofstedReportDate: '2025-03-20',
      },
    ),
  },
  {
    key: 'ironworks',
    story: 'approved',
    details: details(
      'Ironworks Motor Skills',
      'work_based',
      {
        addressLine1: 'Unit 7, Foundry Park',
        town: 'Walsall',
        postcode: 'WS2 8LR',
        telephone: '01922 000 418',
        email: 'training@ironworks.example',
      },
      { contact: 'Kev Marsh', contactRole: 'Workshop manager', dsl: 'Linda Marsh' },
      { ukprn: '10076543' },
    ),
  },
  {
    key: 'elmtree',
    story: 'awaiting_letter',
    details: details(
      'Elm Tree Tutoring',
      'one_to_one_tuition',
      {
        addressLine1: '9 Elm Grove',
        town: 'Birmingham',
        postcode: 'B13 9QZ',
        telephone: '0121 496 0777',
        email: 'hello@elmtree.example',
      },
      { contact: 'Hannah Elms', contactRole: 'Director', dsl: 'Hannah Elms' },
    ),
  },
  {
    key: 'summit',
    story: 'cover_expired',
    details: details(
      'Summit Outdoor Learning',
      'unregistered',
      {
        addressLine1: 'Summit Lodge, Hill Lane',
        town: 'Frodsham',
        postcode: 'WA6 7QS',
        telephone: '01928 000 612',
        email: 'bookings@summit.example',
      },
      { contact: 'Gareth Hill', contactRole: 'Centre leader', dsl: 'Gareth Hill', deputy: 'Amy Lowe' },
    ),
  },
  {
    key: 'kingsway',
    story: 'suspended',
    details: details(
      'Kingsway Boxing Academy',
      'unregistered',
      {
        addressLine1: '118 Kingsway',
        town: 'Liverpool',
        postcode: 'L20 3HG',
        telephone: '0151 496 0555',
        email: 'coach@kingsway.example',
      },
      { contact: 'Ray Doyle', contactRole: 'Head coach', dsl: 'Ray Doyle' },
    ),
  },
  {
    key: 'pathways',
    story: 'withdrawn',
    details: details(
      'Pathways Mentoring',
      'unregistered',
      {
        addressLine1: '3 Market Square',
        town: 'Wolverhampton',
        postcode: 'WV1 1TQ',
        telephone: '01902 000 333',
        email: 'team@pathways.example',
      },
      { contact: 'Neil Grant', contactRole: 'Manager', dsl: 'Neil Grant' },
    ),
  },
  {
    key: 'crossroads',
    story: 'registration_alarm',
    details: details(
      'Crossroads Learning',
      'unregistered',
      {
        addressLine1: '55 Cross Street',
        town: 'Wallasey',
        postcode: 'CH44 5UJ',
        telephone: '0151 496 0888',
        email: 'office@crossroads.example',
      },
      { contact: 'Tina Mercer', contactRole: 'Centre manager', dsl: 'Tina Mercer', deputy: 'Jon Pike' },
    ),
  },
  {
    key: 'larkspur',
    story: 'ready_for_approval',
    details: details(
      'Larkspur Sports Coaching',
      'unregistered',
      {
        addressLine1: '4 Meadow Road',
        town: 'Birmingham',
        postcode: 'B29 6NT',
        telephone: '0121 496 0444',
        email: 'office@larkspur.example',
      },
      { contact: 'Omar Haddad', contactRole: 'Head coach', dsl: 'Omar Haddad', deputy: 'Leah Price' },
    ),
  },
  {
    key: 'lighthouse',
    story: 'draft',
    details: details(
      'Lighthouse Arts Project',
      'unregistered',
      {
        addressLine1: '21 Quay Street',
        town: 'Liverpool',
        postcode: 'L3 1BX',
        telephone: '0151 496 0999',
        email: 'studio@lighthouse.example',
      },
      { contact: 'Maya Quinn', contactRole: 'Artistic director', dsl: 'Maya Quinn' },
    ),
  },
];
