// The agent inbox on a phone (issue 15 item 4) in Chromium at 390 px against
// a real tandem-desk: the list and the conversation are separate views,
// agent and customer bubbles differ in colour, side and label, the search box
// filters the list, and a new urgent conversation raises a notification once
// the agent turned alerts on; axe finds nothing serious in either view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AGENT_TOKEN, startDesk } from '../../web/tools/desk-process.mjs';
import { ROOT, launchBrowser, watchPage } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const EXAMPLE = JSON.parse(await readFile(path.join(ROOT, 'tests/data/bundles/example.json'), 'utf8'));
let desk;
let browser;

before(async () => {
  desk = await startDesk();
  browser = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await browser.context.grantPermissions(['notifications'], { origin: desk.url });
});

after(async () => {
  await browser?.close();
  await desk?.stop();
});

async function handoff(id, summary, priority, transcript = EXAMPLE.transcript) {
  const bundle = { ...EXAMPLE, id, summary, intent: { ...EXAMPLE.intent, priority }, transcript };
  const response = await fetch(`${desk.url}/v1/handoffs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(bundle),
  });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return JSON.parse(text);
}

async function agent(pathname, body) {
  const response = await fetch(`${desk.url}${pathname}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${AGENT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, await response.text());
}

async function seriousViolations(page) {
  // Evaluated by the driver, not as a page script: the page's CSP stays strict.
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async () => (await globalThis.axe.run(document)).violations
    .filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
}

test('the inbox at 390 px: two views, distinct bubbles, search, urgent alerts, axe clean', async () => {
  // A bot answer in the knowledge base's Markdown, as the widget sends it.
  const transcript = EXAMPLE.transcript.map((turn, i) => (i === 1 ? { ...turn, text: 'Open **Orders** → your order, or read [Refunds](https://lumenpay.example/help/refunds).' } : turn));
  const refund = await handoff('h_inbox_mobile_refund', 'Refund for order LP-48213 not received', 'high', transcript);
  await handoff('h_inbox_mobile_login', 'Cannot sign in after password reset', 'normal');
  await agent(`/v1/agent/conversations/${refund.conversation_id}/messages`, { text: 'Hello, I am looking into your refund now.' });

  const page = await browser.context.newPage();
  const problems = watchPage(page);
  // Records what the page asks of the Notification API (the real one still runs).
  await page.addInitScript(() => {
    const Real = window.Notification;
    window.shownNotifications = [];
    window.Notification = class extends Real {
      constructor(title, options) { super(title, options); window.shownNotifications.push({ title, body: options?.body }); }
    };
  });
  await page.goto(`${desk.url}/inbox?token=${AGENT_TOKEN}`);
  const rows = page.locator('#conversations a[data-id]');
  await rows.nth(1).waitFor();

  // The list view: the whole width, the conversation pane not squeezed beside it.
  const nav = await page.locator('nav').boundingBox();
  assert.ok(nav.width >= 380, `the list is ${nav.width} px wide`);
  assert.equal(await page.locator('#conversation').isVisible(), false);
  assert.deepEqual(await seriousViolations(page), []);

  // Search filters by summary words and by id.
  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('refund lp-48213');
  assert.deepEqual(await page.locator('#conversations li:not([hidden]) .summary').allTextContents(), ['Refund for order LP-48213 not received']);
  await search.fill(refund.conversation_id);
  assert.equal(await page.locator('#conversations li:not([hidden]) a[data-id]').getAttribute('data-id'), refund.conversation_id);
  await search.fill('no such words here');
  assert.equal(await page.locator('#conversations li:not([hidden])').count(), 0);
  await search.fill('');
  assert.equal(await page.locator('#conversations li:not([hidden])').count(), 2);

  // The conversation view: full width, a way back, bubbles told apart.
  await page.locator(`#conversations a[data-id="${refund.conversation_id}"]`).click();
  const pane = page.locator('#conversation');
  await pane.locator('.turn.agent').waitFor();
  assert.equal(await page.locator('nav').isVisible(), false);
  const paneBox = await pane.boundingBox();
  assert.ok(paneBox.width >= 380, `the conversation is ${paneBox.width} px wide`);
  const agentTurn = pane.locator('.turn.agent').first();
  const customerTurn = pane.locator('.turn.customer').first();
  assert.match(await agentTurn.locator('.who').innerText(), /^Agent$/);
  assert.match(await customerTurn.locator('.who').innerText(), /^Customer$/);
  assert.match(await pane.locator('.turn.bot').first().innerText(), /\nOpen Orders → your order, or read Refunds \(https:\/\/lumenpay\.example\/help\/refunds\)\.$/);
  const look = (turn) => turn.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return { background: getComputedStyle(node).backgroundColor, left: box.left, right: box.right, width: box.width };
  });
  const agentLook = await look(agentTurn);
  const customerLook = await look(customerTurn);
  assert.notEqual(agentLook.background, customerLook.background);
  assert.ok(agentLook.right > paneBox.x + paneBox.width - 30, 'the agent bubble sits on the right');
  assert.ok(customerLook.left < paneBox.x + 30, 'the customer bubble sits on the left');
  assert.ok(agentLook.width < paneBox.width - 40 && agentLook.width > 150, 'bubbles are readable, not one word wide');
  assert.deepEqual(await seriousViolations(page), []);
  await pane.locator('h3', { hasText: 'Transcript' }).evaluate((node) => node.scrollIntoView());
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/inbox-mobile.png') });

  await page.locator('.back').click();
  await page.locator('nav').waitFor();
  assert.equal(await pane.isVisible(), false);

  // Alerts are turned on by a click (a user gesture); then a new urgent
  // conversation is announced and notified.
  await page.getByRole('button', { name: 'Alert me to urgent conversations' }).click();
  await page.getByRole('button', { name: 'Urgent alerts on' }).waitFor();
  await handoff('h_inbox_mobile_fraud', 'Card used for purchases I did not make', 'urgent');
  await page.locator('#status').filter({ hasText: 'New urgent conversation: Card used for purchases I did not make' }).waitFor({ timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.shownNotifications),
    [{ title: 'Urgent conversation', body: 'Card used for purchases I did not make' }]);
  assert.equal(await page.locator('#conversations li.new .summary').innerText(), 'Card used for purchases I did not make');
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  await page.close();
});

test('the inbox at desktop width: the "Assigned to me" checkbox sits on its label\'s line', async () => {
  const desktop = await launchBrowser();
  try {
    const page = await desktop.context.newPage();
    await page.goto(`${desk.url}/inbox?token=${AGENT_TOKEN}`);
    const label = page.locator('label.mine');
    await label.waitFor();
    const checkbox = await page.getByLabel('Assigned to me').boundingBox();
    const text = await label.evaluate((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      range.setStartAfter(node.querySelector('input'));
      const box = range.getBoundingClientRect();
      return { left: box.left, top: box.top, bottom: box.bottom };
    });
    assert.ok(checkbox.width < 40, `the checkbox is ${checkbox.width} px wide`);
    assert.ok(checkbox.x + checkbox.width <= text.left, 'the checkbox is left of its words');
    const middle = checkbox.y + checkbox.height / 2;
    assert.ok(middle > text.top && middle < text.bottom, 'the checkbox is on the line of its words');
    await page.close();
  } finally {
    await desktop.close();
  }
});
