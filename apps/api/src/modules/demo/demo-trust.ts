/**
 * The demo trust seeded on first start with the embedded database: two regions, three schools with
 * 2025/26 and 2026/27 term dates, two providers, and one user for each role. All names are invented.
 */
import type { ClosureDay, HalfTerm, RoleName, ScopeType } from '@waymark/domain';

export const DEMO_PASSWORD = 'waymark-demo-2026';
/**
 * The demo's authenticator key for the roles that require two-factor sign-in: add it to any
 * authenticator app to sign in as them. Demo data only; real accounts each set up their own.
 */
export const DEMO_AUTHENTICATOR_KEY = 'WAYMARKDEMOKEYFORTHEDEMOTRUSTXYZ';
export const DEMO_GROUP_NAME = 'Northway Learning Trust';

export type TermPattern = [
  autumn1: [string, string],
  autumn2: [string, string],
  spring1: [string, string],
  spring2: [string, string],
  summer1: [string, string],
  summer2: [string, string],
];

export function halfTermsFrom(academicYear: string, pattern: TermPattern): HalfTerm[] {
  const slots = [
    ['autumn', 1],
    ['autumn', 2],
    ['spring', 1],
    ['spring', 2],
    ['summer', 1],
    ['summer', 2],
  ] as const;
  return slots.map(([term, half], i) => ({
    academicYear,
    term,
    half,
    startsOn: pattern[i]![0],
    endsOn: pattern[i]![1],
  }));
}

const year2025: TermPattern = [
  ['2025-09-01', '2025-10-24'],
  ['2025-11-03', '2025-12-19'],
  ['2026-01-05', '2026-02-13'],
  ['2026-02-23', '2026-03-27'],
  ['2026-04-13', '2026-05-22'],
  ['2026-06-01', '2026-07-20'],
];
const year2026: TermPattern = [
  ['2026-09-01', '2026-10-23'],
  ['2026-11-02', '2026-12-18'],
  ['2027-01-04', '2027-02-12'],
  ['2027-02-22', '2027-03-25'],
  ['2027-04-12', '2027-05-28'],
  ['2027-06-07', '2027-07-21'],
];

const inset = (date: string, note = 'INSET day'): ClosureDay => ({ date, kind: 'inset', note });

export const demoTermDates: { halfTerms: HalfTerm[]; closureDays: ClosureDay[] }[] = [
  {
    halfTerms: halfTermsFrom('2025/26', year2025),
    closureDays: [
      inset('2025-09-01'),
      inset('2025-09-02'),
      inset('2026-01-05'),
      inset('2026-06-01'),
      inset('2026-07-20'),
    ],
  },
  {
    halfTerms: halfTermsFrom('2026/27', year2026),
    closureDays: [
      inset('2026-09-01'),
      inset('2026-09-02'),
      inset('2027-01-04'),
      inset('2027-06-07'),
      inset('2027-07-21'),
    ],
  },
];

export const demoRegions = ['North West', 'Midlands'] as const;

export const demoSchools = [
  {
    key: 'riverside',
    name: 'Riverside Academy',
    urn: '149001',
    localAuthority: 'Liverpool',
    region: 'North West',
  },
  { key: 'hillview', name: 'Hillview School', urn: '149002', localAuthority: 'Wirral', region: 'North West' },
  {
    key: 'oakfield',
    name: 'Oakfield College',
    urn: '149003',
    localAuthority: 'Birmingham',
    region: 'Midlands',
  },
] as const;

export const demoProviders = [
  { key: 'bridges', name: 'Bridges Learning Centre' },
  { key: 'greenway', name: 'Greenway Farm Education' },
] as const;

type SchoolKey = (typeof demoSchools)[number]['key'];
type ProviderKey = (typeof demoProviders)[number]['key'];

export interface DemoUser {
  email: string;
  displayName: string;
  role: RoleName;
  scope: { type: ScopeType; key: 'group' | (typeof demoRegions)[number] | SchoolKey | ProviderKey };
}

export const demoUsers: DemoUser[] = [
  {
    email: 'admin@northway.example',
    displayName: 'Amira Khan',
    role: 'trust_admin',
    scope: { type: 'group', key: 'group' },
  },
  {
    email: 'governor@northway.example',
    displayName: 'Graham Oduya',
    role: 'governor',
    scope: { type: 'group', key: 'group' },
  },
  {
    email: 'director.nw@northway.example',
    displayName: 'Rachel Dunmore',
    role: 'governor',
    scope: { type: 'region', key: 'North West' },
  },
  {
    email: 'head@riverside.example',
    displayName: 'Helen Parkes',
    role: 'headteacher',
    scope: { type: 'school', key: 'riverside' },
  },
  {
    email: 'aplead@riverside.example',
    displayName: 'Sam Whitlow',
    role: 'ap_lead',
    scope: { type: 'school', key: 'riverside' },
  },
  {
    email: 'dsl@riverside.example',
    displayName: 'Dev Patel',
    role: 'dsl',
    scope: { type: 'school', key: 'riverside' },
  },
  {
    email: 'attendance@riverside.example',
    displayName: 'Jo Briggs',
    role: 'attendance_officer',
    scope: { type: 'school', key: 'riverside' },
  },
  {
    email: 'head@oakfield.example',
    displayName: 'Marcus Reid',
    role: 'headteacher',
    scope: { type: 'school', key: 'oakfield' },
  },
  {
    email: 'staff@bridges.example',
    displayName: 'Lena Morris',
    role: 'provider_staff',
    scope: { type: 'provider', key: 'bridges' },
  },
];
