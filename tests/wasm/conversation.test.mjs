// The conversation API of the wasm module (docs/wasm.md, "Conversations"):
// the core's policy over a session held by the engine, the session as JSON to
// persist and restore, and the handoff bundle built (and redacted) in the core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadWasmEngine, trainDemoModel } from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs/handoff-bundle.schema.json'), 'utf8'));
const CONTEXT = { now_ms: Date.UTC(2025, 10, 25, 14, 2, 58), today: '2025-11-25', order_id_prefix: 'LP-' };
const CARD = '4111 1111 1111 1111';

let modelBytes;
before(() => {
  modelBytes = new Uint8Array(fs.readFileSync(trainDemoModel()));
});

async function fresh() {
  const { engine } = await loadWasmEngine(modelBytes);
  engine.conversation.restore(null);
  return engine;
}

// Talks until the bot hands off (a person is asked for outright at the end).
function talkToHandoff(engine) {
  const first = engine.conversation.respond(`I was charged twice, my card ${CARD}`, CONTEXT);
  assert.equal(first.mode, 'bot');
  const last = engine.conversation.respond('I want to talk to a human agent please', CONTEXT);
  assert.equal(last.reply.action, 'handoff');
  assert.equal(last.mode, 'human');
  return last;
}

test('respond() answers with the keys of decide() and returns the session to persist', async () => {
  const engine = await fresh();
  const answer = engine.conversation.respond('What are your opening hours?', CONTEXT);
  const decision = engine.decide('What are your opening hours?');
  assert.equal(answer.reply.action, 'answer');
  assert.equal(answer.reply.intent, decision.intent);
  assert.equal(answer.reply.reply, decision.reply);
  assert.equal(answer.mode, 'bot');
  assert.deepEqual(
    answer.session.turns.map((turn) => turn.role),
    ['customer', 'bot'],
  );
  assert.equal(typeof answer.reply.turn, 'number');
  engine.dispose();
});

test('a restored session carries on where it was, in another engine', async () => {
  const first = await fresh();
  const { session } = first.conversation.respond('What are your opening hours?', CONTEXT);
  first.dispose();
  const second = await fresh();
  second.conversation.restore(session);
  const answer = second.conversation.respond('Do you have a mobile app?', CONTEXT);
  assert.equal(answer.session.turns.length, 4);
  assert.equal(answer.session.turns[0].text, 'What are your opening hours?');
  second.dispose();
});

test('a damaged session is refused with the core message and replaced by a fresh one', async () => {
  const engine = await fresh();
  assert.throws(() => engine.conversation.restore({ version: 99, turns: 'no' }), /./);
  const answer = engine.conversation.respond('What are your opening hours?', CONTEXT);
  assert.equal(answer.session.turns.length, 2);
  engine.dispose();
});

test('after a handoff the bot is silent and the bundle is built, schema-shaped and redacted', async () => {
  const engine = await fresh();
  talkToHandoff(engine);
  const quiet = engine.conversation.respond('hello? are you there?', CONTEXT);
  assert.equal(quiet.mode, 'human');
  assert.equal(quiet.reply.reply, '');

  const { bundle } = engine.conversation.bundle({
    id: 'h_test_0001',
    created_at_ms: CONTEXT.now_ms,
    page: { url: 'https://shop.example.com/', title: 'Shop', locale: 'en-GB', user_agent: 'test' },
    customer: {},
  });
  assert.equal(bundle.schema, schema.properties.schema.const ?? 'tandem.handoff/1');
  assert.equal(bundle.id, 'h_test_0001');
  assert.equal(bundle.created_at, '2025-11-25T14:02:58.000Z');
  assert.equal(bundle.page.url, 'https://shop.example.com/');
  for (const key of schema.required) assert.ok(key in bundle, `bundle has ${key}`);
  const text = JSON.stringify(bundle);
  assert.ok(!text.includes(CARD) && !text.includes(CARD.replaceAll(' ', '')), 'no card number in clear');
  assert.ok(bundle.redactions.some((r) => r.kind === 'card_number'));
  engine.dispose();
});

test('a bad bundle id and a bundle without a handoff are errors, not bundles', async () => {
  const engine = await fresh();
  assert.throws(() => engine.conversation.bundle({ id: 'h_test_0002', created_at_ms: 0 }), /handoff/);
  talkToHandoff(engine);
  assert.throws(() => engine.conversation.bundle({ id: 'bad id!', created_at_ms: 0 }), /id/);
  engine.dispose();
});

test('agent turns are recorded and return_to_bot gives the customer the bot back', async () => {
  const engine = await fresh();
  talkToHandoff(engine);
  const withAgent = engine.conversation.agentMessage('Hi, I am Sam from support.', CONTEXT);
  assert.equal(withAgent.session.turns.at(-1).role, 'agent');
  const back = engine.conversation.returnToBot();
  assert.equal(back.mode, 'bot');
  const answer = engine.conversation.respond('What are your opening hours?', CONTEXT);
  assert.equal(answer.reply.action, 'answer');
  engine.dispose();
});

