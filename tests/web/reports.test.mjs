// The agents' reports page (issue 13 item 4) in Chromium against a real
// tandem-desk: the figures of posted events, drawn under the desk's strict
// CSP with no console error, and the previous period beside them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { AGENT_TOKEN, startDesk } from '../../web/tools/desk-process.mjs';
import { launchBrowser, watchPage } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let desk;
let browser;

before(async () => {
  desk = await startDesk();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await desk?.stop();
});

function conversation(n, day, steps) {
  const id = `v_report_${n}`;
  return steps.map(([type, fields], i) => ({ id: `e_report_${n}_${i}`, conversation: id, type, time: `${day}T10:0${i}:00Z`, ...fields }));
}

async function post(events) {
  const response = await fetch(`${desk.url}/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ schema: 'tandem.events/1', events }),
  });
  assert.equal(response.status, 200, await response.text());
}

test('the reports page draws the period and the one before it', async () => {
  const answer = (intent) => ['answer_shown', { intent, kind: 'intent', confidence: 'high' }];
  await post([
    ...conversation(1, '2026-11-03', [['conversation_started', { origin: 'organic' }], answer('refund_status'), ['conversation_ended', { outcome: 'resolved_confirmed', intent: 'refund_status' }], ['csat', { by: 'bot', score: 5 }]]),
    ...conversation(2, '2026-11-04', [['conversation_started', { origin: 'organic' }], answer('refund_status'), ['conversation_ended', { outcome: 'resolved_confirmed', intent: 'refund_status' }], ['csat', { by: 'bot', score: 3 }]]),
    ...conversation(3, '2026-11-05', [['conversation_started', { origin: 'organic' }], ['handoff', { reason: 'sensitive', intent: 'billing_dispute' }]]),
    // The previous period (2026-10-27 .. 11-03): one abandoned conversation.
    ...conversation(4, '2026-10-30', [['conversation_started', { origin: 'notice' }], ['fallback', { reason: 'out_of_scope' }], ['conversation_ended', { outcome: 'abandoned' }]]),
  ]);
  const page = await browser.context.newPage({ acceptDownloads: true });
  const problems = watchPage(page);
  await page.goto(`${desk.url}/inbox?token=${AGENT_TOKEN}`);
  await page.goto(`${desk.url}/reports?since=2026-11-03&until=2026-11-10&tz=%2B00:00`);
  await page.locator('#status').filter({ hasText: '3 conversations' }).waitFor();

  const tile = async (label) => page.locator('#tiles div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent();
  assert.equal(await tile('Conversations'), '3 (1)');
  assert.equal(await tile('Automated resolution'), '66.7 % (0.0 %)');
  assert.equal(await tile('Handoff rate'), '33.3 % (0.0 %)');
  assert.equal(await tile('CSAT bot'), '4 (–)');
  assert.equal(await page.locator('#days svg[role="img"] rect').count(), 3 * 5, 'one stack of five outcomes per day');
  assert.match(await page.locator('#reasons').textContent(), /sensitive1/);
  assert.deepEqual(await page.locator('#intents tbody tr td:first-child').allTextContents(), ['refund_status', 'billing_dispute']);
  const behind = await page.locator('#tiles div').filter({ has: page.getByText('Handoff rate', { exact: true }) }).locator('dd a').getAttribute('href');
  const drilled = await page.evaluate(async (href) => (await fetch(href)).json(), behind);
  assert.equal(drilled.count, 1);
  assert.equal(drilled.conversations[0].conversation, 'v_report_3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^intent,conversations,/);
  assert.match(csv, /\nrefund_status,2,2,0,0,0,1,0,4\n/);

  assert.deepEqual(problems, [], 'no CSP violation or script error');

  // Evaluated by the driver, not as a page script: the page's CSP stays strict.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document)).violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id));
  assert.deepEqual(violations, []);
  await page.close();
});

test('knowledge gaps show what the bot failed on, an agent reply as a draft, and suggestions for kb.json', async () => {
  const bundle = JSON.parse(await readFile(new URL('../data/bundles/example.json', import.meta.url), 'utf8'));
  bundle.id = 'h_reports_gap_1';
  bundle.reason = { code: 'low_confidence', detail: 'The bot did not understand twice.' };
  bundle.intent.candidates = [{ id: 'faq.vouchers', kind: 'faq', confidence: 0.21 }];
  bundle.answers_tried = [];
  bundle.transcript = [
    { role: 'customer', text: 'can I pay with a gift card?', time: bundle.created_at },
    { role: 'bot', text: 'Sorry, could you say it another way?', time: bundle.created_at, intent: 'faq.vouchers', confidence: 0.21, action: 'fallback' },
    { role: 'customer', text: 'a person please', time: bundle.created_at },
    { role: 'bot', text: 'Passing you to the team.', time: bundle.created_at, intent: 'human_agent', confidence: 0.93, action: 'handoff' },
  ];
  const created = await fetch(`${desk.url}/v1/handoffs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(bundle) });
  const body = await created.text();
  assert.equal(created.status, 201, body);
  const { conversation_id: id } = JSON.parse(body);
  const reply = await fetch(`${desk.url}/v1/agent/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${AGENT_TOKEN}` },
    body: JSON.stringify({ text: 'Yes: enter the gift card code at checkout.' }),
  });
  assert.equal(reply.status, 201, await reply.text());

  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  const page = await browser.context.newPage({ acceptDownloads: true });
  const problems = watchPage(page);
  await page.goto(`${desk.url}/inbox?token=${AGENT_TOKEN}`);
  await page.goto(`${desk.url}/reports?since=${day(-1)}&until=${day(1)}&tz=%2B00:00`);
  const row = page.locator('#gaps tbody tr').filter({ hasText: 'faq.vouchers' });
  await row.waitFor();
  assert.match(await row.textContent(), /can I pay with a gift card\? \(×1\)/);
  assert.match(await row.textContent(), /enter the gift card code at checkout/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#suggestions').click()]);
  const suggestions = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(suggestions.schema, 'tandem.kb-suggestions/1');
  assert.deepEqual(suggestions.suggestions.map((s) => s.faq), [
    { id: 'faq.gap-can-i-pay-with-a-gift-card', questions: ['can I pay with a gift card?'], answer: 'Yes: enter the gift card code at checkout.' },
  ]);
  assert.deepEqual(problems, [], 'no CSP violation or script error');
  await page.close();
});
