import { expect, Page, Response } from '@playwright/test';
import { test, AGENT_EMAIL, DEMO_PASSWORD, expectSentToSignIn, open, signIn, signUp, uniqueEmail } from './helpers';

const PASSWORD = 'a long enough password';

async function staffPage(browser: import('@playwright/test').Browser, email = AGENT_EMAIL): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/** A customer with one ticket who asks for erasure on the privacy page. */
async function customerAsksForErasure(page: Page, name: string, email: string) {
  await signUp(page, name, email, PASSWORD);
  await open(page, '/tickets/new');
  await page.getByLabel('Subject').fill(`Help for ${name}`);
  await page.getByLabel('Message').fill('My router blinks red.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Delete my account and data' })).toBeVisible();
  await page.getByLabel('Why are you leaving? (optional)').fill('Switching providers');
  await page.getByLabel('Your password', { exact: true }).last().fill('not-my-password-42');
  await page.getByRole('button', { name: 'Ask to delete my account' }).click();
  await expect(page.getByRole('alert').first()).toContainText('That password is not correct');
  await page.locator('#erase-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Ask to delete my account' }).click();
  await expect(page.getByRole('status')).toContainText('We received your request');
  const card = page.locator('.request', { hasText: 'Delete my account and data' }).first();
  await expect(card).toContainText('In review');
}

