export interface SafeguardingLetter {
  id: string;
  providerId: string;
  providerName: string;
  schoolName: string;
  headteacherName: string;
  requestedAt: string;
  status: 'requested' | 'signed';
  signedAt: string | null;
  content: {
    to: string;
    from: string;
    dear: string;
    opening: string;
    checks: string[];
    undertakings: string[];
    name: string;
    role: string;
    organisation: string;
    signature: string;
    signedOn: string;
  } | null;
  contentSha256: string | null;
}
