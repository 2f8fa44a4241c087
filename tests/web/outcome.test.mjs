// The analytics recorder's pure parts under Node (docs/metrics.md): how the
// widget decides a conversation's outcome, and how the sender batches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventSender, eventsUrl, MAX_BATCH } from '../../web/widget/event-sender.js';
import {
  confidenceBucket,
  DAY_MS,
  decisionEvents,
  emptyState,
  endEvent,
  feedbackEvents,
  newConversation,
  outcomeOf,
} from '../../web/widget/outcome.js';

const answer = (intent, confidence = 0.9) => ({ action: 'answer', intent, confidence, candidates: [{ id: intent, kind: intent.startsWith('faq.') ? 'faq' : 'intent', confidence }] });
const fallback = (top = 'oos') => ({ action: 'fallback', intent: null, confidence: 0.2, candidates: [{ id: top, kind: 'intent', confidence: 0.2 }, { id: 'faq.b', kind: 'faq', confidence: 0.1 }] });

test('outcome: greetings alone are not a resolution; a real answer is assumed resolved', () => {
  const c = newConversation('v_1', 0);
  assert.deepEqual(decisionEvents(c, answer('greeting')), []);
  assert.equal(outcomeOf(c), 'abandoned');
  assert.deepEqual(decisionEvents(c, answer('refund_status', 0.6)), [{ type: 'answer_shown', intent: 'refund_status', kind: 'intent', confidence: 'medium' }]);
  assert.equal(outcomeOf(c), 'resolved_assumed');
});

test('outcome: "yes" or a thanks confirms; "no" or an unanswered follow-up withdraws', () => {
  const thanked = newConversation('v_2', 0);
  decisionEvents(thanked, answer('faq.hours'));
  decisionEvents(thanked, answer('thanks'));
  assert.equal(outcomeOf(thanked), 'resolved_confirmed');

  const yes = newConversation('v_3', 0);
  decisionEvents(yes, answer('faq.hours'));
  assert.deepEqual(feedbackEvents(yes, 'faq.hours', true), [{ type: 'feedback', intent: 'faq.hours', helpful: true }]);
  assert.equal(outcomeOf(yes), 'resolved_confirmed');

  const no = newConversation('v_4', 0);
  decisionEvents(no, answer('faq.hours'));
  feedbackEvents(no, 'faq.hours', false);
  assert.equal(outcomeOf(no), 'abandoned');

  const followUp = newConversation('v_5', 0);
  decisionEvents(followUp, answer('faq.hours'));
  const [event] = decisionEvents(followUp, fallback());
  assert.deepEqual(event, { type: 'fallback', reason: 'out_of_scope', candidates: ['faq.b'] });
  assert.equal(outcomeOf(followUp), 'abandoned');
  decisionEvents(followUp, answer('faq.fees'));
  assert.equal(outcomeOf(followUp), 'resolved_assumed', 'a later real answer resolves again');
  // A thanks without a real answer before it confirms nothing.
  const bare = newConversation('v_6', 0);
  decisionEvents(bare, answer('thanks'));
  assert.equal(outcomeOf(bare), 'abandoned');
});

test('outcome: small talk is recognised however a knowledge base names it', () => {
  for (const id of ['hello', 'Greetings', 'chitchat.bye', 'small_talk_weather', 'smalltalk.how_are_you', 'farewell']) {
    const c = newConversation('v_st', 0);
    assert.deepEqual(decisionEvents(c, answer(id)), [], id);
    assert.equal(outcomeOf(c), 'abandoned', id);
  }
  for (const id of ['thank_you', 'chitchat.thanks', 'Gratitude']) {
    const c = newConversation('v_ty', 0);
    decisionEvents(c, answer('faq.hours'));
    decisionEvents(c, answer(id));
    assert.equal(outcomeOf(c), 'resolved_confirmed', id);
  }
  // Ids that only start like small talk are real intents.
  for (const id of ['history_of_payments', 'hire_purchase', 'thanks_card_balance']) {
    const c = newConversation('v_real', 0);
    assert.equal(decisionEvents(c, answer(id)).length, 1, id);
  }
});

test('outcome: a handoff wins; unknown reason codes are not sent', () => {
  const c = newConversation('v_7', 0);
  decisionEvents(c, answer('faq.hours'));
  feedbackEvents(c, 'faq.hours', true);
  assert.deepEqual(decisionEvents(c, { action: 'handoff', reason: 'frustration', intent: 'complaint', candidates: [] }), [{ type: 'handoff', reason: 'frustration', intent: 'complaint' }]);
  assert.equal(outcomeOf(c), 'handed_off');
  assert.deepEqual(decisionEvents(newConversation('v_8', 0), { action: 'handoff', reason: 'new_code', candidates: [] }), []);
  assert.equal(decisionEvents(newConversation('v_9', 0), fallback('refund_status'))[0].reason, 'low_confidence');
});