test('feedback names a bot turn; an unknown turn is an error', async () => {
  const engine = await fresh();
  const { reply } = engine.conversation.respond('What are your opening hours?', CONTEXT);
  const helpful = engine.conversation.feedback(reply.turn, true, CONTEXT);
  assert.equal(helpful.reply, null);
  assert.throws(() => engine.conversation.feedback(999, true, CONTEXT), /./);
  engine.dispose();
});

test('a chip is chosen by id: the intent is taken up with its labels, not re-classified', async () => {
  const engine = await fresh();
  const clarify = engine.conversation.respond("I never agreed to this, there's a $75 plan on my account", CONTEXT);
  assert.equal(clarify.reply.action, 'clarify');
  assert.ok(clarify.reply.choices.every((c) => typeof c.id === 'string' && typeof c.label === 'string'));
  const dispute = clarify.reply.choices.find((c) => c.id === 'billing_dispute');
  assert.equal(dispute.label, 'Dispute a charge');
  const chosen = engine.conversation.choose('billing_dispute', CONTEXT);
  assert.equal(chosen.reply.intent, 'billing_dispute');
  assert.equal(chosen.reply.action, 'collect');
  assert.equal(chosen.reply.asking_for, 'order_id');
  assert.equal(chosen.session.turns.at(-2).text, 'Dispute a charge');
  assert.throws(() => engine.conversation.choose('no_such_intent', CONTEXT), /no intent or FAQ/);
  engine.dispose();
});

test('info() gives the knowledge base name, locale and its own words', async () => {
  const engine = await fresh();
  const info = engine.info();
  assert.equal(info.name, 'Lumen Pay support');
  assert.equal(info.locale, 'en');
  assert.match(info.messages.greeting, /Lumen Pay assistant/);
  assert.match(info.messages.contact, /help@lumenpay\.example/);
  assert.equal(typeof info.messages.placeholder, 'string');
  assert.deepEqual(engine.conversation.info(), info);
  engine.dispose();
});

test('a version 1 session restores, and text stored in clear comes back masked', async () => {
  const engine = await fresh();
  const v1 = {
    version: 1, mode: 'bot', dropped_turns: 0,
    turns: [{ role: 'customer', text: `my card ${CARD} and customer LC123456`, time: 1 }],
    details: {}, answers: [], redactions: [], low_confidence_turns: 1, failures: 1,
    frustration: 0.2, collecting: '', collect_misses: 0, handoff: null,
  };
  engine.conversation.restore(v1);
  const { session } = engine.conversation.respond('hello', CONTEXT);
  const stored = JSON.stringify(session);
  assert.equal(session.version, 3); // restored sessions are saved in the current format
  assert.ok(!stored.includes(CARD) && !stored.includes('LC123456'), stored);
  assert.equal(session.turns.length, 3);
  engine.dispose();
});

test('remember() records what the page showed and keeps its detail, so it is never asked for; what is not one is refused', async () => {
  const engine = await fresh();
  const shown = 'Your parcel is delayed. Order LP-000124 is held at the depot.';
  assert.throws(() => engine.conversation.remember('order_id', 'soon', shown, CONTEXT), /remember: 'soon' is not one order_id/);
  assert.throws(() => engine.conversation.remember('order_id', 'LP-000124', '', CONTEXT), /shown has no words/);
  assert.throws(() => engine.conversation.remember('colour', 'red', shown, CONTEXT), /remember: unknown detail type 'colour'/);
  const kept = engine.conversation.remember('order_id', 'LP-000124', shown, CONTEXT);
  assert.deepEqual(kept.session.details.order_id, { value: 'LP-000124', text: '', turn: 0 });
  assert.deepEqual(kept.session.turns.map((t) => [t.role, t.text, t.action]), [['bot', shown, 'answer']]);
  engine.conversation.restore(kept.session); // a session saved right after it restores
  const dispute = engine.conversation.respond('I want to dispute a charge', CONTEXT);
  assert.equal(dispute.reply.action, 'collect');
  assert.notEqual(dispute.reply.asking_for, 'order_id');
  engine.dispose();
});

test("a sensitive need's own answer (its advice meanwhile) is shown once, before its first question", async () => {
  const kb = JSON.parse(fs.readFileSync(path.join(root, 'web/demo/kb.json'), 'utf8'));
  const fraud = kb.intents.find((i) => i.id === 'fraud_report');
  const engine = await fresh();
  const first = engine.conversation.respond('someone got into my account and bought things I never ordered', CONTEXT);
  assert.equal(first.reply.action, 'collect', JSON.stringify(first.reply));
  assert.equal(first.reply.intent, 'fraud_report');
  assert.ok(first.reply.reply.startsWith(fraud.answer), first.reply.reply);
  assert.match(first.reply.reply, /never share login codes/);
  const last = engine.conversation.respond('sam@example.com', CONTEXT);
  assert.equal(last.reply.action, 'handoff');
  assert.doesNotMatch(last.reply.reply, /never share/);
  engine.dispose();
});
