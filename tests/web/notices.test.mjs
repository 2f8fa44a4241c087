// After-sales notices (issue 14 item 4) in Chromium: element.notify() shows a
// badge and a card per notice, capped and without duplicates, holds them while
// a person has the conversation, forgets dismissed ones, and opening one
// starts a conversation about its order. Then the demo page's demo sign-in
// against a real lumenpay-api: the customer's own notices reach the widget.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../web/tools/serve.mjs';
import { startShopApi } from '../../web/tools/shop-api-process.mjs';
import { ask, freshPage, launchBrowser, openWidget, part, serve, siteCopy } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ASK_PERSON = 'I want to talk to a human agent please';
const LATE = 'why is my delivery delayed?';
const DISPUTE = 'I want to dispute a charge';

const notice = (id, fields = {}) => ({
  id,
  kind: 'shipment_delayed',
  title: `Notice ${id}`,
  text: `Order LP-000124 is held at the depot (${id}).`,
  order_id: 'LP-000124',
  ...fields,
});

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The demo page without a desk: a handoff stays with the page (no network).
async function page() {
  const p = await freshPage(browser.context, server.url);
  await p.evaluate(() => {
    const chat = document.querySelector('tandem-chat');
    chat.removeAttribute('endpoint');
    window.noticeEvents = [];
    window.outcomes = [];
    window.handoffs = [];
    chat.addEventListener('tandem:notice', (e) => window.noticeEvents.push(e.detail));
    chat.addEventListener('tandem:outcome', (e) => window.outcomes.push(e.detail));
    chat.addEventListener('tandem:handoff', (e) => window.handoffs.push(e.detail));
  });
  return p;
}

const notify = (p, n) => p.evaluate((value) => document.querySelector('tandem-chat').notify(value), n);
const badge = (p) => part(p, 'notice-badge');
const cardTitles = (p) => part(p, 'notice').locator('.notice-title').allInnerTexts();

test('notify() shows a badge and a card per notice, at most 3, ignoring duplicates and refusing malformed ones', async () => {
  const p = await page();
  const queued = [];
  for (const n of [notice('a'), notice('b'), notice('a'), notice('c', { order_id: null }), notice('d')]) queued.push(await notify(p, n));
  assert.deepEqual(queued, [true, true, false, true, false]);
  assert.equal(await badge(p).innerText(), '3');
  assert.equal(await part(p, 'panel').isHidden(), true, 'a notice never opens the panel by itself');
  const described = await p.evaluate(() => {
    const root = document.querySelector('tandem-chat').shadowRoot;
    return root.getElementById(root.querySelector('[part~="launcher"]').getAttribute('aria-describedby')).textContent;
  });
  assert.equal(described, '3 new notices');
  const refused = await p.evaluate(async () => {
    const chat = document.querySelector('tandem-chat');
    const reasons = [];
    for (const bad of [null, { id: 'x', kind: 'k', title: 't' }, { id: 'x', kind: 'k', title: 'x'.repeat(121), text: 't' }, { id: 7, kind: 'k', title: 't', text: 't' }]) {
      reasons.push(await chat.notify(bad).then(() => 'accepted', (e) => `${e.name}: ${e.message}`));
    }
    return reasons;
  });
  assert.deepEqual(refused, [
    'TypeError: notify(): expected { id, kind, title, text, order_id? }',
    'TypeError: notify(): text must be a non-empty string',
    'TypeError: notify(): title is longer than 120 characters',
    'TypeError: notify(): id must be a non-empty string',
  ]);
  assert.equal(await badge(p).innerText(), '3', 'refused notices change nothing');
  await openWidget(p);
  assert.deepEqual(await cardTitles(p), ['Notice a', 'Notice b', 'Notice c']);
  const shown = await p.evaluate(() => window.noticeEvents);
  assert.deepEqual(shown, ['a', 'b', 'c'].map((id) => ({ id, action: 'shown' })));
  await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], 'the badge and the cards pass axe');
  await p.close();
});

test('notify() rejects before the element is in the page, and after a failed fetch of its code tries again', async () => {
  const p = await page();
  const detached = await p.evaluate(() => document.createElement('tandem-chat').notify({ id: 'x', kind: 'k', title: 't', text: 't' }).then(() => 'queued', (e) => e.message));
  assert.equal(detached, 'notify(): add the element to the page first');
  await p.route('**/tandem-notices.js', (route) => route.abort());
  await assert.rejects(notify(p, notice('a')));
  await p.unroute('**/tandem-notices.js');
  assert.equal(await notify(p, notice('a')), true);
  assert.equal(await badge(p).innerText(), '1');
  await p.close();
});

test('a dismissed notice leaves, frees its place and stays dismissed after a reload', async () => {
  const p = await page();
  for (const id of ['a', 'b', 'c']) assert.equal(await notify(p, notice(id)), true);
  await openWidget(p);
  await part(p, 'notice').filter({ hasText: 'Notice a' }).locator('[part~="notice-dismiss"]').click();
  assert.deepEqual(await cardTitles(p), ['Notice b', 'Notice c']);
  assert.equal(await badge(p).innerText(), '2');
  assert.deepEqual((await p.evaluate(() => window.noticeEvents)).at(-1), { id: 'a', action: 'dismissed' });
  assert.equal(await notify(p, notice('d')), true, 'the cap counts notices still showing');
  await p.reload();
  assert.equal(await notify(p, notice('a')), false, 'a dismissed notice does not come back');
  assert.equal(await notify(p, notice('b')), true, 'one not dismissed shows again after a reload');
  await p.close();
});

