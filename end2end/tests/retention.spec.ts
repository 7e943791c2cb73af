import { expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, open, signIn, signUp, test, uniqueEmail } from './helpers';

/** Fills the retention form's numbers and saves. */
async function saveRetention(page: Page, values: { tickets: string; inactive: string; notice: string }) {
  await page.getByLabel('Remove their content this many months after the last update').fill(values.tickets);
  await page.getByLabel('Close accounts not signed in to for this many months').fill(values.inactive);
  await page.getByLabel('Mail the customer this many days before').fill(values.notice);
  await page.getByRole('button', { name: 'Save' }).click();
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
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByRole('status')).toContainText('Retention saved.');
  });

  // A notice that could not go out before the closure is refused, and says why.
  await saveRetention(admin, { tickets: '0', inactive: '1', notice: '30' });
  await expect(admin.getByRole('alert')).toContainText('The notice must go out before the account could be closed');

  await saveRetention(admin, { tickets: '120', inactive: '120', notice: '30' });
  await admin.getByLabel('The cleanup runs').selectOption({ label: 'weekly' });
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByRole('status')).toContainText('Retention saved.');
  await admin.reload();
  await expect(admin.getByLabel('Remove their content this many months after the last update')).toHaveValue('120');
  await expect(admin.getByLabel('The cleanup runs')).toHaveValue('7');

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
});
