// Pure helpers over the stored conversation and the engine's decisions.

// Chips for a clarification: the top candidates, but never one so unlikely
// that offering it would look random.
export const MAX_SUGGESTIONS = 3;
// The engine's own choices: its options plus "something else" and "talk to a person".
export const MAX_CHOICES = 4;
export const MIN_SUGGESTION_CONFIDENCE = 0.05;

// "faq.support_hours" -> "Support hours", "due_dates" -> "Due dates".
export function humanise(id) {
  const words = String(id).replace(/^faq\./, '').replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The engine's own choices ([{ id, label }], or ids) when it names them, else
// the top candidates. The label is what a chip sends where the engine cannot
// select a choice directly (no conversation.choose()).
export function suggestionsFor(decision) {
  if (decision?.action !== 'clarify') return [];
  const chip = (id, label) => ({ id, label: label || humanise(id) });
  if (Array.isArray(decision.choices) && decision.choices.length) {
    return decision.choices
      .map((c) => (typeof c === 'string' ? chip(c) : chip(c?.id, c?.label)))
      .filter((c) => c.id)
      .slice(0, MAX_CHOICES);
  }
  return (decision.candidates ?? [])
    .filter((c, i) => c.id && c.id !== 'oos' && (i < 2 || c.confidence >= MIN_SUGGESTION_CONFIDENCE))
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => chip(c.id));
}

// What the core is told besides the text: the clock (it has none) and the site's order-id prefix.
export function turnContext(orderIdPrefix, now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  const context = { now_ms: now.getTime(), today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
  if (orderIdPrefix) context.order_id_prefix = orderIdPrefix;
  return context;
}

let counter = 0;
export function messageId(now = Date.now()) {
  counter = (counter + 1) % 1e6;
  return `${now.toString(36)}-${counter.toString(36)}`;
}

export function customerMessage(text, now = Date.now()) {
  return { id: messageId(now), role: 'customer', text, time: new Date(now).toISOString() };
}

// What the widget itself says (a person left, the conversation was resolved).
export function noticeMessage(text, now = Date.now()) {
  return { id: messageId(now), role: 'notice', text, time: new Date(now).toISOString() };
}

export function botMessage(decision, now = Date.now()) {
  const message = {
    id: messageId(now),
    role: 'bot',
    text: decision.reply,
    time: new Date(now).toISOString(),
    action: decision.action,
    intent: decision.intent ?? null,
    confidence: decision.confidence,
  };
  if (decision.reason) message.reason = decision.reason;
  if (decision.turn !== undefined) message.turn = decision.turn; // feedback names it
  if (decision.action === 'clarify') message.suggestions = suggestionsFor(decision);
  return message;
}
