import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type TestIdentityProvider } from '../apps/api/src/test/identity-provider.ts';
import { baseURL, expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('single sign-on', () => {
  const browser = useBrowser();
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    // A real OpenID Connect provider standing in for the school's Microsoft or Google accounts.
    idp = await startIdentityProvider({ redirectUri: `${baseURL}/api/auth/single-sign-on/callback` });
  });
  afterAll(() => idp?.close());

  it('an administrator connects the school’s sign-in service; an invited person signs in with it, a stranger is told why not', async () => {
    const admin = await browser.newPage();
    await signIn(admin, 'admin@northway.example');
    await admin.goto('/users');
    await admin.getByRole('link', { name: 'Single sign-on' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Single sign-on');
    await admin.getByRole('button', { name: 'Connect a sign-in service' }).click();
    await admin.getByLabel(/^Name on the sign-in page/).fill('Riverside Microsoft');
    await admin.getByLabel(/^Issuer/).fill(idp.issuer);
    await admin.getByLabel(/^Client \(application\) id/).fill(idp.clientId);
    await admin.getByLabel(/^Client secret/).fill(idp.clientSecret);
    await admin.getByLabel(/^Email domains/).fill('riverside.example');
    await expectAccessible(admin, 'the single sign-on form');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => admin.getByText('For email addresses at riverside.example').isVisible())
      .toBe(true);
    await expectAccessible(admin, 'the single sign-on page');

    // On another device, the attendance officer signs in with her school account (which asked for a
    // second factor at the provider), never typing a Waymark password.
    idp.signInAs({ email: 'attendance@riverside.example', emailVerified: true, multiFactor: true });
    const officer = await browser.newPage();
    await officer.goto('/sign-in');
    await officer.getByLabel('Email address').fill('attendance@riverside.example');
    await officer.getByRole('button', { name: 'Sign in with your school account' }).click();
    await expect.poll(() => officer.getByText('Jo Briggs').first().isVisible()).toBe(true);
    expect(new URL(officer.url()).pathname).toBe('/');

    // Someone the trust never invited gets an explanation, and no account.
    idp.signInAs({ email: 'newcomer@riverside.example', emailVerified: true });
    const stranger = await browser.newPage();
    await stranger.goto('/sign-in');
    await stranger.getByLabel('Email address').fill('newcomer@riverside.example');
    await stranger.getByRole('button', { name: 'Sign in with your school account' }).click();
    await expect
      .poll(() => stranger.getByRole('alert').textContent())
      .toContain('There is no Waymark account for that school account');
    await expectAccessible(stranger, 'the sign-in page after a refused single sign-on');

    // Removed again: the demo's people go back to their passwords.
    await admin.getByRole('button', { name: 'Change Riverside Microsoft' }).click();
    await admin.getByRole('button', { name: 'Remove Riverside Microsoft' }).click();
    await expect
      .poll(() => admin.getByText('No sign-in service is connected', { exact: false }).isVisible())
      .toBe(true);
  });
});
