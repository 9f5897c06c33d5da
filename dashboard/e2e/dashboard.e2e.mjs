// End-to-end run of the dashboard against a running system, in headless Debian Chromium driven by playwright-core.
//   node e2e/dashboard.e2e.mjs
// Environment: CCTV_BASE_URL (the dashboard, e.g. http://127.0.0.1:3000), CCTV_FOOTAGE (an H.264 MP4 of at least
// five minutes, imported as the last five minutes of a camera), CCTV_SCREENSHOTS (where page screenshots go),
// CCTV_CHROMIUM (default /usr/bin/chromium), CCTV_PASSWORD (default demo-password).
// Exits 0 when every step passed and no console error or page error was seen; prints each step as it goes.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = (process.env.CCTV_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const FOOTAGE = process.env.CCTV_FOOTAGE;
const SHOTS = process.env.CCTV_SCREENSHOTS ?? 'docs/screenshots';
const PASSWORD = process.env.CCTV_PASSWORD ?? 'demo-password';
const CHROMIUM = process.env.CCTV_CHROMIUM ?? '/usr/bin/chromium';
const started = Date.now();

function log(...args) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]`, ...args);
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

async function until(what, fn, timeoutMs = 30_000, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e.fatal) throw e;
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// ---- the api, for setting the stage (as an administrator would) ----
let adminToken;
async function call(method, path, body, headers = {}) {
  const r = await fetch(BASE + path, {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${adminToken}`, ...(body && !(body instanceof Uint8Array) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body instanceof Uint8Array ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: r.status, body: json };
}

async function signInApi() {
  const r = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  check(r.status === 200, `admin login through the api answered ${r.status}`);
  adminToken = (await r.json()).accessToken;
}

// ---- the browser ----
const consoleErrors = [];
const expectedNetworkErrors = []; // { url pattern, status } the run provokes on purpose
const networkFailures = [];

async function frames(page, selector) {
  return page.$eval(selector, (v) => v.getVideoPlaybackQuality().totalVideoFrames);
}

