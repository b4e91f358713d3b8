/**
 * The 9:30 register peak at a CI-sized scale (bench/ runs it with 200 people): every answer a 2xx,
 * no errors, no timeouts. Speed is measured in bench/, not asserted here.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegisterPeak, setUpRegisterPeak } from '../../test/register-peak.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('the 9:30 register peak', () => {
  it('takes every provider’s registers at once without an error', async () => {
    const submitters = await setUpRegisterPeak(t, {
      providers: 4,
      staffPerProvider: 3,
      pupilsPerProvider: 3,
    });
    const figures = await runRegisterPeak(url, submitters, { seconds: 4 });
    expect(figures).toMatchObject({ errors: 0, non2xx: 0, timeouts: 0 });
    expect(figures.requests).toBeGreaterThan(submitters.length);
    const [{ count }] = (
      (await t.database.db.execute(
        sql`select count(*)::int as count from attendance_marks where date = '2026-01-12'`,
      )) as unknown as { rows: { count: number }[] }
    ).rows as [{ count: number }];
    // Each pupil once per session: retries and corrections changed marks, never doubled them.
    expect(count).toBe(4 * 3 * 2);
  }, 240_000);
});
