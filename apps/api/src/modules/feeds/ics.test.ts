import { describe, expect, it } from 'vitest';
import { renderIcs } from './ics.ts';

describe('iCalendar output', () => {
  const ics = renderIcs(
    'Waymark: Sam',
    [
      {
        uid: 'abc',
        date: '2026-12-18',
        summary: 'Autumn 2 review of Zoë Ní Bhriain, with notes; and more',
        description: `${'A long line about the duty '.repeat(6)}ends here`,
        url: 'https://waymark.example/placements/1',
      },
    ],
    new Date('2026-11-29T08:00:00Z'),
  );

  it('makes an all-day event on the due date, escaping text', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20261218\r\nDTEND;VALUE=DATE:20261219');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'SUMMARY:Autumn 2 review of Zoë Ní Bhriain\\, with notes\\; and more',
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds lines at 75 octets without splitting a character', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain(
      `DESCRIPTION:${'A long line about the duty '.repeat(6)}ends here`,
    );
  });
});