/** Opens the customer's erasure request from the filtered queue. */
async function openRequest(agent: Page, email: string) {
  await open(agent, '/requests');
  await agent.getByLabel('Kind').selectOption('erasure');
  await agent.getByRole('button', { name: 'Filter' }).click();
  await expect(agent).toHaveURL(/kind=erasure/);
  await expect(agent.locator('.counts')).toContainText('open');
  const row = agent.locator('tr', { hasText: email });
  await row.getByRole('link', { name: 'Erasure' }).click();
  await expect(agent.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(agent.getByRole('heading', { level: 1 })).toContainText('Delete my account and data');
}

test('a customer asks for erasure, an agent previews and approves, and the customer is gone', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const email = uniqueEmail('erin');
  // A name of its own: earlier runs' tickets must not mention this customer.
  await customerAsksForErasure(customer, `Erin ${email.split('@')[0].slice(-6)}`, email);

  const agent = await staffPage(browser);
  await openRequest(agent, email);
  const preview = agent.locator('table.preview');
  await expect(preview.locator('tr').filter({ has: agent.getByRole('cell', { name: 'Tickets', exact: true }) })).toContainText('1');
  await expect(preview.locator('tr', { hasText: 'Personal data key' })).toContainText('Destroyed first');
  // Her open ticket will be closed with her account.
  await expect(preview.locator('tr', { hasText: 'Open or pending tickets' })).toContainText('Closed');
  await expect(agent.getByText('None found')).toBeVisible();
  // Every panel has loaded (nothing moves under the next click).
  await expect(agent.getByRole('button', { name: 'Place a legal hold' })).toBeVisible();
  // A reason is required.
  await agent.getByRole('button', { name: 'Approve and erase' }).click();
  await expect(agent.getByRole('alert').first()).toContainText('reason');
  // The page may still be settling after the refused attempt: until a request
  // reaches the server, fill the reason again and click again. Its answer must be 200.
  let answer: Response | undefined;
  await expect(async () => {
    await agent.getByLabel('Reason (the customer sees it; required)').fill('Identity verified; no open invoices');
    const decided = agent.waitForResponse((r) => r.url().includes('/api/decide_request'), { timeout: 10_000 });
    await agent.getByRole('button', { name: 'Approve and erase' }).click();
    answer = await decided;
  }).toPass({ timeout: 45_000 });
  expect(answer?.status()).toBe(200);
  // The job runs in the background; the page shows the final check once it is done.
  await expect(async () => {
    await agent.reload();
    await expect(agent.locator('.page-head .badge')).toHaveText('Completed', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(agent.getByText('Final check passed')).toBeVisible();
  await expect(agent.locator('.page-head + p')).toContainText('Erased customer');

  // The customer can no longer sign in; their old session is gone.
  await open(customer, '/privacy');
  await expectSentToSignIn(customer, '/privacy');
  await open(customer, '/sign-in');
  await customer.getByLabel('Email').fill(email);
  await customer.getByLabel('Password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(customer.getByRole('alert')).toContainText('The email or password is not correct');

  // The agent's queue shows the kept ticket under the pseudonym, its content unreadable.
  await open(agent, '/tickets');
  const row = agent.locator('tr', { hasText: 'Erased customer' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('[erased]');
  // Closed with the erasure: it no longer waits in the queue as open.
  await expect(row).toContainText('Closed');
});

test('a legal hold blocks approval until lifted, and the customer can withdraw', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const email = uniqueEmail('hal');
  await customerAsksForErasure(customer, `Hal ${email.split('@')[0].slice(-6)}`, email);

  const agent = await staffPage(browser);
  await openRequest(agent, email);
  await agent.getByLabel('Reason', { exact: true }).fill('Litigation hold, case 2026-17');
  await agent.getByRole('button', { name: 'Place a legal hold' }).click();
  await expect(agent.locator('.page-head .badge')).toHaveText('On hold');
  await expect(agent.getByText('On legal hold since')).toContainText('Litigation hold, case 2026-17');
  await expect(agent.getByRole('button', { name: 'Approve and erase' })).toHaveCount(0);

  // The deadline can be extended, with a reason the customer sees.
  await agent.getByLabel('Extend by').selectOption('2');
  await agent.getByLabel('Reason (the customer sees it)').fill('We must first settle the legal hold');
  await agent.getByRole('button', { name: 'Extend' }).click();
  await expect(agent.locator('.page-head + p')).toContainText('extended by 2 months');

  // Only an admin lifts a hold.
  await expect(agent.getByText('Only an admin can lift it.')).toBeVisible();
  const admin = await staffPage(browser, 'admin@example.com');
  await open(admin, new URL(agent.url()).pathname);
  await admin.getByRole('button', { name: 'Lift the hold' }).click();
  await expect(admin.locator('.page-head .badge')).toHaveText('In review');
  await expect(admin.getByRole('button', { name: 'Approve and erase' })).toBeVisible();

  await open(customer, '/privacy');
  const card = customer.locator('.request', { hasText: 'Delete my account and data' }).first();
  await expect(card).toContainText('We must first settle the legal hold');
  await card.getByRole('button', { name: 'Withdraw this request' }).click();
  await expect(card).toContainText('Withdrawn');
  await expect(card.getByRole('button', { name: 'Withdraw this request' })).toHaveCount(0);
});

test('an agent redacts a message that names another customer', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, 'Rita Redact', uniqueEmail('rita'), PASSWORD);
  await open(customer, '/tickets/new');
  await customer.getByLabel('Subject').fill('About my neighbour');
  await customer.getByLabel('Message').fill('My neighbour bob@example.com has the same problem.');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  const path = new URL(customer.url()).pathname;

  const agent = await staffPage(browser);
  await open(agent, path);
  const message = agent.locator('.message').first();
  await message.locator('summary', { hasText: 'Redact' }).click();
  await message.getByLabel('New text (empty: “[Redacted]”)').fill('My neighbour [email removed] has the same problem.');
  await message.getByLabel('Reason (recorded in the audit log)').fill('Another customer\'s email');
  await message.getByRole('button', { name: 'Redact this message' }).click();
  await expect(agent.locator('.message').first()).toContainText('[email removed]');
  await expect(agent.locator('.message').first()).toContainText('Redacted by our team.');
  // The form closes back to its button, with a short confirmation in its place.
  await expect(message.getByRole('status')).toHaveText('Message redacted.');
  await expect(message.getByLabel('New text (empty: “[Redacted]”)')).toBeHidden();
  await message.locator('summary', { hasText: 'Redact' }).click();
  await expect(message.getByLabel('New text (empty: “[Redacted]”)')).toHaveValue('');

  await open(customer, path);
  await expect(customer.locator('.message').first()).not.toContainText('bob@example.com');
  await expect(customer.locator('.message').first()).toContainText('[email removed]');
});

test('an agent redacts a ticket subject that names another customer', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, 'Sam Subject', uniqueEmail('sam'), PASSWORD);
  await open(customer, '/tickets/new');
  await customer.getByLabel('Subject').fill('Same problem as bob@example.com');
  await customer.getByLabel('Message').fill('My router blinks red.');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  const path = new URL(customer.url()).pathname;

  const agent = await staffPage(browser);
  await open(agent, path);
  const form = agent.locator('details.redact', { has: agent.locator('summary', { hasText: 'Redact subject' }) });
  await form.locator('summary').click();
  await form.getByLabel('Reason (recorded in the audit log)').fill('Another customer\'s email');
  await form.getByRole('button', { name: 'Redact this subject' }).click();
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText('[Redacted]');
  await expect(agent.getByRole('status').filter({ hasText: 'Subject redacted.' })).toBeVisible();
  await expect(form.getByLabel('New subject (empty: “[Redacted]”)')).toBeHidden();

  await open(customer, path);
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText('[Redacted]');
  await expect(customer.locator('summary', { hasText: 'Redact subject' })).toHaveCount(0);
});

test('an admin erases a customer directly from the team page', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const email = uniqueEmail('dora');
  await signUp(customer, 'Dora Direct', email, PASSWORD);

  const admin = await staffPage(browser, 'admin@example.com');
  await open(admin, '/admin/users');
  await admin.locator('tr', { hasText: email }).getByRole('link', { name: 'Erase…' }).click();
  await expect(admin.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(admin.getByRole('heading', { name: `What erasing ${email} will do` })).toBeVisible();
  await admin.getByRole('button', { name: 'Erase the customer' }).click();
  await expect(admin.getByRole('alert').first()).toContainText('reason');
  await admin.getByLabel('Reason (recorded)').fill('Contract ended; customer asked by phone');
  await admin.getByRole('button', { name: 'Erase the customer' }).click();
  await expect(admin.getByRole('heading', { name: /Erasure of Erased customer/ })).toBeVisible();
  // The job runs in the background; once done, the team page lists only the pseudonym.
  await expect(async () => {
    await open(admin, '/admin/users');
    await expect(admin.locator('tbody tr').first()).toBeVisible({ timeout: 1000 });
    await expect(admin.getByText(email)).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(admin.locator('tbody tr').filter({ hasText: 'Erased customer' }).first()).toBeVisible();
});
