// Delivery of outcome events (docs/metrics.md "Delivery"): batched a few
// seconds after they happen, sent with sendBeacon as the page is hidden,
// kept (in memory and the recorder's storage) while the browser is offline.
// The desk deduplicates by event id, so sending twice is harmless and losing
// is not: an event leaves the queue only once the desk or the browser took it.

export const SCHEMA = 'tandem.events/1';
export const FLUSH_DELAY_MS = 5000;
export const MAX_BATCH = 50; // well under the desk's 200 events and 64 KB
export const MAX_QUEUED = 500;

export function eventsUrl(endpoint) {
  return endpoint ? new URL('/v1/events', endpoint).href : null;
}

export class EventSender {
  // save(queue) persists the queue; window: for page lifecycle events.
  constructor({ url, queue = [], save = () => {}, window = globalThis }) {
    this.url = url;
    this.queue = queue;
    this.save = save;
    this.window = window;
    this.timer = null;
    this.sending = false;
    const hidden = () => this.flush({ leaving: true });
    window.document?.addEventListener('visibilitychange', () => {
      if (window.document.visibilityState === 'hidden') hidden();
    });
    window.addEventListener('pagehide', hidden);
    window.addEventListener('online', () => this.flush());
  }

  add(event) {
    this.queue.push(event);
    if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
    this.save(this.queue);
    this.schedule();
  }

  schedule() {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  #drop(batch) {
    const sent = new Set(batch.map((e) => e.id));
    this.queue = this.queue.filter((e) => !sent.has(e.id));
    this.save(this.queue);
  }

  async flush({ leaving = false } = {}) {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.url || !this.queue.length || this.window.navigator?.onLine === false) return;
    if (leaving) {
      // The page may be gone before a fetch answers: the browser sends beacons anyway.
      for (let at = 0; at < this.queue.length; ) {
        const batch = this.queue.slice(at, at + MAX_BATCH);
        if (!this.window.navigator?.sendBeacon?.(this.url, JSON.stringify({ schema: SCHEMA, events: batch }))) break;
        this.#drop(batch);
      }
      return;
    }
    if (this.sending) return this.schedule();
    this.sending = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.slice(0, MAX_BATCH);
        // A string body is text/plain: no CORS preflight, as with the beacon.
        const response = await fetch(this.url, { method: 'POST', body: JSON.stringify({ schema: SCHEMA, events: batch }), keepalive: true });
        const retry = response.status >= 500 || response.status === 408 || response.status === 429;
        if (retry) return this.schedule();
        this.#drop(batch); // accepted, or refused for good (it would never be accepted)
      }
    } catch {
      this.schedule(); // offline or the desk is down: kept for later
    } finally {
      this.sending = false;
    }
  }
}
