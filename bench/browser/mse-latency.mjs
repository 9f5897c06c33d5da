// Plays a live MSE URL in Debian's Chromium and prints how far the presented frame trails the server's ingest.
// Usage: node mse-latency.mjs <ws-url-with-timing=1> [seconds=30]
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, seconds = '30'] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cctv-chromium-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const page = await context.newPage();
  await page.setContent(readFileSync(new URL('./mse-latency.html', import.meta.url), 'utf8'));
  const result = await page.evaluate(([u, s]) => window.measure(u, s), [url, Number(seconds)]);
  console.log(JSON.stringify(result));
} finally {
  await context.close();
}
