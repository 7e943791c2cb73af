import { expect, Page } from '@playwright/test';
import { AGENT_EMAIL, DEMO_PASSWORD, expectSentToSignIn, linkIn, mailTo, open, signIn, signUp, test, uniqueEmail } from './helpers';

/** Changes one permission and waits until the server has stored it. */
async function setPermission(admin: Page, label: string, access: string) {
  const saved = admin.waitForResponse((r) => r.url().includes('/api/set_field_permission'));
  await admin.getByLabel(label).selectOption(access);
  expect((await saved).status()).toBe(200);
  await expect(admin.getByRole('status')).toContainText('Permission saved.');
}

async function adminPage(browser: import('@playwright/test').Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'admin@example.com', DEMO_PASSWORD);
  return page;
}

test('a customer corrects their profile and sees the change in their activity', async ({ page }) => {
  await signUp(page, 'Hana Before', uniqueEmail('hana'), 'a long enough password');
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('readonly', '');
  await page.getByLabel('Name (required)').fill('Hana After');
  await page.getByLabel('Twitter/X handle').fill('hana_after');
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toContainText('Your profile was saved.');
  await expect(page.getByLabel('Twitter/X handle')).toHaveValue('@hana_after');

  await page.getByRole('link', { name: 'Activity on my data' }).click();
  const newest = page.locator('.timeline li').first();
  await expect(newest).toContainText('Profile changed');
  await expect(newest).toContainText('Hana Before');
  await expect(newest).toContainText('Hana After');
  await expect(newest).toContainText('Europe/Berlin');
});

test('a crafted request to change the email is refused with a clear message', async ({ page }) => {
  const email = uniqueEmail('ivan');
  await signUp(page, 'Ivan Crafty', email, 'a long enough password');
  await open(page, '/profile');
  // Tamper with the real request on its way out, as an attacker with devtools would.
  await page.route('**/api/update_profile*', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    body.email = 'mallory@example.org';
    await route.continue({ postData: JSON.stringify(body) });
  });
  const answer = page.waitForResponse((r) => r.url().includes('/api/update_profile'));
  await page.getByRole('button', { name: 'Save profile' }).click();
  expect((await answer).status()).toBe(422);
  await expect(page.getByRole('alert').first()).toContainText('cannot be changed on this page');
  await expect(page.getByRole('alert').first()).toContainText('Request an email change');
  await page.unroute('**/api/update_profile*');
  await open(page, '/profile');
  await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('an email change goes through confirmation and agent approval', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const oldEmail = uniqueEmail('jo');
  const newEmail = uniqueEmail('jo-new');
  await signUp(customer, 'Jo Moving', oldEmail, 'a long enough password');
  await customer.getByRole('link', { name: 'Privacy' }).click();
  await customer.getByLabel('New email address').fill(newEmail);
  await customer.locator('#email-change-password').fill('a long enough password');
  await customer.getByRole('button', { name: 'Request the change' }).click();
  await expect(customer.getByRole('status')).toContainText('We sent a confirmation link');
  await expect(customer.locator('.request').first()).toContainText('Waiting for confirmation');

  // The confirmation link arrives at the new address (the test's SMTP sink),
  // and a note with a cancel link at the old one.
  const link = linkIn(await mailTo(newEmail, 'About the email address of a Custodian account'), 'confirm-email');
  const note = await mailTo(oldEmail, 'Your email address is about to change');
  expect(note.text).toContain(newEmail);
  linkIn(note, 'cancel-email-change');
  // The admin's outbox lists both mails, but never a link's token.
  const admin = await adminPage(browser);
  await open(admin, '/admin/outbox');
  const mail = admin.locator('.mail', { hasText: 'About the email address of a Custodian account' }).filter({ hasText: newEmail }).first();
  await expect(mail.locator('.message-body')).toContainText('token=[hidden]');
  await expect(admin.locator('.mail', { hasText: 'Your email address is about to change' }).filter({ hasText: oldEmail })).toContainText('cancel-email-change?token=[hidden]');
  expect(await mail.locator('.message-body').innerText()).not.toContain(new URL(link).search.slice('?token='.length));

  const inbox = await (await browser.newContext()).newPage();
  await open(inbox, new URL(link).pathname + new URL(link).search);
  await inbox.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(inbox.getByRole('status')).toContainText('the address is confirmed');

  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, AGENT_EMAIL, DEMO_PASSWORD);
  await agent.getByRole('link', { name: 'Privacy requests' }).click();
  const row = agent.locator('tr', { hasText: oldEmail });
  await expect(row).toContainText('In review');
  await row.getByRole('link', { name: 'Email change' }).click();
  await expect(agent.getByRole('heading', { name: `Change email to ${newEmail}` })).toBeVisible();
  await agent.getByRole('button', { name: 'Approve and apply' }).click();
  await expect(agent.locator('.page-head .badge')).toHaveText('Completed');

  // The customer's session ended; the new address signs in.
  await open(customer, '/profile');
  await expectSentToSignIn(customer, '/profile');
  await signIn(customer, newEmail, 'a long enough password');
  await open(customer, '/profile');
  await expect(customer.getByLabel('Email')).toHaveValue(newEmail);
});

test('an admin adds an encrypted field and makes a field read-only; the customer page and the server follow', async ({ browser, restore }) => {
  const admin = await adminPage(browser);
  const label = `Membership ${Date.now()}`;
  await admin.getByRole('link', { name: 'Settings' }).click();
  await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Fields' }).click();
  await admin.getByLabel('Label').fill(label);
  await admin.getByLabel('Help text').fill('The number on your card.');
  await admin.getByLabel('Encrypt this field').check();
  await admin.getByRole('button', { name: 'Add field' }).click();
  await expect(admin.getByRole('status')).toContainText(`Saved “${label}”`);
  await expect(admin.locator('tr', { hasText: label })).toContainText('Encrypted — not sortable or filterable');

  await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Permissions' }).click();
  await setPermission(admin, 'Customer access to Phone', 'read');
  // Put the default back for other tests, even if this one fails.
  restore(async () => {
    await open(admin, '/admin/permissions');
    await setPermission(admin, 'Customer access to Phone', 'edit');
  });

  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, 'Kim Member', uniqueEmail('kim'), 'a long enough password');
  await open(customer, '/profile');
  await expect(customer.getByLabel('Phone')).toHaveAttribute('readonly', '');
  await customer.getByLabel(label).fill('M-778899');
  const saved = customer.waitForResponse((r) => r.url().includes('/api/update_profile'));
  await customer.getByRole('button', { name: 'Save profile' }).click();
  const profile = await (await saved).json();
  const phone = profile.fields.find((f: { key: string }) => f.key === 'phone');
  expect(phone.editable).toBe(false);
  const member = profile.fields.find((f: { label: string }) => f.label === label);
  expect(member.values).toEqual(['M-778899']);
  expect(member.encrypted).toBe(true);
  await expect(customer.getByRole('status')).toContainText('Your profile was saved.');

  // Hidden means absent from the server's answer, not just from the page.
  await setPermission(admin, `Customer access to ${label}`, 'hidden');
  await open(customer, '/profile');
  await expect(customer.getByLabel('Name (required)')).toBeVisible();
  await expect(customer.getByLabel(label)).toHaveCount(0);
  expect(await customer.content()).not.toContain('M-778899');
});
