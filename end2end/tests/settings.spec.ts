import { expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, open, signIn, test, uniqueEmail } from './helpers';

const ADMIN_PAGES = ['Staff', 'Roles', 'Teams', 'Audit log', 'Keys', 'Fields', 'Permissions', 'Outbox', 'Export', 'Privacy settings', 'Retention'];
const LONG_NAME = 'Maximiliane Wilhelmine Theodora von Hohenzollern-Sigmaringen';

/** A new admin with a long name, signed in (own password chosen) on a laptop-sized window. */
async function longNamedAdmin(browser: import('@playwright/test').Browser): Promise<Page> {
  const root = await (await browser.newContext()).newPage();
  await signIn(root, 'admin@example.com', DEMO_PASSWORD);
  await root.getByRole('link', { name: 'Settings' }).click();
  const email = uniqueEmail('maximiliane');
  await root.getByLabel('Name').fill(LONG_NAME);
  await root.getByLabel('Email').fill(email);
  await root.getByLabel('Initial password').fill('typed by the admin');
  await root.getByLabel('Role', { exact: true }).selectOption('admin');
  await root.getByRole('button', { name: 'Create account' }).click();
  await expect(root.getByRole('status')).toContainText(`Created ${LONG_NAME}`);

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('typed by the admin');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Your own new password').fill('maximiliane own phrase');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  return page;
}

test('an admin with a long name has the header on one line at laptop width, and every admin page in a side menu', async ({ browser }) => {
  const page = await longNamedAdmin(browser);
  const header = page.getByRole('navigation', { name: 'Main' });
  const entries = [
    header.getByRole('link', { name: 'Ticket queue' }),
    header.getByRole('link', { name: 'Privacy requests' }),
    header.getByRole('link', { name: 'Settings' }),
    header.getByRole('link', { name: 'Security' }),
    header.locator('.who'),
    header.getByRole('button', { name: 'Sign out' }),
  ];
  const top = (await entries[0].boundingBox())!;
  for (const entry of entries) {
    const box = (await entry.boundingBox())!;
    expect(Math.abs(box.y + box.height / 2 - (top.y + top.height / 2))).toBeLessThan(6);
  }
  // The name gives way, shortened with an ellipsis; the whole name is its title.
  const name = header.locator('.who-name');
  await expect(name).toHaveAttribute('title', LONG_NAME);
  expect(await name.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expect(header.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await header.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const menu = page.getByRole('navigation', { name: 'Settings' });
  await expect(menu.getByRole('link')).toHaveText(ADMIN_PAGES);
  await expect(menu.getByRole('link', { name: 'Staff' })).toHaveAttribute('aria-current', 'page');
  await menu.getByRole('link', { name: 'Outbox' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(menu.getByRole('link', { name: 'Outbox' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);
  // Beside the content on a laptop…
  const heading = page.getByRole('heading', { level: 1 });
  let menuBox = (await menu.boundingBox())!;
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual((await heading.boundingBox())!.x);
  // …above it on a phone, every entry still in reach.
  await page.setViewportSize({ width: 390, height: 800 });
  menuBox = (await menu.boundingBox())!;
  expect(menuBox.y + menuBox.height).toBeLessThanOrEqual((await heading.boundingBox())!.y);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
  await menu.getByRole('link', { name: 'Privacy settings' }).click();
  await expect(page).toHaveURL(/\/admin\/privacy$/);
});

test('a customer has no settings entry and no settings menu', async ({ page }) => {
  await signIn(page, 'alice@example.com', DEMO_PASSWORD);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await open(page, '/admin/users');
  await expect(page.getByRole('alert').first()).toContainText('You do not have permission');
  await expect(page.getByRole('navigation', { name: 'Settings' })).toHaveCount(0);
});
