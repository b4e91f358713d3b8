/**
 * The living demo as each of its people sees it: Waymark started as `npm start` starts it (its own
 * server and database, the demo built at start), on a Monday morning of the autumn term with the
 * registers partly in. Every page in each role's menu, and one of each kind of page those link to,
 * shows with no error, no failed request and no accessibility violation, and with nothing sticking out
 * of its card or cut off, on a laptop (1366 px) and on a phone (390 px).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../apps/api/src/db/fresh-database.ts';
import { expectAccessible, signIn, skipReason, useBrowser, useServer } from './support/browser.ts';
import { overflowProblems } from './support/overflow.ts';
import { freePort, waitForHealth } from './support/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Monday 7 December 2026, 10:30 in London: morning registers mostly in, some still awaited. */
const STARTS_AT = '2026-12-07T10:30:00Z';

/** One person for each role the demo has, as the README lists them, and a duty of theirs on Home. */
const people = [
  { role: 'trust administrator', email: 'admin@northway.example', due: 'AP policy annual review' },
  { role: 'governor', email: 'governor@northway.example', due: null },
  {
    role: 'headteacher',
    email: 'head@riverside.example',
    due: 'Governing board review of an off-site direction',
  },
  { role: 'AP lead', email: 'aplead@riverside.example', due: 'Referral not ready to start' },
  { role: 'DSL', email: 'dsl@riverside.example', due: 'Concern or incident to triage' },
  { role: 'attendance officer', email: 'attendance@riverside.example', due: 'First-day call' },
  { role: 'provider', email: 'staff@bridges.example', due: null, waiting: 'Progress report on' },
];

/** Detail pages are visited once per kind of address (ids stand for any record of the kind). */
const kindOf = (path: string) =>
  path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\?.*$/, '');
const MOST_DETAIL_PAGES = 14;
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let stop = async () => {};

beforeAll(async () => {
  if (skipReason) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-living-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    WAYMARK_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
    WAYMARK_CLOCK: STARTS_AT,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  let drop: (() => Promise<void>) | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.TEST_DATABASE_URL, 'waymark_living');
    env.DATABASE_URL = fresh.url;
    drop = fresh.drop;
  }
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: root, env });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  // Building the demo is part of the start; on a busy machine beside the other tests it takes longer.
  const clockOffsetMs = await waitForHealth(baseURL, server, () => output, 240_000);
  useServer({ baseURL, clockOffsetMs });
  stop = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}, 300_000);
afterAll(() => stop());

describe.skipIf(skipReason)('the living demo, page by page', () => {
  const browser = useBrowser();

  for (const person of people)
    it(`shows the ${person.role} every page of theirs and each kind of record they link to, with no error, no failed request and no axe violation`, async () => {
      const page = await browser.newPage({ viewport: LAPTOP });
      const failed: string[] = [];
      const overflowing: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/api/'))
          failed.push(
            `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
          );
      });
      page.on('pageerror', (error) => failed.push(`script error: ${error.message}`));
      await signIn(page, person.email);
      // Home holds real work for each role with duties: one of theirs, named by its kind.
      if (person.due) {
        const board = page
          .getByRole('region', { name: 'Overdue' })
          .or(page.getByRole('region', { name: 'This week' }));
        await expect
          .poll(() => page.getByText(`${person.due},`).first().isVisible(), { timeout: 20_000 })
          .toBe(true);
        expect(await board.count()).toBeGreaterThan(0);
      }
      // A provider's home lists what is waiting for them, reports owed this half-term among it.
      if (person.waiting) {
        const waiting = page.getByRole('region', { name: 'Waiting for you' });
        await expect
          .poll(() => waiting.getByText(person.waiting).first().isVisible(), { timeout: 20_000 })
          .toBe(true);
      }

      // The menu is drawn once the session has loaded: wait for it before reading it.
      const links = page.getByRole('navigation', { name: 'Main menu' }).getByRole('link');
      await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(2);
      const menu = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
      const seen = new Set(menu.map(kindOf));
      const details: string[] = [];
      for (const path of menu) {
        await showPage(page, path, failed, overflowing);
        for (const href of await linksOnPage(page)) {
          const kind = kindOf(href);
          if (seen.has(kind) || details.length >= MOST_DETAIL_PAGES) continue;
          seen.add(kind);
          details.push(href);
        }
      }
      for (const path of details) await showPage(page, path, failed, overflowing);
      expect(failed, `failed requests or script errors for ${person.email}`).toEqual([]);
      expect(overflowing, `what sticks out or is cut off for ${person.email}`).toEqual([]);
    }, 600_000);
});

/**
 * Opens the page, waits for what it loads, and checks it shows without an error and passes axe; then
 * notes anything that sticks out of its card or is cut off, at a laptop's width and at a phone's.
 */
async function showPage(page: Page, path: string, failed: string[], overflowing: string[]) {
  const before = failed.length;
  await page.goto(path);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /Loading/ })
          .count(),
      { timeout: 30_000 },
    )
    .toBe(0);
  const heading = await page.getByRole('heading', { level: 1 }).first().textContent();
  expect(heading, `the page at ${path}`).not.toMatch(/could not be shown|Page not found/);
  const alerts = await page
    .getByRole('alert')
    .filter({ hasText: /Something went wrong/ })
    .allTextContents();
  expect(alerts, `errors shown on ${path}`).toEqual([]);
  expect(failed.slice(before), `failed requests on ${path}`).toEqual([]);
  await expectAccessible(page, path);
  for (const [width, viewport] of [
    ['1366 px', LAPTOP],
    ['390 px', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    // Two frames: what measures itself on a resize (a wide table's scroll cue) has drawn again.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    let problems = await overflowProblems(page);
    if (problems.length) {
      // Measure once more after the page has had a moment to finish laying out (a font, an image, a
      // box that sizes itself): only what still sticks out then is what a person sees.
      await page.waitForTimeout(500);
      problems = await overflowProblems(page);
    }
    for (const problem of problems) overflowing.push(`${path} at ${width}: ${problem}`);
  }
  await page.setViewportSize(LAPTOP);
}

/** The addresses of the records the page links to (not downloads, not other sites). */
async function linksOnPage(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((href) => !href.startsWith('/api/') && !href.includes('#'));
}
