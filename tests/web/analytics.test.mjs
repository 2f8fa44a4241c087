// Issue 13 in Chromium against a real tandem-desk: scripted demo
// conversations produce the documented outcome events (docs/metrics.md), the
// desk's summary counts them, analytics="off" sends nothing, anonymous sends
// nothing the customer typed, and the satisfaction question works with the
// keyboard and passes axe.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { agentRequest, startDesk } from '../../web/tools/desk-process.mjs';
import { demoSuite, freshPage, openWidget, part, waitFor } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OUT_OF_SCOPE = 'zxqv blorp snark wibble 4111 1111 1111 1111';
const ASK_PERSON = 'I want to talk to a human agent please';

const suite = demoSuite({}, async (started) => {
  started.desk = await startDesk({ allowOrigins: [started.origin] });
});

// A demo page talking to the test desk, recording every request body and the
// element's tandem:outcome events.
async function chatPage(attributes = {}) {
  const page = await freshPage(suite.browser.context, suite.server.url);
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  await page.evaluate(
    ({ endpoint, extra }) => {
      const chat = document.querySelector('tandem-chat');
      chat.setAttribute('endpoint', endpoint);
      for (const [name, value] of Object.entries(extra)) chat.setAttribute(name, value);
      globalThis.outcomes = [];
      chat.addEventListener('tandem:outcome', (event) => globalThis.outcomes.push(event.detail));
    },
    { endpoint: `${suite.desk.url}/v1/handoffs`, extra: attributes },
  );
  await openWidget(page);
  const eventBodies = () => requests.filter((r) => r.url.endsWith('/v1/events')).map((r) => r.body);
  return { page, requests, eventBodies };
}

async function type(page, text) {
  const before = await part(page, 'message-bot').count();
  await part(page, 'input').fill(text);
  await part(page, 'input').press('Enter');
  await part(page, 'message-bot').nth(before).waitFor();
}

const outcomes = (page) => page.evaluate(() => globalThis.outcomes);
// What a browser does as the customer leaves: the page is hidden.
const leave = (page) => page.evaluate(() => globalThis.dispatchEvent(new PageTransitionEvent('pagehide')));

const DAY_MS = 86400000;

// The desk's figures for every conversation started around now.
async function summary() {
  const around = (days) => new Date(Date.now() + days * DAY_MS).toISOString();
  return agentRequest(suite.desk, 'GET', `/v1/agent/reports/summary?since=${around(-1)}&until=${around(1)}`);
}

test('a confirmed answer, a keyboard CSAT and the desk summary; no typed text leaves the page', async () => {
  const before = await summary();
  const { page, requests, eventBodies } = await chatPage();
  const typed = ['What are your opening hours?', 'thanks'];
  await type(page, typed[0]);
  await part(page, 'message-bot').last().locator('[data-feedback="yes"]').press('Enter');

  const form = part(page, 'csat');
  await form.waitFor();
  const group = form.locator('[role="group"]');
  assert.match(await group.getAttribute('aria-labelledby'), /^csat-/);
  assert.equal(await form.locator('button').count(), 5);
  assert.equal(await form.locator('[data-score="4"]').getAttribute('aria-label'), '4, satisfied');

  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  assert.deepEqual(violations, []);

  // Keyboard only: focus reaches the first score, Tab moves along, Space picks.
  await form.locator('[data-score="1"]').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('tandem-chat').shadowRoot.activeElement?.dataset.score), '4');
  await page.keyboard.press('Space');
  await form.getByRole('status').waitFor();
  await type(page, typed[1]); // a thanks after a confirmed answer changes nothing

  await leave(page);
  const events = await outcomes(page);
  assert.deepEqual(
    events.map((e) => e.type),
    ['conversation_started', 'answer_shown', 'feedback', 'csat_asked', 'csat', 'conversation_ended'],
  );
  const [started, answer, feedback, , csat, end] = events;
  assert.equal(started.origin, 'organic');
  assert.deepEqual([answer.intent, answer.kind], ['faq.support_hours', 'faq']);
  assert.match(answer.confidence, /^(high|medium|low)$/);
  assert.equal(feedback.helpful, true);
  assert.deepEqual([csat.by, csat.score], ['bot', 4]);
  assert.deepEqual([end.outcome, end.intent, end.repeat_7d], ['resolved_confirmed', 'faq.support_hours', false]);
  assert.equal(new Set(events.map((e) => e.conversation)).size, 1);
  assert.equal(new Set(events.map((e) => e.id)).size, events.length);

  const after = await waitFor(async () => {
    const now = await summary();
    return now.resolved_confirmed === before.resolved_confirmed + 1 && now.csat_bot_responses === before.csat_bot_responses + 1 && now;
  }, 'the desk to count the conversation');
  assert.equal(after.conversations, before.conversations + 1);

  assert.ok(eventBodies().length > 0, 'the events went out in a request the page made');
  for (const { url, body } of requests) {
    for (const text of typed) assert.ok(!body.includes(text), `${url} carried "${text}"`);
  }
  await page.close();
});

test('analytics="off": no event request, and the recorder is never fetched', async () => {
  const { page, requests } = await chatPage({ analytics: 'off' });
  await type(page, 'What are your opening hours?');
  await part(page, 'message-bot').last().locator('[data-feedback="yes"]').click();
  await type(page, OUT_OF_SCOPE);
  await leave(page);
  await page.evaluate(() => document.visibilityState); // a round trip after the beacon would have gone
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(requests.filter((r) => /\/v1\/events|tandem-analytics\.js/.test(r.url)).map((r) => r.url), []);
  assert.deepEqual(await outcomes(page), []);
  assert.equal(await part(page, 'csat').count(), 0);
  await page.close();
});

for (const mode of ['anonymous', 'full']) {
  test(`${mode}: an unanswered question then a handoff`, async () => {
    const before = await summary();
    const { page, eventBodies } = await chatPage({ analytics: mode });
    const decision = await page.evaluate((text) => document.querySelector('tandem-chat').send(text), OUT_OF_SCOPE);
    assert.equal(decision.action, 'fallback', 'the test needs an unanswerable message');
    await type(page, ASK_PERSON);
    await leave(page);
    const events = await outcomes(page);
    assert.deepEqual(events.map((e) => e.type), ['conversation_started', 'fallback', 'handoff', 'conversation_ended']);
    const [, fallback, handoff, end] = events;
    assert.equal(handoff.reason, 'asked_for_person');
    assert.equal(end.outcome, 'handed_off');
    if (mode === 'full') {
      // The engine's redacted words: the card number is masked before it leaves.
      assert.match(fallback.question, /zxqv blorp snark/);
      assert.ok(!fallback.question.includes('4111 1111 1111 1111'), fallback.question);
    } else {
      assert.equal(fallback.question, undefined);
    }
    await waitFor(async () => (await summary()).handoffs_by_reason.asked_for_person === (before.handoffs_by_reason.asked_for_person ?? 0) + 1, 'the handoff to be counted');
    const bodies = eventBodies().join('\n');
    assert.ok(!bodies.includes(ASK_PERSON));
    if (mode === 'anonymous') assert.ok(!bodies.includes('zxqv'), 'anonymous events carry no typed text');
    await page.close();
  });
}
