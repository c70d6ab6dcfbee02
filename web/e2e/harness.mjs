// Shared set-up for vigil's browser tests: the running server (started by
// scripts/web-test.sh, restarted here when a test needs it), the API keys it
// was given, Chromium driven by playwright-core, and screenshots.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

function env(name, fallback) {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set: run the browser tests through scripts/web-test.sh`);
  return v;
}

export const baseURL = env('VIGIL_URL');
export const keys = {
  admin: env('VIGIL_ADMIN_KEY'),
  analyst: env('VIGIL_ANALYST_KEY'),
  viewer: env('VIGIL_VIEWER_KEY'),
};
export const screenshotDir = path.resolve(env('VIGIL_SCREENSHOTS', path.join(here, '..', '..', 'docs', 'screenshots')));
mkdirSync(screenshotDir, { recursive: true });

// Calls the API directly (for set-up and for checking what the server stored).
export async function api(method, route, key, body) {
  const res = await fetch(baseURL + route, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

export async function waitReady(timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    try {
      const res = await fetch(baseURL + '/readyz');
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vigil serve at ${baseURL} not ready after ${timeoutMs} ms (${last})`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Stops the server with SIGTERM (graceful: in-flight requests finish, the
// store closes) and starts it again with the same command line and database.
export async function restartServer() {
  const pidFile = env('VIGIL_SERVE_PIDFILE');
  const argv = JSON.parse(env('VIGIL_SERVE_ARGV'));
  const log = env('VIGIL_SERVE_LOG');
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  process.kill(pid, 'SIGTERM');
  const end = Date.now() + 30_000;
  while (alive(pid)) {
    if (Date.now() > end) throw new Error(`vigil serve (pid ${pid}) did not stop within 30 s of SIGTERM`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const out = openSync(log, 'a');
  const child = spawn(argv[0], argv.slice(1), {
    cwd: env('VIGIL_SERVE_CWD'),
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  await waitReady();
}

// Chromium from Debian, headless, with a fresh profile; the flags keep it from
// reaching for the network (connections outside loopback are refused here).
export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    baseURL,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// A new tab signed in with `role`'s key through the login form.
export async function signIn(context, role) {
  const page = await context.newPage();
  await page.goto('/ui/login');
  await page.getByLabel('API key').fill(keys[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('whoami').getByText(role, { exact: true }).waitFor();
  return page;
}

export async function shot(page, name, { fullPage = true } = {}) {
  // Let charts and fonts settle so the picture shows the finished page.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}
