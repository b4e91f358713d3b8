import { upnCheckLetter } from '@waymark/domain';

/** A valid pupil record (UPN and ULN from the published test vectors), Year 9 in 2025/26. */
export const pupilBody = (schoolId: string, overrides: Record<string, unknown> = {}) => ({
  schoolId,
  upn: 'R201100018042',
  uln: '9276308686',
  legalFirstName: 'Jordan',
  legalLastName: 'Reeve',
  dateOfBirth: '2012-03-14',
  sex: 'M',
  senStatus: 'ehcp',
  ehcpLocalAuthority: 'Liverpool',
  lookedAfter: false,
  parents: [
    { name: 'Kerry Reeve', relationship: 'Mother', telephone: '07700 900123', parentalResponsibility: true },
  ],
  ...overrides,
});

/** A valid UPN for a number: its 12 digits and the check letter they call for. */
export function upnFor(n: number): string {
  const digits = String(n).padStart(12, '0');
  return `${upnCheckLetter(digits)}${digits}`;
}
