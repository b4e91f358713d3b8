/** Chromium (Debian's, never a downloaded one), a page per test, and an axe check for WCAG 2.2 AA. */
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { DEMO_AUTHENTICATOR_KEY } from '../../apps/api/src/modules/demo/demo-trust.ts';
import { codeAt } from '../../apps/api/src/modules/second-factor/totp.ts';

export const DEMO_PASSWORD = 'waymark-demo-2026';
const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

const e2e = inject('e2e');
export const skipReason = 'skipReason' in e2e ? e2e.skipReason : null;
export let baseURL = 'baseURL' in e2e ? e2e.baseURL : '';
let clockOffsetMs = 'clockOffsetMs' in e2e ? e2e.clockOffsetMs : 0;

/** Points this file's pages at a server the file started itself (with its own clock), not the journeys'. */
export function useServer(server: { baseURL: string; clockOffsetMs: number }) {
  baseURL = server.baseURL;
  clockOffsetMs = server.clockOffsetMs;
}

/** The time on the server's clock, which the journeys set (global-setup.ts) and each page follows. */
export function serverNow(): Date {
  return new Date(Date.now() + clockOffsetMs);
}

/**
 * Chromium runs outside Debian's faketime (scripts/test-on-other-days.sh), whose library stalls its page
 * loads. Nothing is lost: each page's clock is set from the server's below, and cookies carry Max-Age,
 * which Chromium counts from when it received them.
 */
function withoutFakedClock(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept = Object.entries(env).filter(
    ([name, value]) => value !== undefined && name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME'),
  );
  return Object.fromEntries(kept) as Record<string, string>;
}

/** Opens Chromium for the file and gives each test a fresh, signed-out page. */
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const state = {
    async newPage(
      options: { viewport?: { width: number; height: number }; locale?: string } = {},
    ): Promise<Page> {
      // Each page is its own browser context: its own cookies, like a separate device.
      const context = await browser.newContext({
        baseURL,
        viewport: options.viewport ?? { width: 1280, height: 800 },
        locale: options.locale ?? 'en-GB',
      });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      // The page's clock runs from the server's, so "today" in the browser is the journeys' day too.
      await context.clock.install({ time: serverNow() });
      const page = await context.newPage();
      pages.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    if (skipReason || !('chromiumPath' in e2e)) return;
    browser = await chromium.launch({
      executablePath: e2e.chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
      env: withoutFakedClock(process.env),
    });
  });
  afterEach(async ({ task }) => {
    // A failed journey leaves a screenshot of each of its pages in e2e/artifacts/ to look at.
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await Promise.all(
        pages.map((p, i) =>
          p.screenshot({ path: `${artifactsDir}/${name}-${i}.png`, fullPage: true }).catch(() => {}),
        ),
      );
    }
    pages.length = 0;
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return state;
}

/** Browsers trusted after a code, by person: later pages for them skip the code, as that browser would. */
const trustedBrowsers = new Map<string, string>();
const STEP_MS = 30_000;

/** Enters the authenticator code; if this 30-second code was already used, waits for the next one. */
export async function enterAuthenticatorCode(page: Page) {
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByLabel(/^Code/).fill(await codeAt(DEMO_AUTHENTICATOR_KEY, serverNow()));
    await page.getByLabel('Trust this browser for 30 days').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const refused = page.getByText('That code is not right, or has already been used');
    await expect
      .poll(async () => new URL(page.url()).pathname !== '/sign-in' || (await refused.isVisible()))
      .toBe(true);
    if (new URL(page.url()).pathname !== '/sign-in') return;
    await page.waitForTimeout(STEP_MS - (serverNow().getTime() % STEP_MS) + 500);
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const trusted = trustedBrowsers.get(email);
  if (trusted)
    await page.context().addCookies([
      {
        name: 'waymark_trusted_browser',
        value: trusted,
        domain: new URL(baseURL).hostname,
        path: '/api/auth',
      },
    ]);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const codeStep = page.getByRole('heading', { name: 'Enter your code' });
  await expect
    .poll(async () => new URL(page.url()).pathname !== '/sign-in' || (await codeStep.isVisible()))
    .toBe(true);
  if (new URL(page.url()).pathname === '/sign-in') {
    await enterAuthenticatorCode(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'waymark_trusted_browser');
    if (cookie) trustedBrowsers.set(email, cookie.value);
  }
  await expect.poll(() => new URL(page.url()).pathname).not.toBe('/sign-in');
}

/** Fails with the list of WCAG 2.2 A/AA violations axe finds on the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  // A confirmation sliding in or out is half transparent, and axe would judge its text's contrast against
  // the page behind it. Mantine closes one after four seconds, which can fall while axe is reading, so
  // each is held fully shown (and its close timer paused by the pointer resting on it) until axe is done.
  const held = await page.addStyleTag({
    content:
      '.mantine-Notification-root { opacity: 1 !important; transform: none !important; transition: none !important; }',
  });
  const shown = page.locator('.mantine-Notification-root');
  if ((await shown.count()) > 0)
    await shown
      .first()
      .hover({ timeout: 2000 })
      .catch(() => undefined);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.mantine-Notification-root')).every((element) => {
      for (let e: Element | null = element; e; e = e.parentElement)
        if (Number(getComputedStyle(e).opacity) < 1) return false;
      return true;
    }),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  // Let go: the pointer leaves, so the confirmation closes as usual and covers nothing a later step clicks.
  await held.evaluate((style) => (style as HTMLStyleElement).remove());
  await page.mouse.move(0, 0);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/**
 * Picks an option of a select. A select whose options come from the server opens empty if it is clicked
 * before they arrive (on a loaded machine it was), so it is closed and opened again until the option shows.
 */
export async function choose(page: Page, select: Locator, option: Parameters<Page['getByRole']>[1]) {
  const item = page.getByRole('option', option);
  await select.click();
  await expect
    .poll(async () => {
      if (await item.isVisible()) return true;
      await page.keyboard.press('Escape');
      await select.click();
      return item.isVisible();
    })
    .toBe(true);
  await item.click();
}
