import { BrowserContext, expect, Page, Request, Response, test as base } from '@playwright/test';
import { appendFileSync } from 'node:fs';

/**
 * What the browser sent that the server must never write to its log: every
 * value typed into a form (names, phones, messages, passwords…), every session
 * cookie the server set and every token of a mailed link, one JSON string a
 * line in CUSTODIAN_SECRETS_FILE. scripts/scan-log.mjs then looks for each in
 * the server's log of the whole run.
 */
const SECRETS_FILE = process.env.CUSTODIAN_SECRETS_FILE;
const watched = new WeakSet<BrowserContext>();

function remember(value: string) {
  if (!SECRETS_FILE) return;
  appendFileSync(SECRETS_FILE, JSON.stringify(value) + '\n');
}

/** The string values of a JSON document or a form body. */
function valuesIn(body: string, json: boolean): string[] {
  if (!json) return [...new URLSearchParams(body).values()];
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(body));
  } catch {
    // Not JSON after all: nothing typed to remember.
  }
  return out;
}

function recordRequest(request: Request) {
  const token = new URL(request.url()).searchParams.get('token');
  if (token) remember(token);
  const body = request.postData();
  if (!body || request.method() !== 'POST') return;
  const json = (request.headers()['content-type'] ?? '').includes('json');
  for (const value of valuesIn(body, json)) remember(value);
}

async function recordResponse(response: Response) {
  for (const cookie of await response.headerValues('set-cookie').catch(() => [])) {
    const value = cookie.split(';')[0].split('=').slice(1).join('=');
    if (value) remember(value);
  }
}

function watch(context: BrowserContext) {
  if (!SECRETS_FILE || watched.has(context)) return;
  watched.add(context);
  context.on('request', recordRequest);
  context.on('response', (r) => void recordResponse(r));
}

/**
 * The tests' `test`, with `restore(undo)`: a test that changes a shared setting
 * registers how to put it back, and the undo runs after the test whether it
 * passed or failed, so one failure never leaks into the tests after it.
 * Every browser context a test opens is watched (see `remember`).
 */
export const test = base.extend<
  { restore: (undo: () => Promise<unknown>) => void; watchContext: void },
  { watchBrowser: void }
>({
  restore: async ({}, use) => {
    const undos: Array<() => Promise<unknown>> = [];
    await use((undo) => {
      undos.push(undo);
    });
    for (const undo of undos.reverse()) {
      await undo();
    }
  },
  watchContext: [
    async ({ context }, use) => {
      watch(context);
      await use();
    },
    { auto: true },
  ],
  watchBrowser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        watch(context);
        return context;
      };
      const newPage = browser.newPage.bind(browser);
      browser.newPage = async (options) => {
        const page = await newPage(options);
        watch(page.context());
        return page;
      };
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});

/** Demo accounts seeded by the server the tests run against (see README, demo mode). */
export const DEMO_PASSWORD = 'custodian-demo';
export const AGENT_EMAIL = 'agent@example.com';

/** A fresh address per run, so tests never collide with earlier data. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** Opens a page and waits until the WASM bundle has hydrated it. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

/** Signs up and, unless told not to, confirms the address with the mailed link, ending on /tickets. */
export async function signUp(page: Page, name: string, email: string, password: string, confirm = true) {
  await open(page, '/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  if (confirm) {
    await confirmAddress(page, email);
    await open(page, '/tickets');
  }
}

/** Opens the confirmation link mailed at sign-up and confirms the address. */
export async function confirmAddress(page: Page, email: string, after = 0) {
  const link = linkIn(await mailTo(email, 'Confirm your email address', after), 'confirm-address');
  await open(page, new URL(link).pathname + new URL(link).search);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toContainText('your address is confirmed');
}

/** A page for signed-in people, opened without a session, sends the visitor to sign in and back. */
export async function expectSentToSignIn(page: Page, path: string) {
  const next = encodeURIComponent(path).replace(/%2F/g, '/');
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  received: number;
}

/**
 * The newest mail to `address` whose subject contains `subject`, as the
 * portal's SMTP sender delivered it to the test mail sink (mail-sink.mjs,
 * started by scripts/test.sh). Waits for the sender's next round.
 */
export async function mailTo(address: string, subject: string, after = 0): Promise<Mail> {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const folder = process.env.CUSTODIAN_MAIL_DIR;
  if (!folder) throw new Error('CUSTODIAN_MAIL_DIR is not set: run the tests through scripts/test.sh');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const names = fs.readdirSync(folder).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().reverse();
    for (const name of names) {
      const mail: Mail = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
      if (mail.received >= after && mail.to.includes(address.toLowerCase()) && mail.subject.includes(subject)) {
        return mail;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail "${subject}" to ${address} within 30 s`);
}

/** The first link to `path` in a mail. */
export function linkIn(mail: Mail, path: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S+${path}\\?token=[0-9a-f]+`));
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[0];
}

/** The 6-digit code an authenticator app shows for a base32 secret (RFC 6238, SHA-1, 30 s). */
export async function authenticatorCode(secret: string, at = Date.now()): Promise<string> {
  const { createHmac } = await import('node:crypto');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}
