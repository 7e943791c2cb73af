import { expect } from '@playwright/test';
import { test, open, uniqueEmail } from './helpers';

// A visitor's first page loads the small visitor bundle (and prefetches the
// full one); signed in, every page loads the full bundle. Both hydrate.
test('visitors get the small bundle, signed-in people the full one', async ({ page }) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
  });
  await open(page, '/sign-in');
  expect(wasm.some((p) => /\/pkg\/custodian-visitor\.[0-9a-f]{16}\.wasm$/.test(p))).toBe(true);
  await expect(page.locator('link[rel="prefetch"][href$=".wasm"]')).toHaveAttribute(
    'href', /\/pkg\/custodian\.[0-9a-f]{16}\.wasm$/);
  // Moving between visitor pages stays in the visitor bundle and keeps working.
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();

  // Signing up loads the next page in full, with the full bundle (prefetched, so
  // it may come from the cache; the request is made either way).
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByLabel('Name').fill('Bundle Tester');
  await page.getByLabel('Email').fill(uniqueEmail('bundle'));
  await page.getByLabel('Password').fill('a long enough password');
  wasm.length = 0;
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  expect(wasm.some((p) => /\/pkg\/custodian\.[0-9a-f]{16}\.wasm$/.test(p))).toBe(true);
  expect(wasm.some((p) => p.includes('custodian-visitor'))).toBe(false);
  // The home page, signed in, is not a visitor's page any more.
  wasm.length = 0;
  await open(page, '/');
  expect(wasm.every((p) => !p.includes('custodian-visitor'))).toBe(true);
  await page.getByRole('link', { name: 'Go to your tickets' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
});
