import { expect } from '@playwright/test';
import * as fs from 'fs';
import { test, open, signUp, uniqueEmail } from './helpers';

test('a customer downloads all their data as a ZIP', async ({ page }) => {
  await signUp(page, 'Lena Export', uniqueEmail('lena'), 'a long enough password');
  await open(page, '/tickets/new');
  await page.getByLabel('Subject').fill('Export me');
  await page.getByLabel('Message').fill('Please include this message.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Export me' })).toBeVisible();

  await open(page, '/privacy');
  await page.locator('#export-password').fill('not-my-password-42');
  await page.getByRole('button', { name: 'Prepare my download' }).click();
  await expect(page.getByRole('alert')).toContainText('That password is not correct.');
  await page.locator('#export-password').fill('a long enough password');
  await page.getByRole('button', { name: 'Prepare my download' }).click();
  // The list shows the archive; it moves from "Preparing…" to a download link without a reload.
  const link = page.getByRole('link', { name: 'Download ZIP' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.exports')).toContainText('available until');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const bytes = fs.readFileSync(path!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const text = bytes.toString('latin1');
  for (const name of ['data.json', 'tickets.csv', 'messages.csv', 'index.html', 'README.txt']) {
    expect(text).toContain(name);
  }
  expect(download.suggestedFilename()).toMatch(/^custodian-data-\d{4}-\d{2}-\d{2}\.zip$/);
});
