// Handoff delivery (ARCHITECTURE.md 3.3-3.4): bundles wait in a persistent
// outbox (localStorage) until the endpoint answers 2xx, so a bundle survives
// reloads, offline spells and endpoint restarts. Each POST carries the
// bundle's id as Idempotency-Key: a retry after a lost answer never makes a
// second conversation.

// Retries back off exponentially with jitter, capped so a customer waiting
// with the tab open reconnects within a minute of the endpoint's return.
export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 60000;

export function backoffDelay(attempts, random = Math.random) {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempts);
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

// 408 and 429 say "later"; any other 4xx says the bundle itself is refused.
export function isPermanentFailure(status) {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export function outboxKey(kbUrl) {
  return `tandem:outbox:${kbUrl}`;
}

function defaultStore() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadOutbox(key, store = defaultStore()) {
  try {
    const entries = JSON.parse(store?.getItem(key) ?? '[]');
    return Array.isArray(entries) ? entries.filter((e) => e?.id && e.endpoint && e.body) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(key, entries, store = defaultStore()) {
  try {
    if (entries.length) store?.setItem(key, JSON.stringify(entries));
    else store?.removeItem(key);
  } catch {
    // Storage full or blocked: delivery still runs for this page's life.
  }
}

// Sends what the outbox holds, one bundle at a time, until each is delivered
// or refused. Callbacks: onStatus('connecting' | 'offline'), onDelivered(entry,
// answer), onRefused(entry, status, message).
export class Outbox {
  #key;
  #fetch;
  #callbacks;
  #timer = null;
  #sending = false;
  #onOnline = () => this.flush();

  constructor({ key, fetchImpl = (...args) => globalThis.fetch(...args), ...callbacks }) {
    this.#key = key;
    this.#fetch = fetchImpl;
    this.#callbacks = callbacks;
    globalThis.addEventListener?.('online', this.#onOnline);
  }

  get pending() {
    return loadOutbox(this.#key);
  }

  // Persisted before the first attempt, so a reload mid-request retries it.
  add(entry) {
    const entries = loadOutbox(this.#key).filter((e) => e.id !== entry.id);
    entries.push({ attempts: 0, next_at: 0, ...entry });
    saveOutbox(this.#key, entries);
    this.flush();
  }

  dispose() {
    clearTimeout(this.#timer);
    globalThis.removeEventListener?.('online', this.#onOnline);
  }

  // Tries every bundle now (the `online` event, a reload), then schedules the next retry.
  async flush() {
    if (this.#sending) return;
    this.#sending = true;
    clearTimeout(this.#timer);
    try {
      for (const entry of loadOutbox(this.#key)) await this.#attempt(entry);
    } finally {
      this.#sending = false;
    }
    this.#schedule();
  }

  #schedule() {
    const entries = loadOutbox(this.#key);
    if (!entries.length) return;
    const wait = Math.max(0, Math.min(...entries.map((e) => e.next_at)) - Date.now());
    this.#timer = setTimeout(() => this.flush(), wait);
  }

  async #attempt(entry) {
    let response;
    try {
      response = await this.#fetch(entry.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.id },
        body: entry.body,
        credentials: 'omit',
      });
    } catch {
      return this.#retry(entry);
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      this.#remove(entry);
      this.#callbacks.onDelivered?.(entry, answer);
    } else if (isPermanentFailure(response.status)) {
      this.#remove(entry);
      this.#callbacks.onRefused?.(entry, response.status, answer.error ?? `HTTP ${response.status}`);
    } else {
      this.#retry(entry);
    }
  }

  #retry(entry) {
    const entries = loadOutbox(this.#key).map((e) =>
      e.id === entry.id ? { ...e, attempts: e.attempts + 1, next_at: Date.now() + backoffDelay(e.attempts) } : e,
    );
    saveOutbox(this.#key, entries);
    this.#callbacks.onStatus?.(globalThis.navigator?.onLine === false ? 'offline' : 'connecting');
  }

  #remove(entry) {
    saveOutbox(
      this.#key,
      loadOutbox(this.#key).filter((e) => e.id !== entry.id),
    );
  }
}
