import { describe, expect, it } from 'vitest';
import { checkUln, checkUpn, ulnSchema, upnSchema } from './identifiers.ts';

describe('UPN', () => {
  it('accepts the published vectors, permanent and temporary', () => {
    expect(checkUpn('R201100018042')).toEqual({ valid: true, temporary: false });
    expect(checkUpn('t20110001804v')).toEqual({ valid: true, temporary: true });
  });

  it('says which check failed', () => {
    expect(checkUpn('R20110001804')).toEqual({
      valid: false,
      problem: 'A UPN is 13 characters; this has 12',
    });
    expect(checkUpn('R2011000180X2')).toMatchObject({
      valid: false,
      problem: expect.stringContaining('11 digits'),
    });
    expect(checkUpn('A201100018042')).toEqual({
      valid: false,
      problem: 'The check letter does not match: for these digits it would be R',
    });
    expect(checkUpn('T20110001804I')).toMatchObject({
      valid: false,
      problem: expect.stringContaining('cannot end in I'),
    });
  });
});

describe('ULN', () => {
  it('accepts the published vector', () => {
    expect(checkUln('9276308686')).toEqual({ valid: true });
  });

  it('says which check failed', () => {
    expect(checkUln('927630868')).toEqual({ valid: false, problem: 'A ULN is 10 digits' });
    expect(checkUln('0276308686')).toEqual({ valid: false, problem: 'A ULN cannot start with 0' });
    expect(checkUln('9276308687')).toEqual({
      valid: false,
      problem: 'The check digit does not match: for these digits it would be 6',
    });
  });
});

describe('identifiers as typed', () => {
  it('reads a UPN with spaces around it and in lower case', () => {
    expect(checkUpn(' r201100018042 ')).toEqual({ valid: true, temporary: false });
    expect(upnSchema.parse(' r201100018042 ')).toBe('R201100018042');
    expect(upnSchema.safeParse('R20110001804').error?.issues.map((i) => i.message)).toEqual([
      'A UPN is 13 characters; this has 12',
    ]);
  });

  it('wants exactly ten digits in a ULN', () => {
    expect(checkUln(' 9276308686 ')).toEqual({ valid: true });
    expect(checkUln('92763086861')).toEqual({ valid: false, problem: 'A ULN is 10 digits' });
    expect(checkUln('x927630868')).toEqual({ valid: false, problem: 'A ULN is 10 digits' });
    expect(ulnSchema.safeParse('9276308687').error?.issues.map((i) => i.message)).toEqual([
      'The check digit does not match: for these digits it would be 6',
    ]);
    expect(ulnSchema.safeParse('9276308686').success).toBe(true);
  });

  it('knows no ULN has first nine digits whose weighted sum divides by 11', () => {
    // 1×10 + 6×2 = 22.
    for (const last of '0123456789')
      expect(checkUln(`100000006${last}`)).toEqual({
        valid: false,
        problem: 'The check digit does not match: no ULN has these first nine digits',
      });
  });
});
