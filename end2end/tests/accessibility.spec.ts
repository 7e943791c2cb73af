import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { test, AGENT_EMAIL, DEMO_PASSWORD, linkIn, mailTo, open, signIn, signUp, uniqueEmail } from './helpers';

/**
 * axe-core on every page of the portal — signed out, and as a customer, an
 * agent and an admin on the pages each of them uses — at desktop and phone
 * width: no serious or critical violation. The page list is checked against
 * the app's router (app/src/lib.rs), so a new page without a row here fails.
 * Then the path a new customer takes, with the keyboard only.
 */

// Layout and markup do not depend on the database: the PostgreSQL run skips these.
test.skip(process.env.CUSTODIAN_E2E_DB === 'postgres', 'checked once, on the SQLite run');

type Who = 'visitor' | 'customer' | 'agent' | 'admin';

/** Each route of the app, and who looks at it (parameters filled in at run time). */
const PAGES: Record<string, Who[]> = {
  '/': ['visitor', 'customer'],
  '/sign-in': ['visitor'],
  '/sign-up': ['visitor'],
  '/forgot-password': ['visitor'],
  '/reset-password': ['visitor'],
  '/confirm-address': ['visitor'],
  '/cancel-email-change': ['visitor'],
  '/confirm-email': ['customer'],
  '/security': ['customer', 'agent', 'admin'],
  '/tickets': ['customer', 'agent'],
  '/tickets/new': ['customer'],
  '/tickets/:id': ['customer', 'agent'],
  '/activity': ['customer'],
  '/profile': ['customer'],
  '/privacy': ['customer'],
  '/requests': ['agent'],
  '/requests/register': ['agent', 'admin'],
  '/requests/:id': ['agent'],
  '/customers/:id/erase': ['agent'],
  '/admin/privacy': ['admin'],
  '/admin/retention': ['admin'],
  '/admin/outbox': ['admin'],
  '/admin/export': ['admin'],
  '/admin/users': ['admin'],
  '/admin/audit': ['admin'],
  '/admin/keys': ['admin'],
  '/admin/fields': ['admin'],
  '/admin/permissions': ['admin'],
  '/admin/roles': ['admin'],
  '/admin/teams': ['admin'],
};

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const ACCOUNTS: Record<Exclude<Who, 'visitor'>, string> = {
  customer: 'alice@example.com',
  agent: AGENT_EMAIL,
  admin: 'admin@example.com',
};

test('the page list covers every route of the app', () => {
  const source = fs.readFileSync(path.join(__dirname, '../../app/src/lib.rs'), 'utf8');
  const routes = new Set([...source.matchAll(/path!\("([^"]*)"\)/g)].map((m) => m[1] || '/'));
  expect([...routes].sort()).toEqual(Object.keys(PAGES).sort());
});

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** The first link on the page matching `selector`, if there is one (no waiting). */
async function firstHref(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)?.getAttribute('href') ?? '', selector);
}

/** Real ids for the pages with parameters: a ticket of Alice's and a request of hers. */
async function ids(page: Page): Promise<Record<string, string>> {
  // A request in the agents' queue: a new customer asks to be erased.
  const password = 'an accessible password';
  await signUp(page, 'Rita Request', uniqueEmail('rita'), password);
  await open(page, '/privacy');
  await page.locator('#erase-password').fill(password);
  await page.getByRole('button', { name: 'Ask to delete my account' }).click();
  await expect(page.getByRole('status')).toContainText('We received your request');
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.customer, DEMO_PASSWORD);
  const ticket = await firstHref(page, 'a[href^="/tickets/"]:not([href="/tickets/new"])');
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.agent, DEMO_PASSWORD);
  await open(page, '/requests');
  const request = await firstHref(page, 'a[href^="/requests/"]:not([href="/requests/register"])');
  // Staff reach a customer's erase page from a ticket of theirs.
  let customer = '';
  if (ticket) {
    await open(page, ticket);
    customer = await firstHref(page, 'a[href^="/customers/"]');
  }
  return {
    '/tickets/:id': ticket,
    '/requests/:id': request,
    '/customers/:id/erase': customer,
  };
}

