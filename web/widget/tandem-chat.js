// <tandem-chat>: the element's lifecycle and the path of one message
// (customer text -> engine decision -> log, storage, events).
// Contract: ARCHITECTURE.md 3.2.
import { AgentLink } from './agent-link.js';
import { botMessage, customerMessage, suggestionsFor } from './conversation.js';
import { createEngineLoader, LOAD_ERROR } from './engine-loader.js';
import { bundleInput, handoffStatus } from './handoff.js';
import { format, resolveLocale, strings } from './i18n.js';
import { Outbox, outboxKey } from './outbox.js';
import { clearConversation, emptyConversation, loadConversation, saveConversation, storageKey } from './storage.js';
import { NeuralLink, NEURAL_STATE } from './neural-link.js';
import { encoderSource, trainedModelSource } from './neural-sources.js';
import { ChatView } from './view.js';
import { trackViewport } from './viewport.js';

// Files that ship beside the bundled tandem.js (web/tools/build.mjs).
const CSS_URL = new URL('./tandem.css', import.meta.url).href;
const CORE_URL = new URL('./tandem-core.mjs', import.meta.url).href;
// The optional neural model's runtime (and a company encoder's tokenizer):
// fetched only when a site opts in with the `neural` or `encoder` attribute,
// and only after the customer opens the chat (docs/neural.md).
const NEURAL_WORKER_URL = new URL('./tandem-neural-worker.js', import.meta.url).href;
const ORT_URL = new URL('./ort/ort.wasm.bundle.min.mjs', import.meta.url).href;
const ENCODER_WRAPPER_URL = new URL('./tandem-encoder.js', import.meta.url).href;
const ENCODER_MODULE_URL = new URL('./tandem-encoder.mjs', import.meta.url).href;
const DEFAULT_KB = 'site.tandem';
// Progress appears only when loading is slow enough to notice.
const PROGRESS_DELAY_MS = 300;

const ERROR_STRING = {
  [LOAD_ERROR.modelMissing]: 'errorModelMissing',
  [LOAD_ERROR.modelCorrupt]: 'errorModelCorrupt',
  [LOAD_ERROR.engine]: 'errorEngine',
};

export class TandemChat extends HTMLElement {
  static observedAttributes = ['kb', 'endpoint', 'locale', 'title'];

  #view = null;
  #loader = null;
  #conversation = emptyConversation();
  #stopViewport = () => {};
  #queue = Promise.resolve();
  #restoredInto = null; // the engine holding this conversation's session
  #outbox = null;
  #link = null;
  #neural = null;
  #neuralSource = null;

