// The analytics recorder (built as tandem-analytics.js, fetched on the first
// note; docs/metrics.md): turns the element's notes into outcome events for
// the current conversation, asks the satisfaction question once, and hands
// events to the sender. Its state (conversation, earlier resolutions, unsent
// events) lives in localStorage beside the conversation, never any text.
import { csatForm } from './csat-form.js';
import { EventSender, eventsUrl } from './event-sender.js';
import { decisionEvents, emptyState, endEvent, feedbackEvents, IDLE_MS, newConversation, outcomeOf } from './outcome.js';

const VERSION = 1;
const MAX_QUESTION_CHARS = 120; // at most 480 bytes of UTF-8: under the desk's 500

function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class Recorder {
  constructor(host) {
    this.host = host;
    this.key = `tandem:analytics:${host.kbUrl()}`;
    let stored = null;
    try {
      stored = JSON.parse(storage()?.getItem(this.key) ?? 'null');
    } catch {
      // damaged: start afresh
    }
    const valid = stored?.version === VERSION && Array.isArray(stored.queue);
    this.state = valid ? stored.state : emptyState();
    // Registered before the sender's own listeners: the provisional end is
    // queued before the queue goes out with the beacon.
    const leaving = () => this.#end(Date.now(), false);
    globalThis.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && leaving());
    this.sender = new EventSender({ url: eventsUrl(host.endpoint()), queue: valid ? stored.queue : [], save: () => this.#persist() });
    this.sender.flush(); // events an offline page left behind
  }

  note(kind, detail) {
    const now = Date.now();
    if (kind === 'cleared') return this.#end(now, true);
    if (kind === 'resolved') return this.state.conversation && this.#askCsat('human', now);
    if (kind === 'notice') {
      this.#current(now, 'notice'); // an opened notice starts a conversation unless one is going
      return this.#persist();
    }
    const conversation = this.#current(now);
    const events =
      kind === 'reply'
        ? decisionEvents(conversation, detail.decision, this.host.mode() === 'full' ? this.#question(detail) : null)
        : feedbackEvents(conversation, detail.intent, detail.helpful);
    for (const event of events) this.#record(event, now);
    if (conversation.result === 'confirmed') this.#askCsat('bot', now);
    this.#persist();
  }

  // Only the engine's redacted words of an unanswered question, and only in `full`.
  #question({ decision, question }) {
    if (decision.action !== 'fallback' || typeof question !== 'string' || !question.trim()) return null;
    return Array.from(question.trim()).slice(0, MAX_QUESTION_CHARS).join('');
  }

  #current(now, origin = 'organic') {
    let conversation = this.state.conversation;
    if (conversation && now - conversation.last > IDLE_MS) this.#end(conversation.last, true);
    conversation = this.state.conversation;
    if (!conversation) {
      conversation = this.state.conversation = newConversation(`v_${randomHex(8)}`, now);
      this.#record({ type: 'conversation_started', origin }, now);
    }
    conversation.last = now;
    return conversation;
  }

  // Sends the conversation's end when its outcome changed since the last one
  // sent; `final` forgets it (cleared or idle), otherwise a later end replaces this one.
  #end(now, final) {
    const conversation = this.state.conversation;
    if (!conversation) return;
    if (conversation.sentOutcome !== outcomeOf(conversation)) this.#record(endEvent(this.state, now), now);
    if (final) this.state.conversation = null;
    this.#persist();
  }

  #askCsat(by, now) {
    const conversation = this.state.conversation;
    if (conversation.csat) return;
    conversation.csat = true;
    this.#record({ type: 'csat_asked', by }, now);
    const view = this.host.view();
    const form = csatForm(view.doc, {
      by,
      locale: this.host.locale(),
      id: conversation.id,
      onScore: (score) => {
        this.#record({ type: 'csat', by, score }, Date.now(), conversation.id);
        this.#persist();
        view.input.focus();
      },
    });
    view.messages.append(form);
    form.scrollIntoView?.({ block: 'nearest' });
    this.#persist();
  }

  #record(fields, now, conversation = this.state.conversation.id) {
    const event = { id: `e_${now.toString(36)}_${randomHex(6)}`, conversation, time: new Date(now).toISOString(), ...fields };
    this.host.emit('tandem:outcome', event);
    if (this.sender?.url) this.sender.add(event);
  }

  #persist() {
    try {
      storage()?.setItem(this.key, JSON.stringify({ version: VERSION, state: this.state, queue: this.sender?.queue ?? [] }));
    } catch {
      // full or blocked storage: events still go out from memory
    }
  }
}
