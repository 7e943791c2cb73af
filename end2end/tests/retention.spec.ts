import { expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, open, signIn, signUp, test, uniqueEmail } from './helpers';

/** The retention policy's card (the page also has the region's). */
function policy(page: Page) {
  return page.locator('.card').filter({ has: page.getByLabel('The cleanup runs') });
}

/** Fills the retention form's numbers and saves. */
async function saveRetention(page: Page, values: { tickets: string; inactive: string; notice: string }) {
  await page.getByLabel('Remove their content this many months after the last update').fill(values.tickets);
  await page.getByLabel('Close accounts not signed in to for this many months').fill(values.inactive);
  await page.getByLabel('Mail the customer this many days before').fill(values.notice);
  await policy(page).getByRole('button', { name: 'Save' }).click();
}

test('an admin sets the retention policy, sees the next cleanup, and customers are told how long their data is kept', async ({ browser, restore }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com', DEMO_PASSWORD);
  await open(admin, '/admin/users');
  await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Retention' }).click();
  await expect(admin).toHaveURL(/\/admin\/retention$/);
  await expect(admin.getByRole('heading', { name: 'Retention', level: 1 })).toBeVisible();
  await expect(admin.locator('#cleanup-plan')).toContainText('The next cleanup runs on');
  restore(async () => {
    await open(admin, '/admin/retention');
    await saveRetention(admin, { tickets: '0', inactive: '0', notice: '30' });
    await admin.getByLabel('The cleanup runs').selectOption({ label: 'every six months' });
    await policy(admin).getByRole('button', { name: 'Save' }).click();
    await expect(policy(admin).getByRole('status')).toContainText('Retention saved.');
  });

  // A notice that could not go out before the closure is refused, and says why.
  await saveRetention(admin, { tickets: '0', inactive: '1', notice: '30' });
  await expect(policy(admin).getByRole('alert')).toContainText('The notice must go out before the account could be closed');

  await saveRetention(admin, { tickets: '120', inactive: '120', notice: '30' });
  await admin.getByLabel('The cleanup runs').selectOption({ label: 'weekly' });
  await policy(admin).getByRole('button', { name: 'Save' }).click();
  await expect(policy(admin).getByRole('status')).toContainText('Retention saved.');
  await admin.reload();
  await expect(admin.getByLabel('Remove their content this many months after the last update')).toHaveValue('120');
  await expect(admin.getByLabel('The cleanup runs')).toHaveValue('7');

  // Where the data lives: the region and the privacy notice link in every footer.
  const region = admin.getByRole('region', { name: 'Where the data lives' });
  await expect(region).toContainText(/Main database: (sqlite|postgres):\/\//);
  await region.getByLabel('Privacy notice link').fill('javascript:alert(1)');
  await region.getByRole('button', { name: 'Save' }).click();
  await expect(region.getByRole('alert')).toContainText('starts with https://, http:// or /');
  await region.getByLabel('Region').fill('EU — Frankfurt');
  await region.getByLabel('Privacy notice link').fill('https://example.org/privacy');
  await region.getByRole('button', { name: 'Save' }).click();
  await expect(region.getByRole('status')).toContainText('Saved.');
  restore(async () => {
    await open(admin, '/admin/retention');
    const again = admin.getByRole('region', { name: 'Where the data lives' });
    await again.getByLabel('Region').fill('');
    await again.getByLabel('Privacy notice link').fill('');
    await again.getByRole('button', { name: 'Save' }).click();
    await expect(again.getByRole('status')).toContainText('Saved.');
  });
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, '/sign-in');
  await expect(visitor.locator('footer').getByRole('link', { name: 'Privacy notice' })).toHaveAttribute('href', 'https://example.org/privacy');

  // The change is in the audit log.
  await open(admin, '/admin/audit');
  await admin.getByLabel('Action').selectOption('setting_changed');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin.locator('table.audit')).toContainText('Cycle days: 182 → 7');

  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, 'Rita Retention', uniqueEmail('rita'), 'rita retention phrase');
  await open(customer, '/privacy');
  const notice = customer.getByRole('region', { name: 'How long we keep your data' });
  await expect(notice).toContainText('120 months after their last update');
  await expect(notice).toContainText('An account nobody signs in to for 120 months is closed');
  await expect(notice).toContainText('Backups are kept 180 days');
  await expect(notice).toContainText('Your data is kept in this region: EU — Frankfurt.');
});
