import { describe, expect, it } from 'vitest';
import { labelledEnums } from './labels.ts';

describe('labels', () => {
  it.each(Object.entries(labelledEnums))(
    'gives every value of %s plain words',
    (_name, { values, labels }) => {
      for (const value of values) {
        const label = labels[value];
        expect(label, `${value} has no label`).toBeTruthy();
        // A label that still reads like the code (an underscore, or the value itself) is not plain English.
        expect(label, `${value} reads as a code`).not.toMatch(/_/);
        if (value.length > 3 && /^[a-z]+$/.test(value)) expect(label).not.toBe(value);
      }
    },
  );

  it('labels nothing that is not a value', () => {
    for (const [name, { values, labels }] of Object.entries(labelledEnums))
      expect(Object.keys(labels).sort(), name).toEqual([...values].sort());
  });
});
