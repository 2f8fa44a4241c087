// Shared set-up for the browser tests: the built demo (build/web, or
// $TANDEM_WEB_DIR) served on loopback, and Debian's Chromium driven by
// playwright-core with a throwaway profile.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.resolve(ROOT, process.env.TANDEM_WEB_DIR ?? 'build/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(contextOptions = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'tandem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// A copy of the built site that a test may alter (e.g. break the model).
export async function siteCopy() {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-site-'));
  await cp(WEB_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function serve(options = {}) {
  return startServer({ root: WEB_DIR, ...options });
}

// Records every console error and failed request, so tests can assert none.
export function watchPage(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export const widget = (page) => page.locator('tandem-chat');
export const part = (page, name) => page.locator(`tandem-chat >> [part~="${name}"]`);

export async function openWidget(page) {
  await part(page, 'launcher').click();
  await part(page, 'input').waitFor({ state: 'visible' });
}

// Sends through the element API and returns the decision.
export function ask(page, text) {
  return page.evaluate((message) => document.querySelector('tandem-chat').send(message), text);
}

// Types into the widget like a customer and waits for the bot's answer.
export async function typeAndSend(page, text) {
  const before = await part(page, 'message-bot').count();
  await part(page, 'input').fill(text);
  await part(page, 'input').press('Enter');
  await part(page, 'message-bot').nth(before).waitFor();
  return part(page, 'message-bot').nth(before);
}

// A page on the demo with no conversation stored from an earlier test.
export async function freshPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

// check()'s first truthy value, asked every 100 ms for at most 10 s (what: for the error).
export async function waitFor(check, what) {
  for (let i = 0; i < 100; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// The first of several messages that the engine answers with a clarifying
// question, so the test survives retraining that moves one of them.
export const AMBIGUOUS_MESSAGES = [
  'help with my account',
  'payment',
  'a problem with my account',
  'question about my card',
  'change',
];

export async function findClarification(page) {
  for (const text of AMBIGUOUS_MESSAGES) {
    const decision = await ask(page, text);
    if (decision.action === 'clarify') return { text, decision };
  }
  return null;
}

// Resolves once the panel's opening animation is over (measurements and
// contrast checks mid-fade would see a half-transparent panel).
export function panelSettled(page) {
  return page.waitForFunction(() => {
    const panel = document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="panel"]');
    return !panel.hidden && panel.getAnimations().length === 0;
  });
}

// The demo served and one browser for a whole test file, stopped after it:
// `const suite = demoSuite();` then suite.server, suite.origin and
// suite.browser in tests. `setUp(suite)` runs once they are there (node:test
// may start a file's top-level hooks together); a `suite.desk` it starts is
// stopped with the rest.
export function demoSuite(contextOptions = {}, setUp = async () => {}) {
  const suite = {};
  before(async () => {
    suite.server = await serve();
    suite.origin = new URL(suite.server.url).origin;
    suite.browser = await launchBrowser(contextOptions);
    await setUp(suite);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.desk?.stop();
    await suite.server?.close();
  });
  return suite;
}