test('notices wait while a person has the conversation and show once it is back with the assistant', async () => {
  const p = await page();
  assert.equal(await notify(p, notice('before')), true);
  await openWidget(p);
  assert.deepEqual(await cardTitles(p), ['Notice before']);
  assert.equal((await ask(p, ASK_PERSON)).action, 'handoff');
  assert.equal(await part(p, 'notice').count(), 0, 'a showing notice steps aside for the person');
  assert.equal(await badge(p).isHidden(), true);
  assert.equal(await notify(p, notice('held')), true);
  assert.equal(await badge(p).isHidden(), true);
  assert.equal(await part(p, 'notice').count(), 0);
  assert.deepEqual((await p.evaluate(() => window.noticeEvents)).map((e) => e.id), ['before'], 'held, so not announced');
  await p.evaluate(() => document.querySelector('tandem-chat').returnToBot());
  await part(p, 'notice').nth(1).waitFor();
  assert.deepEqual(await cardTitles(p), ['Notice before', 'Notice held']);
  assert.equal(await badge(p).innerText(), '2');
  await p.close();
});

test('opening a notice starts a conversation about its order: the order number is not asked for again', async () => {
  // Without the notice, a dispute asks which order first.
  const control = await page();
  const unknown = await ask(control, DISPUTE);
  assert.equal(unknown.action, 'collect', JSON.stringify(unknown));
  assert.equal(unknown.asking_for, 'order_id', JSON.stringify(unknown));
  await control.close();

  const p = await page();
  await notify(p, notice('late', { title: 'Your Harbor Books parcel is delayed' }));
  await part(p, 'launcher').click();
  await part(p, 'notice-open').click();
  await part(p, 'message-bot').filter({ hasText: 'Your Harbor Books parcel is delayed' }).waitFor();
  assert.equal(await part(p, 'notice').count(), 0, 'an opened notice leaves the list');
  const started = (await p.evaluate(() => window.outcomes)).filter((e) => e.type === 'conversation_started');
  assert.deepEqual(started.map((e) => e.origin), ['notice']);
  assert.deepEqual((await p.evaluate(() => window.noticeEvents)).at(-1), { id: 'late', action: 'opened' });
  assert.equal(await badge(p).isHidden(), true);
  // Reloaded before the customer says anything, the conversation keeps the order.
  await p.reload();
  await p.evaluate(() => {
    window.handoffs = [];
    document.querySelector('tandem-chat').addEventListener('tandem:handoff', (e) => window.handoffs.push(e.detail));
  });
  await part(p, 'message-bot').filter({ hasText: 'Your Harbor Books parcel is delayed' }).waitFor();
  assert.equal((await ask(p, LATE)).intent, 'order_tracking');
  const dispute = await ask(p, DISPUTE);
  assert.equal(dispute.action, 'collect', JSON.stringify(dispute));
  assert.notEqual(dispute.asking_for, 'order_id', 'the notice told it which order');
  assert.equal((await ask(p, ASK_PERSON)).action, 'handoff');
  const [bundle] = await p.evaluate(() => window.handoffs);
  assert.deepEqual(bundle.details.order_id, { value: 'LP-000124', turn: 0 }, 'the person taking over sees the order, from the notice at turn 0');
  assert.equal(bundle.transcript[0].role, 'bot');
  assert.match(bundle.transcript[0].text, /^Your Harbor Books parcel is delayed\. Order LP-000124 is held/, 'and what the customer was shown');
  assert.equal(await notify(p, notice('late')), false, 'an opened notice does not come back');
  await p.close();
});

test('the demo sign-in calls the shop API, shows the customer and hands their notices to the widget', async () => {
  const site = await siteCopy();
  const shop = await startServer({ root: site.dir });
  const origin = new URL(shop.url).origin;
  const api = await startShopApi({ allowOrigins: [origin] });
  try {
    const index = path.join(site.dir, 'index.html');
    const html = await readFile(index, 'utf8');
    await writeFile(index, html.replace(/name="lumenpay-api" content="[^"]*"/, `name="lumenpay-api" content="${api.url}"`));
    const p = await freshPage(browser.context, shop.url);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('button', { name: /Ada Lovelace/ }).click();
    await p.locator('[data-signed-in]').getByText('Ada Lovelace').waitFor();
    await badge(p).waitFor();
    assert.equal(await badge(p).innerText(), '3');
    await openWidget(p);
    const titles = await cardTitles(p);
    assert.equal(titles.length, 3);
    assert.equal(titles[0], 'Your Harbor Books parcel is delayed');
    assert.match(titles[1], /^Next instalment on \d{4}-\d{2}-\d{2}$/);
    assert.equal(titles[2], 'Refund sent for LP-000118');
    const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /eyJ/, 'no token in web storage');
    await p.reload();
    await p.locator('[data-signed-in]').getByText('Ada Lovelace').waitFor();
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByRole('button', { name: 'Sign in' }).waitFor();
    await api.stop();
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('alert').filter({ hasText: 'Sign-in is unavailable' }).waitFor();
    await p.close();
  } finally {
    await api.stop();
    await shop.close();
    await site.remove();
  }
});
