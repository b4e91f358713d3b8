import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('a trust administrator manages users', () => {
  const browser = useBrowser();

  it('creates a user with a school role; that user signs in and sees what the role allows; the audit log shows it', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await expect
      .poll(() => menu.getByRole('link').allTextContents())
      .toEqual([
        'Home',
        'Pupils',
        'Placements',
        'Attendance',
        'Providers',
        'QA visits',
        'Staff training',
        'Audit form',
        "Governors' report",
        'AP policy',
        'Term dates',
        'Schools and regions',
        'Users and roles',
        'Audit log',
        'Outbox',
        'Your account',
      ]);

    await menu.getByRole('link', { name: 'Users and roles' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Helen Parkes' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the users page');

    await page.getByRole('link', { name: 'Add a user' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Add a user');
    await page.getByLabel(/^Name/).fill('Priya Shah');
    await page.getByLabel('Email address').fill('priya.shah@hillview.example');
    await page.getByLabel('First password').fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByText('Use at least 12 characters').isVisible()).toBe(true);
    await expectAccessible(page, 'the new-user form with an error');

    await page.getByLabel('First password').fill('hillview attendance 2026');
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Attendance officer' }).click();
    await page.getByRole('combobox', { name: 'Place', exact: true }).click();
    await page.getByRole('option', { name: 'Hillview School' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Priya Shah');
    const roleRow = page.getByRole('row').filter({ hasText: 'Attendance officer' });
    await expect
      .poll(() => roleRow.getByRole('cell').allTextContents())
      .toEqual(['Attendance officer', 'Hillview School', 'Remove']);
    await expectAccessible(page, 'the user page');

    await menu.getByRole('link', { name: 'Audit log' }).click();
    await expect
      .poll(() =>
        page
          .getByText(
            'Created user Priya Shah <priya.shah@hillview.example> with Attendance officer at Hillview School',
          )
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, 'the audit log page');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'priya.shah@hillview.example', 'hillview attendance 2026');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welcome, Priya Shah');
    expect(await page.getByText('Hillview School', { exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => menu.getByRole('link').allTextContents())
      .toEqual([
        'Home',
        'Pupils',
        'Placements',
        'Attendance',
        'Concerns and incidents',
        'Providers',
        'AP policy',
        'Term dates',
        'Your account',
      ]);
    await page.goto('/users');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Not available to your role');
  });

  it('a headteacher sees only their own school’s staff', async () => {
    const page = await browser.newPage();
    await signIn(page, 'head@oakfield.example');
    await page.goto('/users');
    await expect.poll(() => page.getByRole('link', { name: 'Marcus Reid' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Helen Parkes' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add a user' }).count()).toBe(0);
  });
});

describe.skipIf(skipReason)('a trust administrator keeps term dates', () => {
  const browser = useBrowser();

  it('adds a closure day; the school-day count and the calendar check both follow', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page.goto('/term-dates');
    await page.getByRole('combobox', { name: 'School' }).click();
    await page.getByRole('option', { name: 'Oakfield College' }).click();
    await page.getByRole('combobox', { name: 'Academic year' }).click();
    await page.getByRole('option', { name: '2025/26' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Edit 2025/26 term dates' }).isVisible())
      .toBe(true);
    const total = page.getByRole('row', { name: /Pupil days in the year/ });
    await expect.poll(() => total.textContent()).toContain('190');
    await expectAccessible(page, 'the term dates page with the editor');

    await page.getByRole('button', { name: 'Add a closure day' }).click();
    await page.getByLabel('Closure day 6 date').fill('2026-03-02');
    await page.getByRole('combobox', { name: 'Closure day 6 kind' }).click();
    await page.getByRole('option', { name: 'Closure' }).click();
    await page.getByLabel('Closure day 6 note').fill('Polling station');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    await expect.poll(() => total.textContent()).toContain('189');
    expect(await page.getByRole('cell', { name: 'Closure: Polling station' }).isVisible()).toBe(true);

    await page.getByLabel(/^Date to check/).fill('2026-03-02');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.getByText('Not a school day: the school is closed (Polling station)').isVisible())
      .toBe(true);
  });

  it('is told exactly which date is wrong, and nothing is saved', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page.goto('/term-dates');
    await page.getByRole('combobox', { name: 'School' }).click();
    await page.getByRole('option', { name: 'Hillview School' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save term dates' }).isVisible()).toBe(true);
    await page.getByLabel('Spring 2 first day').fill('2027-02-01');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    await expect
      .poll(() => page.getByText('Spring 2 must start after Spring 1 ends (2027-02-12)').first().isVisible())
      .toBe(true);
    await expectAccessible(page, 'the term dates editor with an error');
    await page.reload();
    await expect.poll(() => page.getByLabel('Spring 2 first day').inputValue()).toBe('2027-02-22');
  });
});
