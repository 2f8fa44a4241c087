// The wasm engine decides exactly as the native CLI: same JSON keys, same
// action, intent, reply and reason, confidences equal to float precision.
// `tandem ask` on a knowledge-base model answers the first message of a
// conversation through the policy, so it is compared with respond() on a
// fresh conversation; decide() (the engine alone) must agree with it wherever
// the policy does not step in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';

import { askNative, loadWasmEngine, trainDemoModel } from './support.mjs';

const kTolerance = 1e-5;

const messages = [
  // routine intents
  'where is my refund?',
  'did my payment go through',
  'when is my next payment due',
  'can I change my payment date to the 15th',
  'my card was declined at checkout',
  "i can't log in to the app",
  'how do I change my address',
  'can I pay off my order early',
  'where is my order, it was due yesterday',
  'I want to close my account',
  // FAQs
  'what are your opening hours',
  'do you charge interest',
  'do you do a credit check',
  'can I pay with a prepaid card',
  'can I split a purchase across two cards',
  'is there a mobile app',
  'how do I become a partner shop',
  // sensitive: handoff
  'I was charged for an order I never received',
  "there's a purchase on my account I didn't make",
  'I want to make a formal complaint',
  "I lost my job and can't afford my payments",
  'let me talk to a real person',
  // off topic
  'what is the weather like in Paris tomorrow',
  'tell me a joke about penguins',
  'recommend a good pizza recipe',
  // edge cases
  '',
  '   ',
  'refund '.repeat(730), // ~5 KB
  'where is my refund \uD800 \uDC00 please \uDBFF', // unpaired surrogates
  'where is my refund 😀🙏🏽 💳',
  'Où est mon remboursement ? ¿Dónde está mi reembolso?',
  'REFUND!!! WHERE IS IT???',
];

// Today, as `tandem ask` sees it (the host's local date).
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function assertSameDecision(wasm, native, message) {
  const label = JSON.stringify(message.slice(0, 60));
  for (const key of Object.keys(native)) assert.ok(key in wasm, `${key} of ${label}`);
  for (const key of ['action', 'intent', 'reply', 'reason']) {
    assert.equal(wasm[key], native[key], `${key} of ${label}`);
  }
  assert.ok(Math.abs(wasm.confidence - native.confidence) <= kTolerance, `confidence of ${label}`);
  assert.equal(wasm.candidates.length, native.candidates.length, `candidates of ${label}`);
  wasm.candidates.forEach((c, i) => {
    const n = native.candidates[i];
    assert.deepEqual([c.id, c.kind], [n.id, n.kind], `candidate ${i} of ${label}`);
    assert.ok(Math.abs(c.confidence - n.confidence) <= kTolerance, `candidate ${i} of ${label}`);
  });
}

describe('wasm engine vs native `tandem ask`', () => {
  let model;
  let engine;
  before(async () => {
    model = trainDemoModel();
    ({ engine } = await loadWasmEngine(fs.readFileSync(model)));
  });

  test('loads the demo model and answers a routine question', () => {
    const decision = engine.decide('where is my refund?');
    assert.equal(decision.action, 'answer');
    assert.equal(decision.intent, 'refund_status');
    assert.ok(decision.reply.length > 0);
  });

  test(`${messages.length} messages decide identically`, () => {
    const actions = new Set();
    for (const message of messages) {
      engine.conversation.restore(null);
      const wasm = engine.conversation.respond(message, { now_ms: Date.now(), today: today() }).reply;
      assertSameDecision(wasm, askNative(model, message), message);
      actions.add(wasm.action);
    }
    // The set above must exercise more than one branch of the policy.
    for (const action of ['answer', 'handoff', 'fallback']) assert.ok(actions.has(action), action);
  });

  test('a handoff carries its reason code', () => {
    const decision = engine.decide("there's a purchase on my account I didn't make");
    assert.equal(decision.action, 'handoff');
    assert.equal(typeof decision.reason, 'string');
    assert.ok(decision.reason.length > 0);
  });

  test('decide() after dispose() throws instead of touching freed memory', async () => {
    const { engine: other } = await loadWasmEngine(fs.readFileSync(model));
    other.dispose();
    other.dispose();
    assert.throws(() => other.decide('hello'), /after dispose/);
  });
});
