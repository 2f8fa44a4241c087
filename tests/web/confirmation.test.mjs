// "Did you mean X?" in the real widget: a question just below the engine's
// answer threshold gets a one-choice confirmation with three chips; yes
// answers, "something else" asks for other words (a second no hands off),
// "talk to a person" hands off at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSuite, freshPage, openWidget, part, typeAndSend, watchPage } from './harness.mjs';

const suite = demoSuite();
// Below the demo's answer threshold, but clearly the prepaid cards FAQ.
const NEAR_THRESHOLD = 'can I use a prepaid visa for this';

async function confirmation(page) {
  await openWidget(page);
  const reply = await typeAndSend(page, NEAR_THRESHOLD);
  assert.equal(await reply.getAttribute('data-action'), 'clarify');
  assert.match(await reply.innerText(), /Did you mean:? .*prepaid/i);
  const chips = part(page, 'suggestion');
  assert.deepEqual(
    await chips.evaluateAll((all) => all.map((c) => [c.dataset.id, c.textContent])),
    [
      ['faq.prepaid_cards', 'Yes'],
      ['tandem:other', 'Something else'],
      ['tandem:person', 'Talk to a person'],
    ],
  );
  return chips;
}

async function click(page, chips, name) {
  const before = await part(page, 'message-bot').count();
  await chips.getByText(name, { exact: true }).click();
  await part(page, 'message-bot').nth(before).waitFor();
  return part(page, 'message-bot').nth(before);
}

test('yes on a confirmation answers the offered FAQ', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  const problems = watchPage(page);
  const replies = page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        document.querySelector('tandem-chat').addEventListener('tandem:reply', (e) => {
          seen.push(e.detail);
          if (seen.length === 2) resolve(seen);
        });
      }),
  );
  const chips = await confirmation(page);
  const answer = await click(page, chips, 'Yes');
  assert.equal(await answer.getAttribute('data-action'), 'answer');
  const [offered, answered] = await replies;
  assert.deepEqual(offered.confirm, { id: 'faq.prepaid_cards', label: offered.confirm.label });
  assert.equal(answered.intent, 'faq.prepaid_cards');
  assert.equal(await part(page, 'suggestion').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('something else asks for other words; a second no hands off, never a loop', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await page.evaluate(() => document.querySelector('tandem-chat').removeAttribute('endpoint'));
  const chips = await confirmation(page);
  const rephrase = await click(page, chips, 'Something else');
  assert.equal(await rephrase.getAttribute('data-action'), 'fallback');
  assert.match(await rephrase.innerText(), /other words.*person/);
  await typeAndSend(page, NEAR_THRESHOLD);
  const handoff = await typeAndSend(page, 'no');
  assert.equal(await handoff.getAttribute('data-action'), 'handoff');
  await page.close();
});

test('talk to a person on a confirmation hands off with the need in the bundle', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await page.evaluate(() => document.querySelector('tandem-chat').removeAttribute('endpoint'));
  const bundle = page.evaluate(
    () => new Promise((resolve) => document.querySelector('tandem-chat').addEventListener('tandem:handoff', (e) => resolve(e.detail))),
  );
  const chips = await confirmation(page);
  const handoff = await click(page, chips, 'Talk to a person');
  assert.equal(await handoff.getAttribute('data-action'), 'handoff');
  const { reason, transcript } = await bundle;
  assert.equal(reason.code, 'asked_for_person');
  assert.ok(transcript.some((turn) => turn.action === 'clarify' && turn.intent === 'faq.prepaid_cards'));
  assert.equal(transcript.at(-2).text, 'Talk to a person');
  await page.close();
});
