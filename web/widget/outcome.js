// How one conversation went, decided from what the widget saw (docs/metrics.md
// "How the widget decides the outcome"). Pure: no DOM, no clock, no storage;
// state is a plain object the recorder persists.

export const IDLE_MS = 30 * 60 * 1000; // a conversation idle this long has ended
export const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_MS = 7 * DAY_MS;
const MAX_HISTORY = 50;
export const HANDOFF_REASONS = ['asked_for_person', 'sensitive', 'low_confidence', 'repeated_failure', 'frustration', 'not_helpful'];
// Knowledge bases name their small talk differently ("greeting", "hello",
// "chitchat.bye"...): these ids, alone or after a small-talk prefix.
const SMALL_TALK_PREFIX = '((smalltalk|small_talk|chitchat|chit_chat)[._])';
const THANKS_IDS = '(thanks|thank_you|thankyou|gratitude)';
const CONVERSATIONAL = new RegExp(`^(${SMALL_TALK_PREFIX}.+|greet|greeting|greetings|hello|hi|welcome|goodbye|bye|farewell|${THANKS_IDS})$`, 'i');
const THANKS = new RegExp(`^${SMALL_TALK_PREFIX}?${THANKS_IDS}$`, 'i');
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

export const safeId = (id) => (typeof id === 'string' && ID.test(id) ? id : null);
export const isConversational = (intent) => CONVERSATIONAL.test(intent ?? '');

export function confidenceBucket(confidence) {
  return confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
}

export function emptyState() {
  // conversation: the current one or null; resolved: [{ intent, time, conversation }]
  return { conversation: null, resolved: [] };
}

export function newConversation(id, now) {
  // result: null (nothing real yet), 'assumed', 'confirmed' or 'failed'.
  return { id, started: now, last: now, result: null, intent: null, handoff: false, csat: false, sentOutcome: null };
}

export function outcomeOf(conversation) {
  if (conversation.handoff) return 'handed_off';
  if (conversation.result === 'confirmed') return 'resolved_confirmed';
  if (conversation.result === 'assumed') return 'resolved_assumed';
  return 'abandoned';
}

function candidateIds(decision) {
  return (decision.candidates ?? [])
    .map((c) => safeId(c.id))
    .filter((id) => id && id !== 'oos')
    .slice(0, 3);
}

// The events one bot decision causes, and what it changes in the conversation.
export function decisionEvents(conversation, decision, question = null) {
  const intent = safeId(decision.intent);
  if (decision.action === 'handoff') {
    conversation.handoff = true;
    const reason = HANDOFF_REASONS.includes(decision.reason) ? decision.reason : null;
    return reason ? [{ type: 'handoff', reason, ...(intent ? { intent } : {}) }] : [];
  }
  if (decision.action === 'answer' && intent && isConversational(intent)) {
    // A thanks after a real answer confirms it; greetings change nothing.
    if (THANKS.test(intent) && conversation.result === 'assumed') conversation.result = 'confirmed';
    return [];
  }
  if (decision.action === 'answer' && intent) {
    conversation.result = 'assumed';
    conversation.intent = intent;
    const kind = intent.startsWith('faq.') || decision.candidates?.[0]?.kind === 'faq' ? 'faq' : 'intent';
    return [{ type: 'answer_shown', intent, kind, confidence: confidenceBucket(decision.confidence) }];
  }
  // An unanswered follow-up withdraws the assumed resolution.
  if (conversation.result === 'assumed') conversation.result = 'failed';
  const candidates = candidateIds(decision);
  // A confirmation ("Did you mean X?") offered exactly one need: X. What the
  // customer chose shows in the next event: answer_shown (yes), fallback
  // (something else) or handoff asked_for_person.
  const offered = safeId(decision.confirm?.id);
  if (decision.action === 'clarify') return [{ type: 'clarification', candidates: offered ? [offered] : candidates }];
  const top = decision.candidates?.[0];
  const reason = !top || top.id === 'oos' ? 'out_of_scope' : 'low_confidence';
  return [{ type: 'fallback', reason, candidates, ...(question ? { question } : {}) }];
}

export function feedbackEvents(conversation, intent, helpful) {
  const id = safeId(intent);
  if (!id || isConversational(id)) return [];
  if (id === conversation.intent) conversation.result = helpful ? 'confirmed' : 'failed';
  return [{ type: 'feedback', intent: id, helpful }];
}

// The conversation_ended event for its current outcome, with the repeat
// flags from this browser's earlier resolutions; records this one if resolved.
export function endEvent(state, now) {
  const conversation = state.conversation;
  const outcome = outcomeOf(conversation);
  const event = { type: 'conversation_ended', outcome };
  if (conversation.intent) {
    event.intent = conversation.intent;
    const earlier = state.resolved.filter(
      (r) => r.intent === conversation.intent && r.conversation !== conversation.id && r.time <= conversation.started,
    );
    const latest = Math.max(-Infinity, ...earlier.map((r) => r.time));
    event.repeat_1d = conversation.started - latest <= DAY_MS;
    event.repeat_7d = conversation.started - latest <= HISTORY_MS;
  }
  state.resolved = state.resolved.filter((r) => r.conversation !== conversation.id && now - r.time <= HISTORY_MS);
  if (outcome.startsWith('resolved_')) state.resolved.push({ intent: conversation.intent, time: now, conversation: conversation.id });
  state.resolved = state.resolved.slice(-MAX_HISTORY);
  conversation.sentOutcome = outcome;
  return event;
}
