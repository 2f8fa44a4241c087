// <tandem-chat>: the element's lifecycle and the path of one message
// (customer text -> engine decision -> log, storage, events).
// Contract: ARCHITECTURE.md 3.2.
import { botMessage, customerMessage, suggestionsFor, transcript } from './conversation.js';
import { createEngineLoader, LOAD_ERROR } from './engine-loader.js';
import { format, resolveLocale, strings } from './i18n.js';
import { clearConversation, emptyConversation, loadConversation, saveConversation, storageKey } from './storage.js';
import { ChatView } from './view.js';
import { trackViewport } from './viewport.js';

// Files that ship beside the bundled tandem.js (web/tools/build.mjs).
const CSS_URL = new URL('./tandem.css', import.meta.url).href;
const CORE_URL = new URL('./tandem-core.mjs', import.meta.url).href;
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

  get #kbUrl() {
    return new URL(this.getAttribute('kb') || DEFAULT_KB, this.ownerDocument.baseURI).href;
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
    this.#stopViewport();
    this.#stopViewport = () => {};
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#view || oldValue === newValue) return;
    if (name === 'kb') {
      this.#loader = null;
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
    this.#conversation = { ...emptyConversation(), open: this.#conversation.open };
    this.#view.clearMessages();
    this.#persist();
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
    this.#engine().catch(() => {});
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
        this.#view.setStatus(null);
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
    this.#view.setTyping(true);
    this.#view.setBusy(true);
    try {
      const engine = await this.#engine();
      const decision = engine.decide(text);
      const answer = botMessage(decision);
      this.#conversation.messages.push(answer);
      this.#persist();
      this.#view.appendMessage(answer);
      this.#view.showSuggestions(suggestionsFor(decision));
      this.#emit('tandem:reply', decision);
      if (decision.action === 'handoff') {
        this.#emit('tandem:handoff', { decision, transcript: transcript(this.#conversation) });
      }
      return decision;
    } finally {
      this.#view.setTyping(false);
      this.#view.setBusy(false);
    }
  }

  #recordFeedback(id, value) {
    const message = this.#conversation.messages.find((m) => m.id === id);
    if (!message) return;
    message.feedback = value;
    this.#persist();
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
