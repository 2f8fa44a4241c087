// The conversation once the bot stepped back: the bundle's delivery (outbox),
// then the line to the person (agent link), and what the desk says an agent
// did. Everything it knows lives in the stored handoff record
// (conversation.handoff), so a reload resumes where it stopped:
//   { id, state: page | connecting | offline | failed | refused | connected | resolved,
//     desk: queued | seen | answered, saved, pending: [redacted texts],
//     endpoint, conversation_id, customer_token, cursor, error }
import { AgentLink } from './agent-link.js';
import { Outbox, outboxKey } from './outbox.js';


export class PersonLine {
  #kbUrl;
  #record; // () => the stored handoff record, or null
  #on; // save(), show(), agentMessages(list), resolved(), reopened()
  #outbox = null;
  #link = null;
  #warned = new Set();

  constructor({ kbUrl, record, ...callbacks }) {
    this.#kbUrl = kbUrl;
    this.#record = record;
    this.#on = callbacks;
  }

  // After a reload: bundles still queued go out again, a line reopens.
  resume() {
    if (this.#deliveries().pending.length) this.#outbox.flush();
    if (this.#record()?.state === 'connected') this.#connect();
  }

  deliver(bundle, endpoint) {
    this.#change((h) => Object.assign(h, { state: 'connecting' }));
    this.#deliveries().add({ id: bundle.id, endpoint, body: JSON.stringify(bundle) });
    this.#change((h) => Object.assign(h, { saved: this.#outbox.persisted }));
  }

  retry() {
    this.#change((h) => (h.state = 'connecting'));
    return this.#deliveries().retryNow();
  }

  // Messages typed before the person is reached wait in the stored record
  // (already redacted by the core).
  send(text) {
    const handoff = this.#record();
    if (!handoff) return;
    if (handoff.state !== 'connected' || !this.#link) {
      handoff.pending.push(text);
      return this.#on.save();
    }
    this.#link.send(text).then(
      (answer) => {
        // Written after the agent resolved it: the desk reopened the conversation.
        if (this.#record()?.state === 'resolved' && answer.status !== 'resolved') this.#reopen(answer.status);
      },
      () => {
        handoff.pending.push(text);
        this.#on.save();
      },
    );
  }

  // The customer goes back to the bot; the desk is told when it can be.
  end() {
    const link = this.#link;
    this.stop();
    return link?.end().catch(() => {});
  }

  stop() {
    this.#link?.stop();
    this.#link = null;
  }

  dispose() {
    this.stop();
    this.#outbox?.dispose();
    this.#outbox = null;
  }

  // Changes the stored record (a callback returning false leaves it), then shows it.
  #change(edit) {
    const handoff = this.#record();
    if (!handoff || edit(handoff) === false) return;
    this.#on.save();
    this.#on.show();
  }

  #deliveries() {
    this.#outbox ??= new Outbox({
      key: outboxKey(this.#kbUrl),
      onStatus: (state, { entry, attempts, cause, persisted }) => {
        if (state === 'failed' && !this.#warned.has(entry.id)) {
          this.#warned.add(entry.id);
          // A page cannot tell CORS from a desk that is down: name both.
          console.error(`tandem-chat: handoff to ${entry.endpoint} failed ${attempts} times (${cause}); if it is up, allow this origin: --allow-origin ${location.origin}`);
        }
        this.#change((h) => h.id === entry.id && Object.assign(h, { state, saved: persisted, error: cause }));
      },
      onDelivered: (entry, answer) =>
        this.#change((h) => {
          if (h.id !== entry.id) return false;
          Object.assign(h, { state: 'connected', desk: 'queued', endpoint: entry.endpoint, cursor: 0, error: null });
          h.conversation_id = answer.conversation_id;
          h.customer_token = answer.customer_token;
          this.#connect();
        }),
      onRefused: (entry, status, message) =>
        this.#change((h) => h.id === entry.id && Object.assign(h, { state: 'refused', error: message })),
    });
    return this.#outbox;
  }

  #connect() {
    const handoff = this.#record();
    this.#link?.stop();
    this.#link = new AgentLink({
      endpoint: handoff.endpoint,
      conversationId: handoff.conversation_id,
      token: handoff.customer_token,
      cursor: handoff.cursor ?? 0,
      status: handoff.desk ?? '',
      onMessages: (messages, cursor, status) => this.#fromDesk(messages, cursor, status),
      onLost: () => this.#change((h) => Object.assign(h, { state: 'refused', error: 'HTTP 403' })),
    });
    this.#link.start();
    for (const text of handoff.pending.splice(0)) this.send(text);
    this.#on.save();
  }

  #fromDesk(messages, cursor, status) {
    const handoff = this.#record();
    if (!handoff) return;
    handoff.cursor = cursor; // saved by agentMessages, or with the next change
    if (messages.length) this.#on.agentMessages(messages);
    if (status === 'resolved') {
      this.stop();
      handoff.state = 'resolved';
      this.#on.save();
      return this.#on.resolved();
    }
    this.#change((h) => {
      if (!status || h.desk === status) return false;
      h.desk = status;
    });
  }

  #reopen(status) {
    this.#change((h) => Object.assign(h, { state: 'connected', desk: status }));
    this.#connect();
    this.#on.reopened();
  }
}
