import { describe, expect, it } from 'vitest';
import { codeAt } from '../apps/api/src/modules/second-factor/totp.ts';
import { choose, expectAccessible, serverNow, signIn, skipReason, useBrowser } from './support/browser.ts';

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
        'Inspection pack',
        'AP policy',
        'Term dates',
        'Schools and regions',
        'Users and roles',
        'Data protection',
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
    await choose(page, page.getByRole('combobox', { name: 'Role' }), { name: 'Attendance officer' });
    await choose(page, page.getByRole('combobox', { name: 'Place', exact: true }), {
      name: 'Hillview School',
    });
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
    // The action reads in words, with its code beneath for searching.
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'Created user Priya Shah' }).textContent())
      .toMatch(/Added a user\s*users\.created/);
    await menu.getByRole('link', { name: 'Data protection' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Retention schedule' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('rowheader', { name: 'Attendance register entries' }).isVisible())
      .toBe(true);
    await expectAccessible(page, 'the data protection page');
    await menu.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Check the audit log' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Intact' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/All [\d,]+ events check out\./).isVisible()).toBe(true);
    await expectAccessible(page, 'the audit log page');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'priya.shah@hillview.example', 'hillview attendance 2026');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welcome, Priya Shah');
    await expect.poll(() => page.getByText('Hillview School', { exact: true }).isVisible()).toBe(true);
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
    await expect.poll(() => page.getByRole('link', { name: 'Helen Parkes' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Add a user' }).count()).toBe(0);
  });
});

describe.skipIf(skipReason)('a trust administrator keeps term dates', () => {
  const browser = useBrowser();

  it('adds a closure day; the school-day count and the calendar check both follow', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page.goto('/term-dates');
    await choose(page, page.getByRole('combobox', { name: 'School' }), { name: 'Oakfield College' });
    await choose(page, page.getByRole('combobox', { name: 'Academic year' }), { name: '2025/26' });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Edit 2025/26 term dates' }).isVisible())
      .toBe(true);
    const total = page.getByRole('row', { name: /Pupil days in the year/ });
    await expect.poll(() => total.textContent()).toContain('190');
    await expectAccessible(page, 'the term dates page with the editor');

    await page.getByRole('button', { name: 'Add a closure day' }).click();
    await page.getByLabel('Closure day 6 date').fill('2026-03-02');
    await choose(page, page.getByRole('combobox', { name: 'Closure day 6 kind' }), { name: 'Closure' });
    await page.getByLabel('Closure day 6 note').fill('Polling station');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    await expect.poll(() => total.textContent()).toContain('189');
    await expect
      .poll(() => page.getByRole('cell', { name: 'Closure: Polling station' }).isVisible())
      .toBe(true);

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
    await choose(page, page.getByRole('combobox', { name: 'School' }), { name: 'Hillview School' });
    await expect.poll(() => page.getByRole('button', { name: 'Save term dates' }).isVisible()).toBe(true);
    await page.getByLabel('Spring 2 first day').fill('2027-02-01');
    await page.getByRole('button', { name: 'Save term dates' }).click();
    await expect
      .poll(() => page.getByText('Spring 2 must start after Spring 1 ends (12 Feb 2027)').first().isVisible())
      .toBe(true);
    await expectAccessible(page, 'the term dates editor with an error');
    await page.reload();
    await expect.poll(() => page.getByLabel('Spring 2 first day').inputValue()).toBe('22/02/2027');
  });

  it('a new DSL must set up an authenticator app before anything opens, and is shown recovery codes once', async () => {
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await admin.goto('/users/new');
    await admin.getByLabel(/^Name/).fill('Dev Khan');
    await admin.getByLabel('Email address').fill('dev.khan@hillview.example');
    await admin.getByLabel('First password').fill('hillview safeguarding 2026');
    await choose(admin, admin.getByRole('combobox', { name: 'Role' }), {
      name: 'Designated safeguarding lead',
    });
    await choose(admin, admin.getByRole('combobox', { name: 'Place', exact: true }), {
      name: 'Hillview School',
    });
    await admin.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Dev Khan');

    const dsl = await browser.newPage();
    await dsl.goto('/incidents');
    await dsl.getByLabel('Email address').fill('dev.khan@hillview.example');
    await dsl.getByLabel(/^Password/).fill('hillview safeguarding 2026');
    await dsl.getByRole('button', { name: 'Sign in', exact: true }).click();
    const setUp = dsl.getByRole('heading', { name: 'Set up two-factor sign-in' });
    await expect.poll(() => setUp.isVisible()).toBe(true);
    await expect.poll(() => dsl.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    await expectAccessible(dsl, 'setting up two-factor sign-in');
    // Nothing else opens until it is done.
    expect((await dsl.request.get('/api/incidents')).status()).toBe(401);

    const key = (await dsl.getByLabel('Key to type into the app').textContent())!.replace(/\s/g, '');
    await dsl.getByLabel(/^Code from the app/).fill('123');
    await dsl.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => dsl.getByText(/Enter the 6 digits/).isVisible()).toBe(true);
    await dsl.getByLabel(/^Code from the app/).fill(await codeAt(key, serverNow()));
    await dsl.getByRole('button', { name: 'Confirm' }).click();
    const codes = dsl.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    await expectAccessible(dsl, 'the recovery codes');
    await dsl.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await expect
      .poll(() => dsl.getByRole('heading', { level: 1 }).textContent())
      .toBe('Concerns and incidents');
    await dsl.goto('/account');
    await expect.poll(() => dsl.getByText(/Recovery codes left: 10 of 10/).isVisible()).toBe(true);

    // The administrator can reset it (a lost phone): the DSL is signed out and sets it up again.
    await admin.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    await expect.poll(() => admin.getByText(/Two-factor sign-in reset/).isVisible()).toBe(true);
    expect((await dsl.request.get('/api/incidents')).status()).toBe(401);
  });
});
