// The page's side of the neural worker: starts it once, runs one message at a
// time, and never lets the customer wait on it. Any failure (blocked URL, CSP,
// no module workers, out of memory, a slow run) turns it off quietly; the
// engine then keeps answering on its own, as it did before the model loaded.
const LOAD_TIMEOUT_MS = 30000;
// A reply waits at most this long for neural scores, then goes out without them.
export const RUN_TIMEOUT_MS = 300;

export const NEURAL_STATE = { idle: 'idle', loading: 'loading', ready: 'ready', off: 'off' };

// A worker's script must be on the page's origin; a widget served from a CDN
// starts its worker through a same-origin Blob module that imports it (by
// CORS, as the widget's other modules are). Same-origin pages keep the plain
// URL, which a strict CSP without `worker-src blob:` allows.
export function startModuleWorker(url) {
  if (new URL(url).origin === location.origin) return new Worker(url, { type: 'module' });
  const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};`], { type: 'text/javascript' }));
  try {
    return new Worker(bootstrap, { type: 'module' });
  } finally {
    URL.revokeObjectURL(bootstrap); // the worker holds the Blob from construction on
  }
}

export class NeuralLink {
  #worker = null;
  #pending = new Map();
  #next = 0;
  #loadTimer = null;
  #onState;
  state = NEURAL_STATE.idle;
  inputNames = []; // the model's, once ready: an encoder may or may not take token_type_ids

  // onState(state, detail): detail is { ms } when ready, { reason } when off.
  constructor({ onState = () => {} } = {}) {
    this.#onState = onState;
  }

  start({ workerUrl, ortUrl, modelUrl, integrity = '', createWorker = startModuleWorker }) {
    if (this.state !== NEURAL_STATE.idle) return;
    this.#setState(NEURAL_STATE.loading);
    try {
      this.#worker = createWorker(workerUrl);
    } catch (error) {
      this.#turnOff(`worker: ${error.message}`);
      return;
    }
    this.#loadTimer = setTimeout(() => this.#turnOff('the model took too long to load'), LOAD_TIMEOUT_MS);
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#turnOff(`worker: ${event.message ?? 'failed to start'}`);
    };
    this.#worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        clearTimeout(this.#loadTimer);
        this.inputNames = data.inputNames ?? [];
        this.#setState(NEURAL_STATE.ready, { ms: data.ms });
      } else if (data.type === 'result' || data.type === 'error') {
        const waiting = this.#pending.get(data.id);
        if (waiting) {
          this.#pending.delete(data.id);
          waiting(data.type === 'result' ? data.outputs : null);
        } else if (data.type === 'error') {
          this.#turnOff(data.message);
        }
      }
    };
    this.#worker.postMessage({ type: 'load', ortUrl, modelUrl, integrity });
  }

  // Resolves to the outputs, or to null when the model is not ready or too slow.
  run(feeds) {
    if (this.state !== NEURAL_STATE.ready) return Promise.resolve(null);
    const id = ++this.#next;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve(null);
      }, RUN_TIMEOUT_MS);
      this.#pending.set(id, (outputs) => {
        clearTimeout(timer);
        resolve(outputs);
      });
      this.#worker.postMessage({ type: 'run', id, feeds });
    });
  }

  dispose() {
    clearTimeout(this.#loadTimer);
    this.#worker?.terminate();
    this.#worker = null;
    for (const waiting of this.#pending.values()) waiting(null);
    this.#pending.clear();
  }

  // For a model that cannot be used here at all; nothing is fetched.
  disable(reason) {
    this.#turnOff(reason);
  }

  #turnOff(reason) {
    if (this.state === NEURAL_STATE.off) return;
    this.dispose();
    this.#setState(NEURAL_STATE.off, { reason });
  }

  #setState(state, detail = {}) {
    this.state = state;
    this.#onState(state, detail);
  }
}
