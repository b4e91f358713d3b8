import { describe, expect, it } from 'vitest';
import { deliveryFor } from './notification-kinds.ts';

describe('how an email reaches a member of staff', () => {
  it('sends safeguarding concerns and restraints at once, even to someone who chose the digest', () => {
    expect(deliveryFor('safeguarding_concern', 'digest')).toBe('immediate');
    expect(deliveryFor('restraint', 'digest')).toBe('immediate');
  });

  it('lets other kinds wait for the digest when the person chose it', () => {
    expect(deliveryFor('incident', 'digest')).toBe('digest');
    expect(deliveryFor('provider_notice', 'digest')).toBe('digest');
    expect(deliveryFor('progress_report', 'immediate')).toBe('immediate');
  });

  it('sends at once when the person has not chosen', () => {
    expect(deliveryFor('incident', undefined)).toBe('immediate');
  });
});
