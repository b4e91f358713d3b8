import type { SignedLetterContent } from '@waymark/domain';

export interface SafeguardingLetter {
  id: string;
  providerId: string;
  providerName: string;
  schoolName: string;
  headteacherName: string;
  requestedAt: string;
  status: 'requested' | 'signed';
  signedAt: string | null;
  content: SignedLetterContent | null;
  contentSha256: string | null;
}
