/**
 * Who is in the living demo's trust: two regions, six schools (secondary, special and primary), and the people who work
 * in them. The sign-ins the README has always listed are kept, so nothing that points at them breaks.
 * All names are invented; UPNs, URNs and telephone numbers are from ranges no real one uses.
 */
import type { RoleName, ScopeType } from '@waymark/domain';

export const livingRegions = ['North West', 'Midlands'] as const;
export type RegionName = (typeof livingRegions)[number];

export interface DemoSchool {
  key: string;
  name: string;
  urn: string;
  localAuthority: string;
  region: RegionName;
}

export const livingSchools: DemoSchool[] = [
  {
    key: 'riverside',
    name: 'Riverside Academy',
    urn: '149001',
    localAuthority: 'Liverpool',
    region: 'North West',
  },
  {
    key: 'hillview',
    name: 'Hillview School',
    urn: '149002',
    localAuthority: 'Wirral',
    region: 'North West',
  },
  {
    key: 'oakfield',
    name: 'Oakfield College',
    urn: '149003',
    localAuthority: 'Birmingham',
    region: 'Midlands',
  },
  {
    key: 'brookside',
    name: 'Brookside Primary School',
    urn: '149004',
    localAuthority: 'Liverpool',
    region: 'North West',
  },
  {
    key: 'meadowbank',
    name: 'Meadowbank Academy',
    urn: '149005',
    localAuthority: 'Coventry',
    region: 'Midlands',
  },
  {
    key: 'larchwood',
    name: 'Larchwood School',
    urn: '149006',
    localAuthority: 'Walsall',
    region: 'Midlands',
  },
];

export interface DemoPerson {
  email: string;
  displayName: string;
  role: RoleName;
  scopeType: ScopeType;
  /** "group", a region's name, or a school's or provider's key. */
  scope: string;
}

/** The trust administrator is made first, with the trust itself; everyone else by them. */
export const livingAdmin = { email: 'admin@northway.example', displayName: 'Amira Khan' };

export const livingSchoolPeople: DemoPerson[] = [
  {
    email: 'governor@northway.example',
    displayName: 'Graham Oduya',
    role: 'governor',
    scopeType: 'group',
    scope: 'group',
  },
  {
    email: 'director.nw@northway.example',
    displayName: 'Rachel Dunmore',
    role: 'governor',
    scopeType: 'region',
    scope: 'North West',
  },
  {
    email: 'head@riverside.example',
    displayName: 'Helen Parkes',
    role: 'headteacher',
    scopeType: 'school',
    scope: 'riverside',
  },
  {
    email: 'aplead@riverside.example',
    displayName: 'Sam Whitlow',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'riverside',
  },
  {
    email: 'dsl@riverside.example',
    displayName: 'Dev Patel',
    role: 'dsl',
    scopeType: 'school',
    scope: 'riverside',
  },
  {
    email: 'attendance@riverside.example',
    displayName: 'Jo Briggs',
    role: 'attendance_officer',
    scopeType: 'school',
    scope: 'riverside',
  },
  {
    email: 'head@oakfield.example',
    displayName: 'Marcus Reid',
    role: 'headteacher',
    scopeType: 'school',
    scope: 'oakfield',
  },
  {
    email: 'aplead@oakfield.example',
    displayName: 'Priya Chauhan',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'oakfield',
  },
  {
    email: 'dsl@oakfield.example',
    displayName: 'Carl Benson',
    role: 'dsl',
    scopeType: 'school',
    scope: 'oakfield',
  },
  {
    email: 'attendance@oakfield.example',
    displayName: 'Nadia Ahmed',
    role: 'attendance_officer',
    scopeType: 'school',
    scope: 'oakfield',
  },
  {
    email: 'head@hillview.example',
    displayName: 'Fiona Gallagher',
    role: 'headteacher',
    scopeType: 'school',
    scope: 'hillview',
  },
  {
    email: 'aplead@hillview.example',
    displayName: 'Owen Pritchard',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'hillview',
  },
  {
    email: 'dsl@hillview.example',
    displayName: 'Grace Olatunji',
    role: 'dsl',
    scopeType: 'school',
    scope: 'hillview',
  },
  {
    email: 'aplead@brookside.example',
    displayName: 'Ruth Kelly',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'brookside',
  },
  {
    email: 'aplead@meadowbank.example',
    displayName: 'Imran Sadiq',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'meadowbank',
  },
  {
    email: 'aplead@larchwood.example',
    displayName: 'Bethan Hughes',
    role: 'ap_lead',
    scopeType: 'school',
    scope: 'larchwood',
  },
];
