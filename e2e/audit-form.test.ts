import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, skipReason, useBrowser } from './support/browser.ts';

describe.skipIf(skipReason)('the audit form after the annual policy review', () => {
  const browser = useBrowser();

  it('an administrator rewords a question and publishes version 2; an empty question is refused first', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin@northway.example');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Audit form' })
      .click();
    await expect.poll(() => page.getByRole('heading', { name: 'Prepare version 2' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the audit form editor');
    const versions = page.getByRole('region', { name: 'Versions of the audit form' });
    await expect.poll(() => versions.getByRole('row').count()).toBe(2);

    const first = page.getByLabel('Question 1.1', { exact: true });
    await first.fill('');
    await page.getByRole('button', { name: /^Publish version 2/ }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'The form was not published' });
    await expect.poll(() => problems.textContent()).toContain('Write the question, or remove it');
    await expect.poll(() => problems.textContent()).toContain('Say what changed');

    await first.fill('Does the provider meet the condition for registration set out above?');
    await page
      .getByLabel(/^What changed in this version/)
      .fill('Annual policy review, September 2027: registration question reworded');
    await page.getByRole('button', { name: 'Publish version 2 (56 questions)' }).click();
    await expect.poll(() => versions.getByRole('row').count()).toBe(3);
    await expect.poll(() => versions.textContent()).toContain('registration question reworded');
    await expect.poll(() => page.getByRole('heading', { name: 'Prepare version 3' }).isVisible()).toBe(true);
  });
});
