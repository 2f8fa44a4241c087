// Handoff delivery (ARCHITECTURE.md 3.3-3.4): bundles wait in an outbox until
// the endpoint answers 2xx. The outbox lives in memory and is mirrored to
// localStorage, so a bundle survives reloads, offline spells and endpoint
// restarts where storage works, and is still delivered for the page's life
// where it is full or blocked. Each POST carries the bundle's id as
// Idempotency-Key: a retry after a lost answer never makes a second
// conversation.

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

// false when storage is full or blocked: the entries then live in memory only.
export function saveOutbox(key, entries, store = defaultStore()) {
  try {
    if (!store) return false;
    if (entries.length) store.setItem(key, JSON.stringify(entries));
    else store.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

// After this many failed attempts the customer is told delivery failed (the
// outbox keeps retrying with backoff, and they may retry at once).
export const ATTEMPTS_BEFORE_FAILED = 3;

// Sends what the outbox holds, one bundle at a time, until each is delivered
// or refused. Callbacks: onStatus(state, { cause, persisted }) with state
// 'connecting' | 'offline' | 'failed', onDelivered(entry, answer),
// onRefused(entry, status, message).
export class Outbox {
  #key;
  #fetch;
  #callbacks;
  #entries;
  #persisted = true;
  #timer = null;
  #sending = false;
  #onOnline = () => this.flush();

  constructor({ key, fetchImpl = (...args) => globalThis.fetch(...args), ...callbacks }) {
    this.#key = key;
    this.#fetch = fetchImpl;
    this.#callbacks = callbacks;
    this.#entries = loadOutbox(key);
    globalThis.addEventListener?.('online', this.#onOnline);
  }

  get pending() {
    return [...this.#entries];
  }

  // Whether the bundles would survive a reload (storage accepted them).
  get persisted() {
    return this.#persisted;
  }

  // Kept before the first attempt, so a reload mid-request retries it.
  add(entry) {
    this.#save([...this.#entries.filter((e) => e.id !== entry.id), { attempts: 0, next_at: 0, ...entry }]);
    this.flush();
  }

  // The customer's "try again": every bundle is due now.
  retryNow() {
    this.#save(this.#entries.map((e) => ({ ...e, next_at: 0 })));
    return this.flush();
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
      for (const entry of this.pending) await this.#attempt(entry);
    } finally {
      this.#sending = false;
    }
    this.#schedule();
  }

  #save(entries) {
    this.#entries = entries;
    this.#persisted = saveOutbox(this.#key, entries);
  }

  #schedule() {
    if (!this.#entries.length) return;
    const wait = Math.max(0, Math.min(...this.#entries.map((e) => e.next_at)) - Date.now());
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
    } catch (error) {
      // A TypeError is all a page learns of a refused connection, DNS or CORS.
      return this.#retry(entry, `${error.name}: ${error.message}`);
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      this.#remove(entry);
      this.#callbacks.onDelivered?.(entry, answer);
    } else if (isPermanentFailure(response.status)) {
      this.#remove(entry);
      this.#callbacks.onRefused?.(entry, response.status, answer.error ?? `HTTP ${response.status}`);
    } else {
      this.#retry(entry, `HTTP ${response.status}`);
    }
  }

  #retry(entry, cause) {
    const attempts = entry.attempts + 1;
    this.#save(this.#entries.map((e) => (e.id === entry.id ? { ...e, attempts, next_at: Date.now() + backoffDelay(e.attempts) } : e)));
    const offline = globalThis.navigator?.onLine === false;
    const state = offline ? 'offline' : attempts >= ATTEMPTS_BEFORE_FAILED ? 'failed' : 'connecting';
    this.#callbacks.onStatus?.(state, { entry, attempts, cause, persisted: this.#persisted });
  }

  #remove(entry) {
    this.#save(this.#entries.filter((e) => e.id !== entry.id));
  }
}
