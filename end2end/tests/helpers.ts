import { expect, Page, test as base } from '@playwright/test';

/**
 * The tests' `test`, with `restore(undo)`: a test that changes a shared setting
 * registers how to put it back, and the undo runs after the test whether it
 * passed or failed, so one failure never leaks into the tests after it.
 */
export const test = base.extend<{ restore: (undo: () => Promise<unknown>) => void }>({
  restore: async ({}, use) => {
    const undos: Array<() => Promise<unknown>> = [];
    await use((undo) => {
      undos.push(undo);
    });
    for (const undo of undos.reverse()) {
      await undo();
    }
  },
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

export async function signUp(page: Page, name: string, email: string, password: string) {
  await open(page, '/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

export async function signIn(page: Page, email: string, password: string) {
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}
