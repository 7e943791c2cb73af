import { expect } from '@playwright/test';
import { test, AGENT_EMAIL, DEMO_PASSWORD, expectSentToSignIn, open, signIn, signUp, uniqueEmail } from './helpers';

test('a customer opens a ticket, an agent replies, the customer sees the reply', async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  const email = uniqueEmail('carol');
  await signUp(customer, 'Carol Example', email, 'a long enough password');

  await open(customer, '/tickets/new');
  await customer.getByLabel('Subject').fill('My parcel never arrived');
  await customer.getByLabel('Message').fill('Order 1234 was due last week.');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer.getByRole('heading', { name: 'My parcel never arrived' })).toBeVisible();
  await expect(customer.getByText('Order 1234 was due last week.')).toBeVisible();
  const ticketUrl = customer.url();

  // The agent works in a separate browser context (their own cookies).
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, AGENT_EMAIL, DEMO_PASSWORD);
  await expect(agent.getByRole('link', { name: 'My parcel never arrived' }).first()).toBeVisible();
  await agent.getByRole('link', { name: 'My parcel never arrived' }).first().click();
  await expect(agent.getByText(email)).toBeVisible();

  await agent.getByLabel('Internal note (never shown to the customer)').check();
  await agent.getByLabel('Your message').fill('Courier says it is in the depot.');
  await agent.getByRole('button', { name: 'Add internal note' }).click();
  await expect(agent.getByText('Courier says it is in the depot.')).toBeVisible();

  await agent.getByLabel('Your message').fill('Sorry Carol, a new parcel leaves today.');
  await agent.getByRole('button', { name: 'Send reply' }).click();
  await expect(agent.getByText('Sorry Carol, a new parcel leaves today.')).toBeVisible();
  await agent.getByLabel('Status').selectOption('pending');
  await agent.getByRole('button', { name: 'Update status' }).click();
  await expect(agent.locator('.page-head .badge')).toHaveText('Pending');

  await open(customer, new URL(ticketUrl).pathname);
  await expect(customer.getByText('Sorry Carol, a new parcel leaves today.')).toBeVisible();
  await expect(customer.getByText('Courier says it is in the depot.')).toHaveCount(0);
  await expect(customer.locator('.page-head .badge')).toHaveText('Pending');

  // The customer answers; the ticket is open again.
  await customer.getByLabel('Your message').fill('Thank you!');
  await customer.getByRole('button', { name: 'Send reply' }).click();
  await expect(customer.getByText('Thank you!')).toBeVisible();
  await expect(customer.locator('.page-head .badge')).toHaveText('Open');
});

test('a customer cannot see another customer\'s ticket', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  await signUp(a, 'Dana First', uniqueEmail('dana'), 'a long enough password');
  await open(a, '/tickets/new');
  await a.getByLabel('Subject').fill('Private matter of Dana');
  await a.getByLabel('Message').fill('Only Dana and the help desk may read this.');
  await a.getByRole('button', { name: 'Send' }).click();
  await expect(a.getByRole('heading', { name: 'Private matter of Dana' })).toBeVisible();
  const path = new URL(a.url()).pathname;

  const b = await (await browser.newContext()).newPage();
  await signUp(b, 'Eve Second', uniqueEmail('eve'), 'another long password');
  await open(b, path);
  await expect(b.getByRole('alert')).toContainText('We could not find that.');
  await expect(b.getByText('Only Dana and the help desk may read this.')).toHaveCount(0);
  await open(b, '/tickets');
  await expect(b.getByText('Private matter of Dana')).toHaveCount(0);
  await expect(b.getByText('No tickets here yet.')).toBeVisible();
});

test('signing out ends the session on the server', async ({ browser, request }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, 'Finn Leaving', uniqueEmail('finn'), 'a long enough password');
  const cookie = (await context.cookies()).find((c) => c.name === 'custodian_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in', exact: true }).first()).toBeVisible();
  await open(page, '/tickets');
  await expectSentToSignIn(page, '/tickets');

  // Replaying the old cookie gets nothing: the session is gone server-side.
  const replay = await request.get('/tickets', {
    headers: { cookie: `custodian_session=${cookie!.value}` },
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(303);
  expect(replay.headers()['location']).toBe('/sign-in?next=/tickets');
});

test('a wrong password gets a clear error that does not reveal whether the account exists', async ({ page }) => {
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill('nobody-here@example.org');
  await page.getByLabel('Password').fill('whatever123');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
});

test('the portal works at phone width', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, 'alice@example.com', DEMO_PASSWORD);
  await expect(page.getByRole('link', { name: 'Invoice shows the wrong address' })).toBeVisible();
  // The column headers are hidden here: each date says which it is.
  const row = page.locator('table.tickets tbody tr').first();
  await expect(row.locator('.cell-label').first()).toBeVisible();
  await expect(row).toContainText('Opened');
  await expect(row).toContainText('Updated');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a wide screen the ticket list names its dates in the column headers', async ({ page }) => {
  await signIn(page, 'alice@example.com', DEMO_PASSWORD);
  await expect(page.getByRole('columnheader', { name: 'Opened' })).toBeVisible();
  await expect(page.locator('table.tickets .cell-label').first()).toBeHidden();
});
