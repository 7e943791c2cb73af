import { expect } from '@playwright/test';
import { execFileSync } from 'child_process';
import { test, mailTo, open, signUp, uniqueEmail } from './helpers';

/** A file of a ZIP archive, read with Python's zipfile (no npm package needed). */
function fileInZip(zip: string, name: string): string {
  return execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', zip, name], {
    encoding: 'utf8',
  });
}

test('a visitor switches the language in the footer', async ({ page }) => {
  await open(page, '/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Konto erstellen' }).first()).toBeVisible();
  // The page still works in German: a wrong password gets a German sentence.
  await page.getByLabel('E-Mail').fill('nobody@example.org');
  await page.getByLabel('Passwort', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist nicht korrekt.');
  await expect(page.getByRole('alert')).not.toContainText('invalid_credentials');

  await page.getByLabel('Sprache').selectOption('fr');
  await page.getByRole('button', { name: 'Ändern' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('button', { name: 'Changer' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a customer with German in their profile gets the privacy page, mail and export in German', async ({ page }) => {
  const email = uniqueEmail('greta');
  const password = 'a long enough password';
  await signUp(page, 'Greta Sprache', email, password);
  await open(page, '/profile');
  await page.locator('#field-language').selectOption('de');
  await page.locator('#field-time_zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save profile' }).click();
  // The page loads again in the new language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('data-time-zone', 'Europe/Berlin');
  await expect(page.getByRole('heading', { name: 'Profil' })).toBeVisible();

  await open(page, '/privacy');
  await expect(page.getByRole('heading', { name: 'Datenschutz', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Meine Tickets' })).toBeVisible();
  await page.locator('#export-password').fill(password);
  await page.getByRole('button', { name: 'Meinen Download vorbereiten' }).click();
  const link = page.getByRole('link', { name: 'ZIP herunterladen' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const zip = (await download.path())!;
  expect(fileInZip(zip, 'README.txt')).toContain('Ihre Daten bei Custodian');
  expect(fileInZip(zip, 'README.txt')).toContain('Was nicht enthalten ist, und warum');
  expect(fileInZip(zip, 'index.html')).toContain('<html lang="de">');

  // Mail follows the recipient's profile, even when asked for from an English page.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/$/);
  const before = Date.now();
  await open(page, '/forgot-password');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  const mail = await mailTo(email, 'Wählen Sie ein neues Passwort', before);
  expect(mail.text).toContain('Um ein neues Passwort zu wählen');
});
