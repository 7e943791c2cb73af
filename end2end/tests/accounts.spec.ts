import { expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, authenticatorCode, confirmAddress, expectSentToSignIn, linkIn, mailTo, open, signIn, signUp, test, uniqueEmail } from './helpers';

const PASSWORD = 'a long enough password';

async function freshPage(browser: import('@playwright/test').Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('a forgotten password is reset with the mailed link, which works once', async ({ browser }) => {
  const email = uniqueEmail('rosa');
  const first = await freshPage(browser);
  await signUp(first, 'Rosa Reset', email, PASSWORD);

  const page = await freshPage(browser);
  await open(page, '/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // A full page load (the page is not in the visitor bundle): wait until it is interactive.
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  const asked = Date.now();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account uses this address');

  const link = linkIn(await mailTo(email, 'Choose a new password', asked), 'reset-password');
  await open(page, new URL(link).pathname + new URL(link).search);
  await page.getByLabel('New password').fill('password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('too easy to guess');
  await page.getByLabel('New password').fill('violet harbour trumpet');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');

  // The other browser was signed out; the old password no longer works; the link is used up.
  await open(first, '/profile');
  await expectSentToSignIn(first, '/profile');
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('not correct');
  await signIn(page, email, 'violet harbour trumpet');
  const again = await freshPage(browser);
  await open(again, new URL(link).pathname + new URL(link).search);
  await again.getByLabel('New password').fill('another fine phrase');
  await again.getByRole('button', { name: 'Save the new password' }).click();
  await expect(again.getByRole('alert')).toContainText('not valid (any more)');
});

test('a person sees their signed-in devices, signs one out, and changes their password', async ({ browser }) => {
  const email = uniqueEmail('devi');
  const laptop = await freshPage(browser);
  await signUp(laptop, 'Devi Devices', email, PASSWORD);
  const phone = await freshPage(browser);
  await signIn(phone, email, PASSWORD);

  await laptop.getByRole('link', { name: 'Security' }).click();
  await expect(laptop.getByRole('heading', { name: 'Signed-in devices' })).toBeVisible();
  const rows = laptop.locator('table.devices tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'This browser' })).toHaveCount(1);
  await expect(rows.first()).toContainText('127.0.0.0/24');
  await rows.filter({ hasNotText: 'This browser' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(rows).toHaveCount(1);
  await open(phone, '/tickets');
  await expectSentToSignIn(phone, '/tickets');

  await laptop.getByLabel('Current password').fill('not my password');
  await laptop.getByLabel('New password').fill('violet harbour trumpet');
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.getByRole('alert')).toContainText('That password is not correct');
  await laptop.getByLabel('Current password').fill(PASSWORD);
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.getByRole('status')).toContainText('Your password is changed');
  const note = await mailTo(email, 'Your password was changed');
  expect(note.text).toContain('/forgot-password');
  await signIn(phone, email, 'violet harbour trumpet');
});

test('a new agent chooses their own password; a disabled agent is signed out and refused', async ({ browser }) => {
  const admin = await freshPage(browser);
  await signIn(admin, 'admin@example.com', DEMO_PASSWORD);
  // "Settings" leads to the Team page, the first of the admin pages.
  await admin.getByRole('link', { name: 'Settings' }).click();
  const email = uniqueEmail('otto');
  await admin.getByLabel('Name').fill('Otto Onboard');
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Initial password').fill('typed by the admin');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByRole('status')).toContainText('Created Otto Onboard');
  const row = admin.locator('tr', { hasText: email });
  await expect(row).toContainText('Not signed in yet');

  const agent = await freshPage(browser);
  await open(agent, '/sign-in');
  await agent.getByLabel('Email').fill(email);
  await agent.getByLabel('Password', { exact: true }).fill('typed by the admin');
  await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(agent.getByRole('alert')).toContainText('Choose your own password');
  await agent.getByLabel('Your own new password').fill('otto own secret phrase');
  await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(agent).toHaveURL(/\/tickets$/);

  await admin.reload();
  // Click only once the page has hydrated: a click before it does nothing.
  await expect(admin.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await open(agent, '/tickets');
  await expectSentToSignIn(agent, '/tickets');
  await open(agent, '/sign-in');
  await agent.getByLabel('Email').fill(email);
  await agent.getByLabel('Password', { exact: true }).fill('otto own secret phrase');
  await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(agent.getByRole('alert')).toContainText('This account has been disabled');

  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Active');
  const sent = Date.now();
  await row.getByRole('button', { name: 'Send reset link' }).click();
  await expect(admin.getByRole('status')).toContainText('Reset link sent');
  linkIn(await mailTo(email, 'Choose a new password', sent), 'reset-password');
  await signIn(agent, email, 'otto own secret phrase');
});

async function signInWithCode(page: Page, email: string, code: string) {
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('code from your authenticator app');
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('two-factor sign-in with an authenticator app, and a recovery code that works once', async ({ browser }) => {
  const email = uniqueEmail('tara');
  const page = await freshPage(browser);
  await signUp(page, 'Tara Twofactor', email, PASSWORD);
  await page.getByRole('link', { name: 'Security' }).click();
  await page.locator('#two-factor-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code of your authenticator key' })).toBeVisible();
  const secret = (await page.locator('code.secret').getAttribute('data-secret'))!;
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await page.getByLabel('Code from the app').fill(await authenticatorCode(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('status')).toContainText('Two-factor sign-in is on.');
  const codes = await page.locator('.recovery-codes code').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expect(page.locator('.two-factor')).toContainText('10 recovery codes left');

  // Password alone is not enough; the app's next code is.
  const phone = await freshPage(browser);
  await signInWithCode(phone, email, await authenticatorCode(secret, Date.now() + 30_000));
  await expect(phone).toHaveURL(/\/tickets$/);

  // A recovery code works once.
  const lost = await freshPage(browser);
  await signInWithCode(lost, email, codes[0]);
  await expect(lost).toHaveURL(/\/tickets$/);
  const again = await freshPage(browser);
  await signInWithCode(again, email, codes[0]);
  await expect(again.getByRole('alert')).toContainText('That code is not right, or was used already');
  await mailTo(email, 'A recovery code was used to sign in');
});

test('a new address is confirmed by its link before data can leave by it', async ({ page }) => {
  const email = uniqueEmail('cleo');
  await signUp(page, 'Cleo Confirm', email, PASSWORD, false);
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Please confirm your email address');
  await page.locator('#export-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Prepare my download' }).click();
  await expect(page.locator('[data-code="email_not_confirmed"]').last()).toBeVisible();
  // The first link has arrived; only the one sent next will work.
  await mailTo(email, 'Confirm your email address');
  const asked = Date.now();
  await page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByRole('status').first()).toContainText('We sent a new link');
  await confirmAddress(page, email, asked);
  await open(page, '/privacy');
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await expect(page.getByText('Please confirm your email address')).toHaveCount(0);
});

/** Chromium's virtual authenticator (a platform passkey with user verification) for this page. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test('a passkey is registered, then signs in without a password and as the second factor', async ({ browser }) => {
  const email = uniqueEmail('pia');
  const context = await browser.newContext();
  const page = await context.newPage();
  await virtualAuthenticator(page);
  await signUp(page, 'Pia Passkey', email, PASSWORD);
  await page.getByRole('link', { name: 'Security' }).click();
  await page.getByLabel('Name for a new passkey').fill('Test laptop');
  await page.locator('#passkey-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added “Test laptop”' })).toBeVisible();
  await expect(page.locator('.passkey-list')).toContainText('Test laptop');
  await mailTo(email, 'A passkey was added to your account');

  // Signed out, the passkey alone signs in (same browser: the authenticator is here).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in with a passkey instead' }).click();
  await expect(page).toHaveURL(/\/tickets$/);

  // With the password, the passkey is asked for as the second factor.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Use your passkey');
  await page.getByRole('button', { name: 'Use my passkey' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
});
