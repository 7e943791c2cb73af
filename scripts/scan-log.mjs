// Scans the server's log of a whole end-to-end run for what must never be
// in it: every value the browser sent in a form (names, phone numbers,
// message texts, passwords…), every session cookie and mailed link token
// (recorded by end2end/tests/helpers.ts in the secrets file), and the master
// key (its base64, base64url and hex forms). Any hit fails the run.
//
//   node scripts/scan-log.mjs SERVER_LOG SECRETS_FILE DATA_DIR
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [logPath, secretsPath, dataDir] = process.argv.slice(2);
if (!logPath || !secretsPath || !dataDir) {
  console.error('usage: node scripts/scan-log.mjs SERVER_LOG SECRETS_FILE DATA_DIR');
  process.exit(2);
}
// `--demo` prints the demo accounts and their shared password for the person
// starting it (README: "Demo accounts"): published on purpose, so that block
// is left out; everything else in the log is scanned.
function withoutDemoBanner(text) {
  const out = [];
  let inBanner = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('Demo accounts (password for all:')) {
      inBanner = true;
      continue;
    }
    if (inBanner && line.startsWith('  ')) continue;
    inBanner = false;
    out.push(line);
  }
  return out.join('\n');
}
const log = withoutDemoBanner(readFileSync(logPath, 'utf8'));
if (log.length === 0) {
  console.error(`${logPath} is empty: nothing was logged, so nothing was scanned`);
  process.exit(1);
}

// Values too short or too common to mean anything on their own (a status, a
// number of months, a language code, an id the log names on purpose) are not
// secrets: an id, a time, a number or a word of the portal's vocabulary.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[0-9.,:\- ]*$/;
const TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
const VOCABULARY = /^[a-z_]+$/;
function isSecret(value) {
  return (
    value.length >= 6 &&
    !UUID.test(value) &&
    !NUMBER.test(value) &&
    !TIME.test(value) &&
    !VOCABULARY.test(value)
  );
}

const secrets = new Map(); // value → what it is
if (existsSync(secretsPath)) {
  for (const line of readFileSync(secretsPath, 'utf8').split('\n')) {
    if (!line) continue;
    const value = JSON.parse(line);
    if (isSecret(value)) secrets.set(value, 'a value the browser sent');
  }
}
if (secrets.size < 50) {
  console.error(`only ${secrets.size} values recorded in ${secretsPath}: was the run recorded?`);
  process.exit(1);
}
const keyFile = join(dataDir, 'master.key');
if (!existsSync(keyFile)) {
  console.error(`${keyFile} is missing: the master key cannot be looked for`);
  process.exit(1);
}
for (const line of readFileSync(keyFile, 'utf8').split('\n')) {
  const b64 = line.trim();
  if (!b64) continue;
  const raw = Buffer.from(b64, 'base64');
  secrets.set(b64, 'the master key (base64)');
  secrets.set(raw.toString('base64url'), 'the master key (base64url)');
  secrets.set(raw.toString('hex'), 'the master key (hex)');
}

const hits = [];
const lines = log.split('\n');
for (const [value, what] of secrets) {
  if (!log.includes(value)) continue;
  const at = lines.findIndex((l) => l.includes(value));
  const shown = value.length > 12 ? `${value.slice(0, 4)}…(${value.length} chars)` : '…';
  hits.push(`${what} ${shown} in line ${at + 1}: ${lines[at].replaceAll(value, '[HIT]').slice(0, 300)}`);
}
if (hits.length > 0) {
  console.error(`${hits.length} secrets found in ${logPath}:`);
  for (const hit of hits) console.error(`  ${hit}`);
  process.exit(1);
}
console.log(
  `scanned ${lines.length} log lines for ${secrets.size} secrets (typed values, session cookies, link tokens, the master key): none found`,
);