async function framesRise(page, selector, what) {
  const first = await until(`${what} to decode a frame`, async () => {
    const n = await frames(page, selector);
    return n > 0 ? n : 0;
  }, 40_000);
  const later = await until(`${what} to keep decoding`, async () => {
    const n = await frames(page, selector);
    return n > first + 5 ? n : 0;
  }, 20_000);
  log(`  ${what}: frames ${first} -> ${later}`);
  return later;
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  log(`  screenshot ${name}.png`);
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  await signInApi();

  // The twelve demo cameras come online one by one after the start: wait for all of them, then pick a PTZ one, one
  // more of the police, one of METRO (a second METRO one fills the quota) and one of TAXI.
  const cameras = await until('the 12 demo cameras ONLINE', async () => {
    const r = await call('GET', '/api/v1/cameras?status=ONLINE&size=100');
    return r.status === 200 && r.body.items.length >= 12 ? r.body.items : null;
  }, 90_000, 1000);
  const by = (agency) => cameras.filter((c) => c.agency === agency);
  const ptzCamera = cameras.find((c) => c.ptz);
  check(ptzCamera, 'a demo PTZ camera');
  const police = by('DUBAI_POLICE').filter((c) => c.id !== ptzCamera.id);
  const grid = [ptzCamera, ...police.slice(0, 1), by('METRO')[0], by('TAXI')[0]].filter(Boolean);
  const agencyCount = (agency) => grid.filter((c) => c.agency === agency).length;
  check(grid.length === 4, `four cameras for the grid, have ${grid.length}`);
  const quotaAgency = 'METRO';
  const quotaCamera = by('METRO').find((c) => !grid.includes(c));
  check(quotaCamera, 'a second METRO camera for the quota-full tile');

  // Footage for playback: a camera that records nothing itself, with five minutes imported ending two minutes ago
  // (an import may not reach into the last recorder segment before now).
  check(FOOTAGE, 'CCTV_FOOTAGE names the footage to import');
  const added = await call('POST', '/api/v1/cameras', {
    name: `E2E footage ${new Date().toISOString().slice(11, 19)}`,
    agency: 'TAXI',
    source: { type: 'rtsp', url: 'rtsp://127.0.0.1:9/e2e-footage' },
  });
  check(added.status === 201, `camera added: ${added.status} ${JSON.stringify(added.body)}`);
  const footageCamera = added.body;
  const off = await call('PUT', `/api/v1/cameras/${footageCamera.id}/recording`, { mode: 'OFF', windows: [], retentionDays: 1 });
  check(off.status === 200, `recording off: ${off.status} ${JSON.stringify(off.body)}`);
  const importStart = new Date(Date.now() - 7 * 60_000);
  const imported = await call(
    'POST',
    `/api/v1/cameras/${footageCamera.id}/recordings/import?start=${importStart.toISOString()}`,
    new Uint8Array(readFileSync(FOOTAGE)),
    { 'Content-Type': 'video/mp4' },
  );
  check(imported.status === 201, `footage imported: ${imported.status} ${JSON.stringify(imported.body)}`);
  log(`imported ${imported.body.segments} segments ${imported.body.start} .. ${imported.body.end} into ${footageCamera.name}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      const loc = m.location()?.url ?? '';
      // The browser logs every refused request as a console error; those the run provokes on purpose are allowed.
      if (text.startsWith('Failed to load resource') && expectedNetworkErrors.some((e) => loc.includes(e.path) && text.includes(String(e.status)))) return;
      consoleErrors.push(`${text} ${loc}`);
      log(`  CONSOLE ERROR: ${text} ${loc}`);
    });
    page.on('pageerror', (e) => {
      consoleErrors.push(`pageerror: ${e.message}`);
      log(`  PAGE ERROR: ${e.message}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) networkFailures.push(`${r.request().method()} ${r.url()} ${r.status()}`);
    });

    // 1. Sign in.
    log('sign in');
    await page.goto(`${BASE}/live`);
    await page.waitForSelector('input[name=username]');
    await shot(page, 'login');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('[data-testid=user]');
    const who = await page.textContent('[data-testid=user]');
    check(who.includes('admin') && who.includes('ADMIN') && who.includes('RTA'), `name, role and agency shown: ${who}`);

    // 2. A 2x2 layout with four live demo cameras, each dragged onto its tile; frames decode in every tile.
    log('live 2x2');
    await page.click('[data-testid="layout-2x2"]');
    for (let i = 0; i < 4; i++) {
      await page.dragAndDrop(`[data-testid=camera-item][data-camera="${grid[i].id}"]`, `[data-testid=tile-${i}]`);
    }
    for (let i = 0; i < 4; i++) {
      check((await page.getAttribute(`[data-testid=tile-${i}] video`, 'data-variant')) === 'sub', `tile ${i} plays the sub stream`);
      await framesRise(page, `[data-testid=tile-${i}] video`, `tile ${i} (${grid[i].name})`);
    }
    await until('every tile to say live', async () => (await page.$$eval('[data-testid=tile-phase]', (els) => els.map((e) => e.textContent))).every((s) => s === 'Live'));
    await until('a latency figure', async () => (await page.$$('[data-testid=tile-latency]')).length > 0, 15_000);
    await shot(page, 'live-2x2');

    // Double-click: full screen on the main stream.
    log('full screen');
    await page.dblclick('[data-testid=tile-1]');
    await page.waitForSelector('[data-testid=full-screen] video[data-variant=main]');
    await framesRise(page, '[data-testid=full-screen] video', 'full screen (main stream)');
    await shot(page, 'live-full-screen');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=grid]');

    // 3. Move a PTZ camera: press and hold, let go; the lock names us and the audit trail has the moves.
    log('PTZ');
    await page.click('[data-testid=tile-0]');
    await page.waitForSelector('[data-testid=ptz-panel]');
    const right = page.locator('[data-testid=ptz-right]');
    await right.hover();
    await page.mouse.down();
    await until('the move to be accepted', async () => (await page.textContent('[data-testid=ptz-last]'))?.includes('continuous'), 10_000);
    await page.waitForTimeout(700);
    await page.mouse.up();
    await until('the stop to be sent', async () => (await page.textContent('[data-testid=ptz-last]'))?.includes('stop'), 10_000);
    await until('the lock to name admin', async () => (await page.textContent('[data-testid=ptz-lock]')).includes('admin'), 10_000);
    const audit = await call('GET', `/api/v1/audit?action=PTZ&target=${ptzCamera.id}&size=20`);
    check(audit.status === 200 && audit.body.items.length >= 2, `PTZ moves audited: ${JSON.stringify(audit.body).slice(0, 300)}`);
    await shot(page, 'live-ptz');

    // 4. A quota-full tile shows the agency's numbers.
    log('quota full');
    const quotas = await call('GET', '/api/v1/quotas');
    const before = quotas.body.items.find((q) => q.agency === quotaAgency);
    const active = await until(`${quotaAgency}'s grid stream counted`, async () => {
      const q = (await call('GET', '/api/v1/quotas')).body.items.find((x) => x.agency === quotaAgency);
      return q && q.active >= agencyCount(quotaAgency) ? q.active : 0;
    });
    check((await call('PUT', `/api/v1/quotas/${quotaAgency}`, { limit: active })).status === 200, 'quota lowered');
    expectedNetworkErrors.push({ path: '/api/v1/streams', status: 429 });
    try {
      await page.click('[data-testid="layout-3x3"]');
      await page.dragAndDrop(`[data-testid=camera-item][data-camera="${quotaCamera.id}"]`, '[data-testid=tile-4]');
      const message = await until('the quota-full message', async () => {
        const el = await page.$('[data-testid=tile-4] [data-testid=tile-quota]');
        return el ? el.textContent() : null;
      });
      check(message.includes(`${quotaAgency}: ${active} of ${active} streams in use`), `quota tile names the numbers: ${message}`);
      log(`  tile says: ${message}`);
      await shot(page, 'live-quota-full');
    } finally {
      await call('PUT', `/api/v1/quotas/${quotaAgency}`, { limit: before.limit });
      expectedNetworkErrors.pop();
    }
    await page.click('[data-testid="layout-2x2"]');

    // 5. Play back the five imported minutes of the footage camera, scrub, bookmark.
    log('playback');
    await page.click('[data-testid=nav-playback]');
    await until('the footage camera in the list', async () => (await page.$$(`[data-testid=playback-camera-0] option[value="${footageCamera.id}"]`)).length > 0);
    await page.selectOption('[data-testid=playback-camera-0]', footageCamera.id);
    const localInput = (iso) => {
      const t = Date.parse(iso);
      return new Date(t - new Date(t).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    };
    await page.fill('[data-testid=playback-from]', localInput(imported.body.start));
    await page.fill('[data-testid=playback-to]', localInput(imported.body.end));
    await page.click('[data-testid=playback-load]');
    await until('a LOCAL answer', async () => (await page.textContent('[data-testid=vod-source-0]'))?.includes('LOCAL'));
    await framesRise(page, '[data-testid=vod-0]', 'playback');
    await until('recorded ranges on the timeline', async () => (await page.$$('[data-testid=timeline-recorded]')).length > 0);
    const box = await page.locator('[data-testid=timeline]').boundingBox();
    const [viewStart, viewEnd] = await Promise.all([
      page.getAttribute('[data-testid=timeline]', 'data-start').then(Number),
      page.getAttribute('[data-testid=timeline]', 'data-end').then(Number),
    ]);
    const loadedStart = Date.parse(imported.body.start);
    const target = loadedStart + 3.5 * 60_000;
    const x = box.x + ((target - viewStart) / (viewEnd - viewStart)) * box.width;
    await page.mouse.click(x, box.y + box.height / 2);
    // The playhead follows the player's own wall clock (PROGRAM-DATE-TIME): it plays on from the scrubbed time.
    const landed = await until('the player playing on from the scrubbed time', async () => {
      const t = Number(await page.getAttribute('[data-testid=playhead]', 'data-time'));
      return t > target + 500 && t < target + 15_000 ? t : 0;
    }, 20_000);
    log(`  scrubbed to ${new Date(target).toISOString()}, playing ${new Date(landed).toISOString()}`);
    await framesRise(page, '[data-testid=vod-0]', 'playback after the scrub');
    await page.fill('[data-testid=bookmark-note]', 'e2e bookmark: vehicle stopped');
    await page.click('[data-testid=bookmark-add]');
    await until('the bookmark on the timeline', async () => (await page.$$('[data-testid=timeline-bookmark]')).length > 0, 10_000);
    await shot(page, 'playback');

    // 6. Export a range and see its hash.
    log('export');
    for (const close of await page.$$('[data-testid=toast] button')) await close.click();
    await page.click('[data-testid=export-start]');
    const sha = await until('the export hash', async () => {
      const toasts = await page.$$eval('[data-testid=toast]', (els) => els.map((e) => e.textContent));
      if (toasts.some((x) => !x.startsWith('Saved'))) throw Object.assign(new Error(`the export was refused: ${toasts.join(' | ')}`), { fatal: true });
      const el = await page.$('[data-testid=export-sha256]');
      const s = el ? (await el.textContent()).trim() : '';
      return /^[0-9a-f]{64}$/.test(s) ? s : null;
    }, 120_000, 500);
    const href = await page.getAttribute('[data-testid=export-download]', 'href');
    check(href, 'a download link');
    log(`  export sha256 ${sha}`);
    await shot(page, 'playback-export');

    // 7. Incidents and search.
    log('incidents and search');
    await page.click('[data-testid=nav-incidents]');
    const title = `E2E incident ${Date.now()}`;
    await page.fill('[data-testid=incident-title]', title);
    await page.click('[data-testid=incident-create]');
    await until('the incident shown', async () => (await page.textContent('[data-testid=incident-detail]'))?.includes(title), 10_000);
    await shot(page, 'incidents');
    await page.click('[data-testid=nav-search]');
    await page.fill('[data-testid=search-input]', 'incident');
    await page.press('[data-testid=search-input]', 'Enter');
    await until('search results', async () => (await page.textContent('[data-testid=search-results]'))?.includes('E2E incident'), 10_000);
    await shot(page, 'search');

    // 8. Analytics, monitoring, administration, status.
    log('analytics, monitoring, administration, status');
    await page.click('[data-testid=nav-analytics]');
    await page.waitForSelector('[data-testid=quota-now]');
    await page.waitForSelector('[data-testid=quota-24h]');
    await shot(page, 'analytics');
    await page.click('[data-testid=nav-monitoring]');
    await page.waitForSelector('[data-testid=monitoring-cameras]');
    await page.waitForSelector('[data-testid=monitoring-storage]');
    await shot(page, 'monitoring');
    await page.click('[data-testid=nav-admin]');
    await page.waitForSelector('[data-testid=admin-users] td');
    await shot(page, 'admin');
    await page.click('[data-testid=nav-status]');
    await until('every service up', async () => (await page.textContent('[data-testid=summary]')).includes('8 of 8'), 20_000);
    await shot(page, 'status');

    // 9. Arabic, right to left.
    log('Arabic');
    await page.click('[data-testid=nav-live]');
    await page.click('[data-testid=language]');
    await until('dir=rtl', async () => (await page.getAttribute('html', 'dir')) === 'rtl');
    check((await page.getAttribute('html', 'lang')) === 'ar', 'lang=ar');
    check((await page.textContent('[data-testid=nav-live]')) === 'البث المباشر', 'the menu in Arabic');
    await framesRise(page, '[data-testid=tile-0] video', 'tile 0 in Arabic');
    await shot(page, 'live-arabic');
    await page.click('[data-testid=language]');
    await until('dir=ltr', async () => (await page.getAttribute('html', 'dir')) === 'ltr');

    // 10. Sign out: the streams are released and the login page is back.
    log('sign out');
    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('input[name=username]');
    await context.close();
  } finally {
    await browser.close();
  }
  if (networkFailures.length) log(`requests answered >= 400 (expected ones included):\n  ${networkFailures.join('\n  ')}`);
  check(consoleErrors.length === 0, `no console errors, saw ${consoleErrors.length}:\n  ${consoleErrors.join('\n  ')}`);
  log('PASSED');
}

main().catch((e) => {
  log(`FAILED: ${e.stack ?? e}`);
  if (consoleErrors.length) log(`console errors:\n  ${consoleErrors.join('\n  ')}`);
  process.exit(1);
});
