import { describe, expect, it } from 'vitest';
import { dfeNumberSchema, postcodeSchema, ukPhoneSchema, ukprnSchema, urnSchema } from './identifiers.ts';
import { providerInputSchema } from './provider.schemas.ts';

describe('provider identifiers', () => {
  it('checks URNs, UKPRNs and DfE numbers', () => {
    expect(urnSchema.safeParse('149001').success).toBe(true);
    expect(urnSchema.safeParse('14900').success).toBe(false);
    expect(ukprnSchema.safeParse('10012345').success).toBe(true);
    expect(ukprnSchema.safeParse('20012345').success).toBe(false);
    expect(ukprnSchema.safeParse('1001234').success).toBe(false);
    expect(dfeNumberSchema.parse('3404001')).toBe('340/4001');
    expect(dfeNumberSchema.parse('340/4001')).toBe('340/4001');
    expect(dfeNumberSchema.safeParse('34/4001').success).toBe(false);
  });

  it('checks UK telephone numbers and postcodes', () => {
    for (const ok of ['0151 496 0000', '07700 900123', '+44 151 496 0000', '(0151) 496-0000'])
      expect(ukPhoneSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      '496 0000',
      '+1 555 0100',
      'call me',
      'tel 0151 496 0000',
      '0151 496 0000 ext 12',
      'tel +44 151 496 0000',
      '+44 151 496 0000 ext 12',
    ])
      expect(ukPhoneSchema.safeParse(bad).success).toBe(false);
    expect(postcodeSchema.parse('l18jq')).toBe('L1 8JQ');
    expect(postcodeSchema.parse('SW1A 1AA')).toBe('SW1A 1AA');
    expect(postcodeSchema.safeParse('12345').success).toBe(false);
  });

  it('names each wrong field of a provider', () => {
    const result = providerInputSchema.safeParse({
      name: 'Bridges',
      settingType: 'unregistered',
      addressLine1: '1 Dock Road',
      town: 'Liverpool',
      postcode: 'nowhere',
      telephone: '123',
      email: 'bridges',
      keyContactName: 'Lena',
      urn: '12',
      ukprn: '',
      onLaFramework: true,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'email',
      'postcode',
      'telephone',
      'urn',
    ]);
  });
});
