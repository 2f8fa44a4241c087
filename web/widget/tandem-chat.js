// <tandem-chat>: the element's lifecycle, its public methods and the stored
// conversation. The path of one message through the engine is bot-side.js;
// a handoff, person-side.js; after-sales notices, notice-side.js.
// Contract: ARCHITECTURE.md 3.2.
import { analyticsMode, createAnalytics } from './analytics.js';
import { BotSide } from './bot-side.js';
import { noticeMessage } from './conversation.js';
import { bundleInput } from './handoff.js';
import { resolveLocale, strings } from './i18n.js';
import { createNotices } from './notice-side.js';
import { PersonSide } from './person-side.js';
import { clearConversation, emptyConversation, loadConversation, saveConversation, storageKey } from './storage.js';
import { ChatView } from './view.js';
import { trackViewport } from './viewport.js';
import { companyWords, kbMessages, WORD_ATTRIBUTES } from './words.js';

// Files that ship beside the bundled tandem.js (web/tools/build.mjs).
const CSS_URL = new URL('./tandem.css', import.meta.url).href;
const DEFAULT_KB = 'site.tandem';

export class TandemChat extends HTMLElement {
  static observedAttributes = ['kb', 'endpoint', 'locale', ...WORD_ATTRIBUTES];

  #view = null;
  #conversation = emptyConversation();
  #stopViewport = () => {};
  // What the sides below read and change of the element (they keep no copy).
  #host = {
    element: this,
    conversation: () => this.#conversation,
    view: () => this.#view,
    persist: () => this.#persist(),
    emit: (type, detail) => this.#emit(type, detail),
    outcome: (kind, detail) => this.#outcome(kind, detail),
    kbUrl: () => this.#kbUrl,
    locale: () => this.#locale,
    strings: () => this.#strings,
  };
  #bot = new BotSide({
    ...this.#host,
    customer: () => this.#customer,
    ready: (engine) => this.#ready(engine),
    handOff: (engine) => this.#person.handOff(engine),
    toPerson: (text) => this.#person.line().send(text),
  });
  #person = new PersonSide({
    ...this.#host,
    note: (stringName) => this.#note(stringName),
    backToBot: (notice) => this.#backToBot(notice),
    agentMessage: (text) => this.#bot.agentMessage(text),
    bundleInput: () => bundleInput(this.ownerDocument, this.#locale),
    endpoint: () => this.#endpoint,
    contact: () => this.#words.contact,
  });
  #notices = createNotices({
    ...this.#host,
    open: () => this.open(),
    remember: (type, value, said) => this.#bot.remember(type, value, said),
  });
  #kbWords = {}; // the knowledge base's messages, once its engine is loaded
  #customer = null; // identify()'s token: in memory only, never stored
  #outcome = createAnalytics({
    mode: () => analyticsMode(this.getAttribute('analytics')),
    endpoint: () => this.#endpoint,
    kbUrl: () => this.#kbUrl,
    view: () => this.#view,
    locale: () => this.#locale,
    emit: (type, detail) => this.#emit(type, detail),
  });

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
    this.#bot.stop();
    this.#stopViewport();
    this.#stopViewport = () => {};
    this.#person.dispose();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#view || oldValue === newValue) return;
    if (name === 'kb') {
      this.#bot.reset();
      this.#kbWords = {};
      this.#person.dispose();
      this.#restore();
    } else if (name !== 'endpoint') {
      this.#applyStrings();
      this.#person.showStatus();
    }
  }

  get isOpen() {
    return this.#conversation.open;
  }

  open() {
    this.#setOpen(true);
    this.#view.input.focus();
    this.#bot.engine().catch(() => {}); // the error is shown in the panel
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
    return this.#bot.send(message);
  }

  // The site's signed-in customer (docs/actions.md); null signs out.
  identify(customer) {
    this.#customer = customer?.token || customer?.getToken ? { token: customer.token || null, getToken: customer.getToken } : null;
  }

  // An after-sales notice (notices.js): resolves true when queued to show,
  // false for a duplicate or past the cap; rejects on a malformed notice.
  notify(notice) {
    if (!this.#view) return Promise.reject(new Error('notify(): add the element to the page first'));
    return this.#notices(notice);
  }

  clear() {
    this.#outcome('cleared');
    clearConversation(storageKey(this.#kbUrl));
    this.#person.stop();
    this.#bot.forget();
    this.#conversation = { ...emptyConversation(), open: this.#conversation.open, words: this.#kbWords };
    this.#view.clearMessages();
    this.#view.setHumanMode(false);
    this.#person.showStatus();
    this.#persist();
  }

  // The customer's explicit way back from a person to the bot; the desk
  // is told, so no agent keeps waiting on them.
  returnToBot() {
    if (this.#conversation.mode === 'human') this.#person.end();
    return this.#backToBot('endedNotice');
  }

  // Whether the customer ended it or the agent resolved it: the bot answers again.
  #backToBot(notice) {
    const wasHuman = this.#conversation.mode === 'human';
    this.#conversation.mode = 'bot';
    // A resolved record stays: a message written meanwhile may reopen it.
    if (this.#conversation.handoff?.state !== 'resolved') this.#conversation.handoff = null;
    if (wasHuman) this.#note(notice);
    this.#view.setHumanMode(false);
    this.#person.showStatus();
    this.#persist();
    return this.#bot.returnToBot();
  }

  // A line in the log from the widget itself (not the engine's words).
  #note(stringName) {
    const message = noticeMessage(this.#strings[stringName]);
    this.#conversation.messages.push(message);
    this.#view.appendMessage(message);
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
      onSuggestion: (chip) => this.#choose(chip),
      onReturnToBot: () => {
        this.returnToBot();
        this.#view.input.focus();
      },
      onRetry: () => this.#person.line().retry(),
    });
    this.#applyStrings();
    // Warm up as soon as the customer shows intent, before the click lands.
    const warm = () => this.#bot.engine().catch(() => {});
    this.#view.launcher.addEventListener('pointerenter', warm, { once: true });
    this.#view.launcher.addEventListener('focus', warm, { once: true });
    if (this.getAttribute('preload') === 'idle' && 'requestIdleCallback' in globalThis) {
      requestIdleCallback(warm);
    }
  }

  get #words() {
    return companyWords(this, this.#kbWords);
  }

  #applyStrings() {
    this.#view.setStrings(this.#strings, this.#locale, this.#words);
  }

  #restore() {
    this.#conversation = loadConversation(storageKey(this.#kbUrl));
    if (this.#conversation.words && typeof this.#conversation.words === 'object') {
      this.#kbWords = this.#conversation.words;
      this.#applyStrings();
    }
    this.#view.clearMessages();
    for (const message of this.#conversation.messages) this.#view.appendMessage(message);
    const last = this.#conversation.messages.at(-1);
    if (last?.suggestions) this.#view.showSuggestions(last.suggestions);
    this.#view.setOpen(this.#conversation.open);
    if (this.#conversation.open) this.#afterOpen();
    this.#view.setHumanMode(this.#conversation.mode === 'human');
    this.#person.line().resume();
    this.#person.showStatus();
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
    this.#bot.startNeural();
  }

  #persist() {
    saveConversation(storageKey(this.#kbUrl), this.#conversation);
  }

  #ready(engine) {
    this.#kbWords = kbMessages(engine);
    // Saved with the conversation's next change (loading alone writes
    // nothing): after a reload the greeting shows the company's words at
    // once, not the locale's until the engine loads.
    this.#conversation.words = this.#kbWords;
    this.#applyStrings();
    this.#person.showStatus();
    this.#emit('tandem:ready', {});
  }

  #submitFromInput(text) {
    if (!text.trim()) return;
    this.#view.input.value = '';
    this.send(text).catch(() => {}); // shown in the panel
    this.#view.input.focus();
  }

  // A clarification chip selects its intent or FAQ where the engine can
  // (conversation.choose); older engines get its label as a new message.
  #choose(chip) {
    this.#bot.send(chip.label, chip.id).catch(() => {});
    this.#view.input.focus();
  }

  #recordFeedback(id, value) {
    const message = this.#conversation.messages.find((m) => m.id === id);
    if (!message) return;
    message.feedback = value;
    this.#persist();
    this.#outcome('feedback', { intent: message.intent, helpful: value === 'yes' });
    if (message.turn !== undefined) this.#bot.feedback(message.turn, value === 'yes');
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
