import { expect } from '@playwright/test';
import { test, DEMO_PASSWORD, open, signIn, signUp, uniqueEmail } from './helpers';

test('a customer sees who changed their data in "Activity on my data"', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, 'Greta Activity', uniqueEmail('greta'), 'a long enough password');
  await open(page, '/tickets/new');
  await page.getByLabel('Subject').fill('Heating broken');
  await page.getByLabel('Message').fill('The radiator in room 4 is cold.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Heating broken' })).toBeVisible();

  await page.getByRole('link', { name: 'Activity on my data' }).click();
  await expect(page.getByRole('heading', { name: 'Activity on my data' })).toBeVisible();
  const newest = page.locator('.timeline li').first();
  await expect(newest).toContainText('Ticket opened');
  await expect(newest).toContainText('by you');
  await expect(newest).toContainText('The radiator in room 4 is cold.');
  // Changes carry labels, never the log's field keys.
  await expect(newest.locator('dt').first()).toHaveText('Subject');
  await expect(page.locator('.timeline')).not.toContainText('ticket_id');
  await expect(page.locator('.timeline')).toContainText('Account created (sign-up)');
  await expect(page.locator('.timeline')).toContainText('Greta Activity');
});

test('an admin reads the verified audit log with decrypted values, and the key status', async ({ page }) => {
  await signIn(page, 'admin@example.com', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.locator('[data-chain="ok"]')).toContainText('Chain verified');
  await page.getByLabel('Subject email').fill('alice@example.com');
  await page.getByLabel('Action').selectOption('ticket_created');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/subject=alice%40example.com/);
  await expect(page.locator('table.audit')).toContainText('Invoice shows the wrong address');
  await expect(page.locator('table.audit tbody tr')).toHaveCount(2);

  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Keys' }).click();
  await expect(page.getByRole('heading', { name: 'Encryption keys' })).toBeVisible();
  await expect(page.locator('table')).toContainText('Current');
});

test('agents and customers cannot open the audit log', async ({ page }) => {
  await signIn(page, 'agent@example.com', DEMO_PASSWORD);
  await open(page, '/admin/audit');
  await expect(page.getByRole('alert').first()).toContainText('You do not have permission');
  await expect(page.locator('table.audit')).toHaveCount(0);
});
