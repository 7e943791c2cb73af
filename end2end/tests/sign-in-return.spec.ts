import { expect } from '@playwright/test';
import { test, expectSentToSignIn, open, signUp, uniqueEmail } from './helpers';

test('a page for signed-in people sends a visitor to sign in, then back to it', async ({ browser, page }) => {
  const email = uniqueEmail('rita');
  const password = 'a long enough password';
  await signUp(page, 'Rita Return', email, password);

  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, '/privacy');
  await expectSentToSignIn(visitor, '/privacy');
  // The visitor never sees the page's forms asking them to sign in.
  await expect(visitor.locator('#export-password')).toHaveCount(0);
  await visitor.getByLabel('Email').fill(email);
  await visitor.getByLabel('Password').fill(password);
  await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(visitor).toHaveURL(/\/privacy$/);
  await expect(visitor.getByRole('heading', { name: 'Privacy', exact: true })).toBeVisible();
});
