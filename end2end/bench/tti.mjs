// Time to interactive of one page in Chromium with a phone profile: the
// network throttled to "Fast 3G" and the CPU slowed four times, a fresh
// browser context (empty cache) each run. "Interactive" is the moment the
// WASM bundle has hydrated the page (the body gets data-hydrated="true").
// Usage: node end2end/bench/tti.mjs URL [RUNS]   — prints one line per run and the median.
import { chromium } from '@playwright/test';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!url) {
  console.error('usage: node tti.mjs URL [RUNS]');
  process.exit(2);
}
// Chrome DevTools' "Fast 3G" preset.
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9,
  uploadThroughput: (750 * 1024 / 8) * 0.9,
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({
    viewport: { width: 393, height: 851 },
    deviceScaleFactor: 2.75,
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 120_000 });
  // Milliseconds since the navigation started, read in the page.
  const ms = await page.evaluate(() => performance.now());
  times.push(ms);
  console.log(`run ${i + 1}: ${Math.round(ms)} ms`);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`median: ${Math.round(times[Math.floor(times.length / 2)])} ms`);
