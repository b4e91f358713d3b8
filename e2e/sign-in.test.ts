import { describe, expect, it } from 'vitest';
import {
  enterAuthenticatorCode,
  expectAccessible,
  signIn,
  skipReason,
  useBrowser,
} from './support/browser.ts';

describe.skipIf(skipReason)('signing in', () => {
  const browser = useBrowser();

  it('sends a signed-out visitor to sign in, and explains a wrong password without saying which part', async () => {
    const page = await browser.newPage();
    await page.goto('/term-dates');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.title()).toBe('Sign in – Waymark');
    await expectAccessible(page, 'the sign-in page');

    await page.getByLabel('Email address').fill('aplead@riverside.example');
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email address or password is not right.');
    await expectAccessible(page, 'the sign-in page with an error');
  });

  it('an AP lead signs in, sees their role and only their role’s menu, and lands where they were going', async () => {
    const page = await browser.newPage();
    await page.goto('/term-dates');
    await page.getByLabel('Email address').fill('aplead@riverside.example');
    await page.getByLabel(/^Password/).fill('waymark-demo-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // An AP lead's account needs the code from their authenticator app as well.
    await expect.poll(() => page.getByRole('heading', { name: 'Enter your code' }).isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'the authenticator code step');
    await enterAuthenticatorCode(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Term dates');
    await expect.poll(() => page.getByText('Pupil days in the year').isVisible()).toBe(true);
    // The days off during term list only those inside term: May Day, not Christmas Day (a holiday anyway).
    const daysOff = page
      .locator('div')
      .filter({ has: page.getByRole('heading', { name: 'Days pupils are not in school during term' }) })
      .last();
    await expect.poll(() => daysOff.textContent()).toContain('Bank holiday: Early May bank holiday');
    expect(await daysOff.textContent()).not.toContain('Christmas Day');
    await expectAccessible(page, 'the term dates page');

    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await expect
      .poll(() => menu.getByRole('link').allTextContents())
      .toEqual([
        'Home',
        'Pupils',
        'Placements',
        'Attendance',
        'Concerns and incidents',
        'Providers',
        'QA visits',
        'Staff training',
        "Governors' report",
        'Inspection pack',
        'AP policy',
        'Term dates',
        'Your account',
      ]);
    await menu.getByRole('link', { name: 'Home' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welcome, Sam Whitlow');
    // Scoped to the roles card: the board above may name the same school when other journeys leave work due.
    const yourRoles = page.getByRole('region', { name: 'Your roles' });
    await expect.poll(() => yourRoles.getByText('AP lead', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => yourRoles.getByText('Riverside Academy', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'the home page');
  });

  it('checks a date against the school calendar', async () => {
    const page = await browser.newPage();
    await signIn(page, 'attendance@riverside.example');
    await page.goto('/term-dates');
    await page.getByLabel(/^Date to check/).fill('2026-05-04');
    await page.getByLabel('Add school days').fill('2');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.getByText('Not a school day: it is a bank holiday').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/2 school days later: Wed,? 6 May 2026/).isVisible()).toBe(true);
  });

  it('shows a page-not-found page inside the app, and signs out', async () => {
    const page = await browser.newPage();
    await signIn(page, 'dsl@riverside.example');
    await page.goto('/no/such/page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page, 'the not-found page');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('works on a phone: the menu opens from the menu button', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'head@riverside.example');
    const menuLink = page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Users and roles' });
    await expect.poll(() => menuLink.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect.poll(() => menuLink.isVisible()).toBe(true);
    await expectAccessible(page, 'the home page on a phone with the menu open');
    await menuLink.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Users and roles');
  });

  it('says why when a session ends while a page is open', async () => {
    const laptop = await browser.newPage();
    await signIn(laptop, 'head@riverside.example');
    // The same person signs out of every device from their phone.
    const phone = await browser.newPage();
    await signIn(phone, 'head@riverside.example');
    await phone.goto('/account');
    await phone.getByRole('button', { name: 'Sign out of every device' }).click();
    await expect.poll(() => new URL(phone.url()).pathname).toBe('/sign-in');

    await laptop
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Users and roles' })
      .click();
    await expect.poll(() => new URL(laptop.url()).pathname).toBe('/sign-in');
    await expect
      .poll(() => laptop.getByRole('status').filter({ hasText: 'Your session has ended' }).isVisible())
      .toBe(true);
    await expectAccessible(laptop, 'the sign-in page after a session ended');
  });
});