test('outcome: the same intent resolved again within 1 or 7 days is a repeat contact', () => {
  const state = emptyState();
  const t0 = 1_000_000_000_000;
  state.conversation = newConversation('v_a', t0);
  decisionEvents(state.conversation, answer('refund_status'));
  assert.deepEqual(endEvent(state, t0 + 60000), { type: 'conversation_ended', outcome: 'resolved_assumed', intent: 'refund_status', repeat_1d: false, repeat_7d: false });
  // The same conversation ended again (a provisional end replaced) is no repeat of itself.
  assert.equal(endEvent(state, t0 + 70000).repeat_7d, false);
  assert.equal(state.resolved.length, 1);

  for (const [later, day, week] of [[DAY_MS / 2, true, true], [3 * DAY_MS, false, true], [8 * DAY_MS, false, false]]) {
    const copy = structuredClone(state);
    copy.conversation = newConversation('v_b', t0 + later);
    decisionEvents(copy.conversation, answer('refund_status'));
    const end = endEvent(copy, t0 + later + 1000);
    assert.deepEqual([end.repeat_1d, end.repeat_7d], [day, week], `after ${later} ms`);
  }
  assert.equal(confidenceBucket(0.8), 'high');
  assert.equal(confidenceBucket(0.49), 'low');
});

function fakeWindow({ online = true, beacon = () => true } = {}) {
  const listeners = {};
  return {
    listeners,
    navigator: { onLine: online, sendBeacon: beacon },
    addEventListener: (type, fn) => (listeners[type] = fn),
  };
}

test('sender: the beacon carries batches as the page is hidden; failures stay queued', async () => {
  const sent = [];
  const window = fakeWindow({ beacon: (url, body) => sent.push({ url, body: JSON.parse(body) }) < 3 });
  const saved = [];
  const sender = new EventSender({ url: eventsUrl('http://127.0.0.1:9/v1/handoffs'), window, save: (q) => saved.push(q.length) });
  for (let i = 0; i < MAX_BATCH * 3 + 5; i++) sender.add({ id: `e_${i}`, type: 'clarification' });
  clearTimeout(sender.timer);
  window.listeners.pagehide();
  assert.equal(sent[0].url, 'http://127.0.0.1:9/v1/events');
  assert.equal(sent[0].body.schema, 'tandem.events/1');
  assert.equal(sent[0].body.events.length, MAX_BATCH);
  // The third beacon was refused: its batch and the rest stay for later.
  assert.equal(sent.length, 3);
  assert.equal(sender.queue.length, MAX_BATCH + 5);
  assert.equal(sender.queue[0].id, `e_${2 * MAX_BATCH}`);
  assert.equal(saved.at(-1), MAX_BATCH + 5);
});

test('sender: offline keeps everything; a page without endpoint sends nothing', async () => {
  const window = fakeWindow({ online: false, beacon: () => assert.fail('sent while offline') });
  const sender = new EventSender({ url: 'http://127.0.0.1:9/v1/events', window });
  sender.add({ id: 'e_1' });
  clearTimeout(sender.timer);
  await sender.flush();
  window.listeners.pagehide();
  assert.equal(sender.queue.length, 1);
  assert.equal(eventsUrl(null), null);
});

test('outcome: a confirmation reports exactly the need it offered, then what the customer chose', () => {
  const c = newConversation('v_9', 0);
  const offer = {
    action: 'clarify',
    intent: 'faq.prepaid_cards',
    confidence: 0.42,
    candidates: [{ id: 'faq.prepaid_cards', kind: 'faq', confidence: 0.42 }, { id: 'faq.accepted_cards', kind: 'faq', confidence: 0.2 }],
    confirm: { id: 'faq.prepaid_cards', label: 'prepaid cards' },
    choices: [{ id: 'faq.prepaid_cards', label: 'Yes' }, { id: 'tandem:other', label: 'Something else' }, { id: 'tandem:person', label: 'Talk to a person' }],
  };
  assert.deepEqual(decisionEvents(c, offer), [{ type: 'clarification', candidates: ['faq.prepaid_cards'] }]);
  assert.deepEqual(decisionEvents(c, answer('faq.prepaid_cards', 1)), [{ type: 'answer_shown', intent: 'faq.prepaid_cards', kind: 'faq', confidence: 'high' }]);
  const plain = { ...offer, confirm: undefined };
  assert.deepEqual(decisionEvents(newConversation('v_10', 0), plain)[0].candidates, ['faq.prepaid_cards', 'faq.accepted_cards']);
});
