import { expect } from '@playwright/test';
import { test, DEMO_PASSWORD, open, signIn } from './helpers';

test('the audit log uses the width, links entities and reads changes as labelled values', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'admin@example.com', DEMO_PASSWORD);
  await open(page, '/admin/audit?subject=alice%40example.com&action=ticket_created');
  const table = page.locator('table.audit');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // Wider than the centred column every other page keeps.
  expect((await table.boundingBox())!.width).toBeGreaterThan(960);
  // The ticket leads to its page by a short id; the changes are labelled, never JSON.
  await expect(table.locator('td.audit-what a[href^="/tickets/"]').first()).toHaveText(/^#[0-9a-f]{8}$/);
  await expect(table).toContainText('Subject: Invoice shows the wrong address');
  await expect(table).not.toContainText('{"');
  // Rows stay compact (they were 5–8 lines tall in the centred column).
  const heights = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  for (const height of heights) {
    expect(height).toBeLessThan(100);
  }
  // A person's name shows only the events about their data.
  await table.locator('td.audit-subject a').first().click();
  await expect(page).toHaveURL(/\/admin\/audit\?subject=alice(@|%40)example\.com$/);
  await expect(page.locator('#f-subject')).toHaveValue('alice@example.com');
});

test('on a phone the audit log stays inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin@example.com', DEMO_PASSWORD);
  await open(page, '/admin/audit');
  await expect(page.locator('table.audit tbody tr').first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
