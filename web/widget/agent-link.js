// Human mode's line to the person (docs/desk.md, customer side): the
// customer's messages out, the agent's messages in through a long-poll loop
// that resumes from its cursor after a reload and stops on dispose.
import { backoffDelay } from './outbox.js';

// Held this long by the desk at most; the request gives up a little later.
export const LONG_POLL_SECONDS = 25;

export function messagesUrl(endpoint, conversationId) {
  return new URL(`conversations/${encodeURIComponent(conversationId)}/messages`, endpoint).href;
}

// Callbacks: onMessages(messages, cursor, status) where status is what the
// desk says an agent did (queued | seen | answered | resolved), onLost(status)
// when the token is no longer accepted (the loop stops).
export class AgentLink {
  #url;
  #token;
  #cursor;
  #status;
  #fetch;
  #callbacks;
  #abort = null;
  #running = false;

  constructor({ endpoint, conversationId, token, cursor = 0, status = '', fetchImpl = (...args) => globalThis.fetch(...args), ...callbacks }) {
    this.#url = messagesUrl(endpoint, conversationId);
    this.#token = token;
    this.#cursor = cursor;
    this.#status = status;
    this.#fetch = fetchImpl;
    this.#callbacks = callbacks;
  }

  #headers(extra = {}) {
    return { Authorization: `Bearer ${this.#token}`, ...extra };
  }

  // Resolves to the stored message (with the conversation's status), or
  // rejects (the caller keeps it pending).
  send(text) {
    return this.#post(this.#url, { text });
  }

  // The customer went back to the bot: the desk marks the conversation resolved.
  end() {
    return this.#post(this.#url.replace(/messages$/, 'end'), {});
  }

  async #post(url, body) {
    const response = await this.#fetch(url, {
      method: 'POST',
      headers: this.#headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
    return response.json();
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#loop();
  }

  stop() {
    this.#running = false;
    this.#abort?.abort();
  }

  async #loop() {
    let failures = 0;
    while (this.#running) {
      this.#abort = new AbortController();
      try {
        // The desk answers at once when its status differs from the one we know.
        const url = `${this.#url}?after=${this.#cursor}&wait=${LONG_POLL_SECONDS}&status=${this.#status}`;
        const response = await this.#fetch(url, { headers: this.#headers(), signal: this.#abort.signal, credentials: 'omit' });
        if (response.status === 401 || response.status === 403) {
          this.#running = false;
          this.#callbacks.onLost?.(response.status);
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const answer = await response.json();
        failures = 0;
        this.#cursor = answer.cursor ?? this.#cursor;
        this.#status = answer.status ?? '';
        this.#callbacks.onMessages?.(answer.messages ?? [], this.#cursor, answer.status);
      } catch {
        if (!this.#running) return;
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures++)));
      }
    }
  }
}