  get #kbUrl() {
    return new URL(this.getAttribute('kb') || DEFAULT_KB, this.ownerDocument.baseURI).href;
  }

  get #endpoint() {
    const endpoint = this.getAttribute('endpoint');
    return endpoint ? new URL(endpoint, this.ownerDocument.baseURI).href : null;
  }

  get #locale() {
    return resolveLocale(this.getAttribute('locale') || this.ownerDocument.documentElement.lang || navigator.language);
  }

  get #strings() {
    return strings(this.#locale);
  }

  connectedCallback() {
    if (!this.#view) this.#build();
    this.#restore();
  }

  disconnectedCallback() {
    this.#stopNeural();
    this.#stopViewport();
    this.#stopViewport = () => {};
    this.#link?.stop();
    this.#link = null;
    this.#outbox?.dispose();
    this.#outbox = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#view || oldValue === newValue) return;
    if (name === 'kb') {
      this.#loader = null;
      this.#restoredInto = null;
      this.#stopNeural();
      this.#restore();
    } else if (name === 'locale' || name === 'title') {
      this.#applyStrings();
    }
  }

  get isOpen() {
    return this.#conversation.open;
  }

  open() {
    this.#setOpen(true);
    this.#view.input.focus();
    this.#engine().catch(() => {}); // the error is shown in the panel
  }

  close() {
    const hadFocus = this.shadowRoot.activeElement !== null;
    this.#setOpen(false);
    if (hadFocus) this.#view.launcher.focus();
  }

  // Resolves to the engine's decision; rejects when the engine cannot load
  // (the customer's message stays in the log either way).
  send(text) {
    const message = String(text ?? '').trim();
    if (!message) return Promise.reject(new TypeError('send(): empty message'));
    // One message at a time, so replies stay in the order they were asked.
    const reply = this.#queue.then(() => this.#exchange(message));
    this.#queue = reply.catch(() => {});
    return reply;
  }

  clear() {
    clearConversation(storageKey(this.#kbUrl));
    this.#link?.stop();
    this.#link = null;
    this.#restoredInto = null;
    this.#conversation = { ...emptyConversation(), open: this.#conversation.open };
    this.#view.clearMessages();
    this.#view.setHumanMode(false);
    this.#showHandoffStatus();
    this.#persist();
  }

  // The customer's explicit way back from a person to the bot.
  returnToBot() {
    this.#link?.stop();
    this.#link = null;
    this.#conversation.mode = 'bot';
    this.#conversation.handoff = null;
    this.#view.setHumanMode(false);
    this.#showHandoffStatus();
    this.#persist();
    this.#queue = this.#queue.then(async () => {
      this.#applySession((await this.#conversationEngine()).conversation.returnToBot());
    }).catch(() => {});
    return this.#queue;
  }

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    this.#view = new ChatView(root, {
      cssUrl: CSS_URL,
      strings: this.#strings,
      onOpen: () => this.open(),
      onClose: () => this.close(),
      onClear: () => {
        this.clear();
        this.#view.input.focus();
      },
      onSubmit: (text) => this.#submitFromInput(text),
      onFeedback: (id, value) => this.#recordFeedback(id, value),
      onSuggestion: (text) => this.#submit(text),
      onReturnToBot: () => {
        this.returnToBot();
        this.#view.input.focus();
      },
    });
    this.#applyStrings();
    // Warm up as soon as the customer shows intent, before the click lands.
    const warm = () => this.#engine().catch(() => {});
    this.#view.launcher.addEventListener('pointerenter', warm, { once: true });
    this.#view.launcher.addEventListener('focus', warm, { once: true });
    if (this.getAttribute('preload') === 'idle' && 'requestIdleCallback' in globalThis) {
      requestIdleCallback(warm);
    }
  }

  #applyStrings() {
    this.#view.setStrings(this.#strings, this.#locale, this.getAttribute('title'));
  }

  #restore() {
    this.#conversation = loadConversation(storageKey(this.#kbUrl));
    this.#view.clearMessages();
    for (const message of this.#conversation.messages) this.#view.appendMessage(message);
    const last = this.#conversation.messages.at(-1);
    if (last?.suggestions) this.#view.showSuggestions(last.suggestions);
    this.#view.setOpen(this.#conversation.open);
    if (this.#conversation.open) this.#afterOpen();
    this.#link?.stop();
    this.#link = null;
    this.#view.setHumanMode(this.#conversation.mode === 'human');
    // Bundles queued before a reload go out again at once.
    if (this.#deliveries().pending.length) this.#deliveries().flush();
    if (this.#conversation.handoff?.state === 'connected') this.#connect();
    this.#showHandoffStatus();
  }

  #setOpen(open) {
    if (this.#conversation.open === open && this.#view.panel.hidden === !open) return;
    this.#conversation.open = open;
    this.#view.setOpen(open);
    this.#persist();
    if (open) this.#afterOpen();
    else this.#stopViewport();
  }

  #afterOpen() {
    this.#stopViewport();
    this.#stopViewport = trackViewport(this.shadowRoot);
    this.#engine().then(
      (engine) => this.#startNeural(engine),
      () => {},
    );
  }

  // A neural model loads in a worker once the chat is open and the browser is
  // idle; until it is ready (or if it never is) the engine answers alone.
  #startNeural(engine) {
    const encoder = this.getAttribute('encoder');
    const model = encoder ? this.getAttribute('encoder-model') : this.getAttribute('neural');
    if ((!model && !encoder) || this.#neural) return;
    const link = new NeuralLink({
      onState: (state, detail) => {
        if (state === NEURAL_STATE.ready || state === NEURAL_STATE.off) this.#emit('tandem:neural', { state, ...detail });
      },
    });
    this.#neural = link;
    const resolve = (url) => new URL(url, this.ownerDocument.baseURI).href;
    if (!model) {
      link.disable('the encoder attribute needs encoder-model too');
      return;
    }
    const source = encoder
      ? encoderSource({ companionUrl: resolve(encoder), wrapperUrl: ENCODER_WRAPPER_URL, moduleUrl: ENCODER_MODULE_URL })
      : Promise.resolve(trainedModelSource(engine));
    const start = () =>
      source.then(
        (loaded) => {
          if (this.#neural !== link) return loaded?.dispose();
          if (!loaded) return link.disable('the knowledge file was trained without a neural model');
          this.#neuralSource = loaded;
          link.start({ workerUrl: NEURAL_WORKER_URL, ortUrl: ORT_URL, modelUrl: resolve(model) });
        },
        (error) => link.disable(`encoder: ${error.message}`),
      );
    if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 0);
  }

  #stopNeural() {
    this.#neural?.dispose();
    this.#neural = null;
    this.#neuralSource?.dispose();
    this.#neuralSource = null;
  }

  // What the engine is given besides the text: the neural model's scores, or
  // nothing when it is not ready, too slow or failing.
  async #neuralContext(text) {
    if (this.#neural?.state !== NEURAL_STATE.ready || !this.#neuralSource) return {};
    try {
      const outputs = await this.#neural.run(this.#neuralSource.feeds(text, this.#neural.inputNames));
      return outputs ? this.#neuralSource.context(outputs) : {};
    } catch {
      return {};
    }
  }

  #persist() {
    saveConversation(storageKey(this.#kbUrl), this.#conversation);
  }

  #engine() {
    if (!this.#loader) {
      this.#loader = createEngineLoader({
        kbUrl: this.#kbUrl,
        coreUrl: CORE_URL,
        onProgress: (fraction) => this.#progress(fraction),
      });
    }
    const first = !this.#loader.started;
    const pending = this.#loader.load();
    if (first) this.#trackLoad(pending);
    return pending;
  }

  #trackLoad(pending) {
    let fraction = null;
    this.#progress = (value) => {
      fraction = value;
      if (this.#view.status.dataset.kind === 'loading') this.#showLoading(fraction);
    };
    const timer = setTimeout(() => this.#showLoading(fraction), PROGRESS_DELAY_MS);
    const settle = () => {
      clearTimeout(timer);
      this.#progress = () => {};
    };
    pending.then(
      () => {
        settle();
        this.#showHandoffStatus();
        this.#emit('tandem:ready', {});
      },
      (error) => {
        settle();
        const kind = error.kind ?? LOAD_ERROR.engine;
        this.#view.setStatus('error', this.#strings[ERROR_STRING[kind]]);
        this.#emit('tandem:error', { kind, message: error.message });
      },
    );
  }

  #progress = () => {};

  #showLoading(fraction) {
    const text =
      fraction === null
        ? this.#strings.loading
        : format(this.#strings.loadingPercent, { percent: Math.round(fraction * 100) });
    this.#view.setStatus('loading', text);
  }

  #submitFromInput(text) {
    if (!text.trim()) return;
    this.#view.input.value = '';
    this.#submit(text);
  }

  #submit(text) {
    this.send(text).catch(() => {}); // shown in the panel
    this.#view.input.focus();
  }

  async #exchange(text) {
    const question = customerMessage(text);
    this.#conversation.messages.push(question);
    this.#persist();
    this.#view.showSuggestions([]);
    this.#view.appendMessage(question);
    const human = this.#conversation.mode === 'human';
    if (!human) this.#view.setTyping(true);
    this.#view.setBusy(true);
    try {
      const engine = await this.#conversationEngine();
      const neural = human ? {} : await this.#neuralContext(text);
      const answer = engine.conversation.respond(text, { ...this.#context(), ...neural });
      this.#applySession(answer);
      // In human mode the core records the (redacted) message and the bot stays quiet.
      if (human) {
        const turn = answer.session.turns.at(-1);
        this.#toPerson(turn?.role === 'customer' ? turn.text : text);
        return answer.reply;
      }
      return this.#showReply(engine, answer);
    } finally {
      this.#view.setTyping(false);
      this.#view.setBusy(false);
    }
  }

  // The engine with this conversation's session restored into it (once per engine).
  async #conversationEngine() {
    const engine = await this.#engine();
    if (this.#restoredInto !== engine) {
      try {
        engine.conversation.restore(this.#conversation.session ?? null);
      } catch {
        // A damaged session: the core started a fresh one, and so do we.
        this.#conversation.session = null;
      }
      this.#restoredInto = engine;
    }
    return engine;
  }

  #applySession(answer) {
    this.#conversation.session = answer.session;
    this.#persist();
  }

  #showReply(engine, answer) {
    const decision = answer.reply;
    const message = botMessage(decision);
    this.#conversation.messages.push(message);
    this.#persist();
    this.#view.appendMessage(message);
    this.#view.showSuggestions(suggestionsFor(decision));
    this.#emit('tandem:reply', decision);
    if (answer.mode === 'human' && this.#conversation.mode !== 'human') this.#handOff(engine);
    return decision;
  }

  #context() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    const context = {
      now_ms: now.getTime(),
      today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    };
    const prefix = this.getAttribute('order-id-prefix');
    if (prefix) context.order_id_prefix = prefix;
    return context;
  }

  // The bot stepped back: the core builds the bundle (redacted there), the
  // outbox delivers it, and the customer's next messages go to the person.
  #handOff(engine) {
    let bundle;
    try {
      ({ bundle } = engine.conversation.bundle(bundleInput(this.ownerDocument, this.#locale)));
    } catch (error) {
      this.#emit('tandem:error', { kind: 'handoff', message: error.message });
      return;
    }
    this.#conversation.mode = 'human';
    this.#conversation.handoff = { id: bundle.id, state: 'queued', pending: [] };
    this.#persist();
    this.#view.setHumanMode(true);
    this.#emit('tandem:handoff', bundle);
    const endpoint = this.#endpoint;
    if (!endpoint) return; // the host page delivers it from the event
    this.#conversation.handoff.state = 'connecting';
    this.#persist();
    this.#showHandoffStatus();
    this.#deliveries().add({ id: bundle.id, endpoint, body: JSON.stringify(bundle) });
  }

  #deliveries() {
    this.#outbox ??= new Outbox({
      key: outboxKey(this.#kbUrl),
      onStatus: (kind) => this.#updateHandoff((h) => (h.state = kind)),
      onDelivered: (entry, answer) =>
        this.#updateHandoff((h) => {
          if (h.id !== entry.id) return false;
          Object.assign(h, { state: 'connected', endpoint: entry.endpoint, cursor: 0 });
          h.conversation_id = answer.conversation_id;
          h.customer_token = answer.customer_token;
          this.#connect();
          return true;
        }),
      onRefused: (entry, status, message) =>
        this.#updateHandoff((h) => {
          if (h.id !== entry.id) return false;
          Object.assign(h, { state: 'refused', error: message });
          return true;
        }),
    });
    return this.#outbox;
  }

  // Changes the stored handoff (a callback returning false leaves it), then shows it.
  #updateHandoff(change) {
    const handoff = this.#conversation.handoff;
    if (!handoff || change(handoff) === false) return;
    this.#persist();
    this.#showHandoffStatus();
  }

  #showHandoffStatus() {
    const shown = handoffStatus(this.#conversation, this.#strings);
    if (shown) this.#view.setStatus(shown.kind, shown.text);
    else if (this.#view.status.dataset.kind !== 'loading') this.#view.setStatus(null);
  }

  #connect() {
    const handoff = this.#conversation.handoff;
    this.#link?.stop();
    this.#link = new AgentLink({
      endpoint: handoff.endpoint,
      conversationId: handoff.conversation_id,
      token: handoff.customer_token,
      cursor: handoff.cursor ?? 0,
      onMessages: (messages, cursor) => this.#fromPerson(messages, cursor),
      onLost: () => this.#updateHandoff((h) => Object.assign(h, { state: 'refused', error: 'HTTP 403' })),
    });
    this.#link.start();
    for (const text of handoff.pending.splice(0)) this.#toPerson(text);
    this.#persist();
  }

  // Messages typed before the person is reached wait in the stored handoff.
  #toPerson(text) {
    const handoff = this.#conversation.handoff;
    if (!handoff) return;
    if (handoff.state !== 'connected' || !this.#link) {
      handoff.pending.push(text);
      this.#persist();
      return;
    }
    this.#link.send(text).catch(() => {
      handoff.pending.push(text);
      this.#persist();
    });
  }

  #fromPerson(messages, cursor) {
    const handoff = this.#conversation.handoff;
    if (!handoff) return;
    handoff.cursor = cursor;
    for (const { id, text, time } of messages) {
      const message = { id: `agent-${id}`, role: 'agent', text, time };
      if (this.#conversation.messages.some((m) => m.id === message.id)) continue;
      this.#conversation.messages.push(message);
      this.#view.appendMessage(message);
      this.#emit('tandem:agent-message', message);
      if (this.#restoredInto) this.#applySession(this.#restoredInto.conversation.agentMessage(text, this.#context()));
    }
    this.#persist();
  }

  #recordFeedback(id, value) {
    const message = this.#conversation.messages.find((m) => m.id === id);
    if (!message) return;
    message.feedback = value;
    this.#persist();
    if (message.turn === undefined) return;
    // "Not helpful" may hand off: through the same queue as messages, so replies stay in order.
    this.#queue = this.#queue
      .then(async () => {
        const engine = await this.#conversationEngine();
        const answer = engine.conversation.feedback(message.turn, value === 'yes', this.#context());
        this.#applySession(answer);
        if (answer.reply) this.#showReply(engine, answer);
      })
      .catch(() => {});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