let filledOnce: Record<string, string> | undefined;

for (const who of ['visitor', 'customer', 'agent', 'admin'] as Who[]) {
  test(`no serious or critical accessibility violation on any page, ${who}, desktop and phone`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    // The ids are looked up once for the four runs (they run in order, in one worker).
    filledOnce ??= await ids(page);
    const filled = filledOnce;
    await context.clearCookies();
    if (who !== 'visitor') await signIn(page, ACCOUNTS[who], DEMO_PASSWORD);
    const found: string[] = [];
    let checked = 0;
    for (const [route, people] of Object.entries(PAGES)) {
      if (!people.includes(who)) continue;
      const target = route.includes(':') ? filled[route] : route;
      if (!target) {
        found.push(`${route}: no link to it was found to fill in its id`);
        continue;
      }
      // One load, looked at in both widths: the layout follows the width
      // through CSS alone, so resizing shows what a phone would load.
      await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
      await open(page, target);
      for (const size of WIDTHS) {
        await page.setViewportSize({ width: size.width, height: size.height });
        for (const v of await violations(page)) found.push(`${target} (${size.name}): ${v}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    console.log(`${who}: ${checked} page views checked with axe-core`);
    expect(found, found.join('\n')).toEqual([]);
    await context.close();
  });
}

/** Presses Tab until the focused element matches, as someone without a mouse would. */
async function tabTo(page: Page, matches: (el: { tag: string; id: string; label: string; text: string; type: string }) => boolean, what: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { tag: '', id: '', label: '', text: '', type: '' };
      const id = a.getAttribute('id');
      const label = (id && document.querySelector(`label[for="${id}"]`)?.textContent) || a.getAttribute('aria-label') || '';
      return { tag: a.tagName.toLowerCase(), id: id ?? '', label: label.trim(), text: (a.textContent ?? '').trim(), type: a.getAttribute('type') ?? '' };
    });
    if (matches(el)) {
      // What has the focus can be seen: a visible outline or box shadow.
      const visible = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const style = getComputedStyle(a);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      });
      expect(visible, `the focus on ${what} is visible`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

test('with the keyboard only: sign up, open a ticket and download my data', async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('keys');
  const password = 'typed without a mouse';
  await open(page, '/sign-up');
  await tabTo(page, (e) => e.label === 'Name', 'the name field');
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, (e) => e.label === 'Email', 'the email field');
  await page.keyboard.type(email);
  await tabTo(page, (e) => e.label.startsWith('Password'), 'the password field');
  await page.keyboard.type(password);
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Create account', 'Create account');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tickets$/);
  const link = linkIn(await mailTo(email, 'Confirm your email address'), 'confirm-address');
  await open(page, new URL(link).pathname + new URL(link).search);
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Confirm my address', 'Confirm my address');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('your address is confirmed');

  await open(page, '/tickets');
  await tabTo(page, (e) => e.tag === 'a' && /new ticket/i.test(e.text), 'the new ticket link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tickets\/new$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await tabTo(page, (e) => e.label === 'Subject', 'the subject field');
  await page.keyboard.type('Typed with the keyboard');
  await tabTo(page, (e) => e.label === 'Message', 'the message field');
  await page.keyboard.type('No mouse was used for this ticket.');
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Send', 'Send');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Typed with the keyboard' })).toBeVisible();

  await open(page, '/privacy');
  await tabTo(page, (e) => e.id === 'export-password', 'the password for the download');
  await page.keyboard.type(password);
  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Prepare my download', 'Prepare my download');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Download ZIP' })).toBeVisible({ timeout: 30_000 });
  await tabTo(page, (e) => e.tag === 'a' && e.text === 'Download ZIP', 'Download ZIP');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});
