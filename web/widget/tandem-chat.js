// <tandem-chat>: the element's lifecycle and the path of one message
// (customer text -> engine decision -> log, storage, events).
// Contract: ARCHITECTURE.md 3.2.
import { analyticsMode, createAnalytics } from './analytics.js';
import { botMessage, customerMessage, noticeMessage, suggestionsFor, turnContext } from './conversation.js';
import { createEngineLoader, LOAD_ERROR } from './engine-loader.js';
import { bundleInput } from './handoff.js';
import { resolveLocale, strings } from './i18n.js';
import { LOAD_ERROR_STRING, showProgress } from './load-progress.js';
import { startNeural } from './neural-loader.js';
import { PersonSide } from './person-side.js';
import { clearConversation, emptyConversation, loadConversation, saveConversation, storageKey } from './storage.js';
import { ChatView } from './view.js';
import { trackViewport } from './viewport.js';
import { companyWords, kbMessages, WORD_ATTRIBUTES } from './words.js';

// Files that ship beside the bundled tandem.js (web/tools/build.mjs).
const CSS_URL = new URL('./tandem.css', import.meta.url).href;
const CORE_URL = new URL('./tandem-core.mjs', import.meta.url).href;
const NOTICES_URL = new URL('./tandem-notices.js', import.meta.url).href; // fetched on the first notify()
const ACTIONS_URL = new URL('./tandem-actions.js', import.meta.url).href; // on the first action call
const DEFAULT_KB = 'site.tandem';

export class TandemChat extends HTMLElement {
  static observedAttributes = ['kb', 'endpoint', 'locale', ...WORD_ATTRIBUTES];

  #view = null;
  #loader = null;
  #conversation = emptyConversation();
  #stopViewport = () => {};
  #queue = Promise.resolve();
  #restoredInto = null; // the engine holding this conversation's session
  #person = new PersonSide({
    conversation: () => this.#conversation,
    view: () => this.#view,
    persist: () => this.#persist(),
    emit: (type, detail) => this.#emit(type, detail),
    outcome: (kind) => this.#outcome(kind),
    note: (stringName) => this.#note(stringName),
    backToBot: (notice) => this.#backToBot(notice),
    // What the person wrote joins the session the engine keeps.
    agentMessage: (text) => {
      if (this.#restoredInto) this.#applySession(this.#restoredInto.conversation.agentMessage(text, this.#context()));
    },
    bundleInput: () => bundleInput(this.ownerDocument, this.#locale),
    kbUrl: () => this.#kbUrl,
    endpoint: () => this.#endpoint,
    strings: () => this.#strings,
    contact: () => this.#words.contact,
  });
  #neural = null; // a NeuralContext, on pages with `neural` or `encoder`
  #kbWords = {}; // the knowledge base's messages, once its engine is loaded
  #loading = null;
  #notices = null;
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
    this.#neural?.stop();
    this.#stopViewport();
    this.#stopViewport = () => {};
    this.#person.dispose();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#view || oldValue === newValue) return;
    if (name === 'kb') {
      this.#loader = null;
      this.#restoredInto = null;
      this.#kbWords = {};
      this.#neural?.stop();
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
    return this.#enqueue(message);
  }

  // One message at a time, so replies stay in the order they were asked.
  #enqueue(text, choiceId) {
    const reply = this.#queue.then(() => this.#exchange(text, choiceId));
    this.#queue = reply.catch(() => {});
    return reply;
  }

  // The site's signed-in customer (docs/actions.md); null signs out.
  identify(customer) {
    this.#customer = customer?.token || customer?.getToken ? { token: customer.token || null, getToken: customer.getToken } : null;
  }

  // An after-sales notice (notices.js): resolves true when queued to show,
  // false for a duplicate or past the cap; rejects on a malformed notice.
  notify(notice) {
    if (!this.#view) return Promise.reject(new Error('notify(): add the element to the page first'));
    this.#notices ??= import(NOTICES_URL).then(
      ({ NoticeBoard }) => new NoticeBoard({
        view: this.#view,
        kbUrl: this.#kbUrl,
        locale: () => this.#locale,
        human: () => this.#conversation.mode === 'human',
        open: (opened, message) => this.#openNotice(opened, message),
        emit: (type, detail) => this.#emit(type, detail),
      }),
      (error) => {
        this.#notices = null; // fetched again on the next notify()
        throw error;
      },
    );
    return this.#notices.then((board) => board.add(notice));
  }

  // The notice's words join the log and the session (the person taking over
  // reads them too), and its order becomes a known detail.
  #openNotice(notice, message) {
    this.open();
    this.#outcome('notice');
    this.#conversation.messages.push(message);
    this.#view.appendMessage(message);
    this.#persist();
    if (!notice.order_id) return;
    this.#queue = this.#queue.then(async () => {
      const { conversation } = await this.#conversationEngine();
      this.#applySession(conversation.remember('order_id', notice.order_id, `${notice.title}. ${notice.text}`, this.#context()));
    }).catch(() => {}); // an order id the engine does not read as one stays in the log only
  }

  clear() {
    this.#outcome('cleared');
    clearConversation(storageKey(this.#kbUrl));
    this.#person.stop();
    this.#restoredInto = null;
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
    this.#queue = this.#queue.then(async () => {
      this.#applySession((await this.#conversationEngine()).conversation.returnToBot());
    }).catch(() => {});
    return this.#queue;
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
    const warm = () => this.#engine().catch(() => {});
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
    this.#engine().then(
      (engine) => this.#startNeural(engine),
      () => {},
    );
  }

  async #startNeural(engine) {
    const onState = (state, detail) => this.#emit('tandem:neural', { state, ...detail });
    this.#neural = (await startNeural(this, engine, this.#neural, onState)) ?? this.#neural;
  }

  #persist() {
    saveConversation(storageKey(this.#kbUrl), this.#conversation);
  }

  #engine() {
    this.#loader ??= createEngineLoader({
      kbUrl: this.#kbUrl,
      coreUrl: CORE_URL,
      integrity: this.getAttribute('integrity'),
      onProgress: (fraction) => this.#loading?.update(fraction),
    });
    const first = !this.#loader.started;
    const pending = this.#loader.load();
    if (first) {
      this.#loading = showProgress(this.#view, () => this.#strings);
      pending.then(
        (engine) => this.#ready(engine),
        (error) => this.#failed(error),
      );
    }
    return pending;
  }

  #ready(engine) {
    this.#loading.stop();
    this.#kbWords = kbMessages(engine);
    // Saved with the conversation's next change (loading alone writes
    // nothing): after a reload the greeting shows the company's words at
    // once, not the locale's until the engine loads.
    this.#conversation.words = this.#kbWords;
    this.#applyStrings();
    this.#person.showStatus();
    this.#emit('tandem:ready', {});
  }

  #failed(error) {
    this.#loading.stop();
    const kind = error.kind ?? LOAD_ERROR.engine;
    this.#view.setStatus('error', this.#strings[LOAD_ERROR_STRING[kind]]);
    this.#emit('tandem:error', { kind, message: error.message });
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
    this.#enqueue(chip.label, chip.id).catch(() => {});
    this.#view.input.focus();
  }

  // The customer's words are stored only as the core redacted them: until
  // the engine has seen them they are shown, never saved.
  async #exchange(text, choiceId = null) {
    const question = customerMessage(text);
    this.#view.showSuggestions([]);
    this.#view.appendMessage(question);
    const human = this.#conversation.mode === 'human';
    if (!human) this.#view.setTyping(true);
    this.#view.setBusy(true);
    try {
      const engine = await this.#conversationEngine();
      const choose = Boolean(choiceId && !human && engine.conversation.choose);
      let answer = choose
        ? engine.conversation.choose(choiceId, this.#context())
        : engine.conversation.respond(text, { ...this.#context(), ...(human || !this.#neural ? {} : await this.#neural.context(text)) });
      const said = answer.session?.turns?.findLast((turn) => turn.role === 'customer')?.text;
      if (said && !choose && said !== question.text) {
        question.text = said;
        this.#view.setMessageText(question.id, said);
      }
      this.#conversation.messages.push(question);
      this.#applySession(answer);
      if (answer.reply?.call) this.#applySession((answer = await this.#callAction(engine, answer)));
      // In human mode the core records the message and the bot stays quiet.
      if (human) {
        this.#person.line().send(question.text);
        return answer.reply;
      }
      return this.#showReply(engine, answer, question.text);
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

  // question: the customer's words as redacted, for analytics="full" only.
  #showReply(engine, answer, question) {
    const decision = answer.reply;
    this.#outcome('reply', { decision, question });
    const message = botMessage(decision);
    this.#conversation.messages.push(message);
    this.#persist();
    this.#view.appendMessage(message);
    this.#view.showSuggestions(suggestionsFor(decision));
    this.#emit('tandem:reply', decision);
    if (answer.mode === 'human' && this.#conversation.mode !== 'human') this.#person.handOff(engine);
    return decision;
  }

  #callAction(engine, answer) {
    const failed = () => engine.conversation.actionResult({ outcome: 'network' }, this.#context());
    return import(ACTIONS_URL).then((m) => m.answerCall(engine, answer, this.#customer, this.#context()), failed);
  }

  #context() {
    return turnContext(this.getAttribute('order-id-prefix'));
  }

  #recordFeedback(id, value) {
    const message = this.#conversation.messages.find((m) => m.id === id);
    if (!message) return;
    message.feedback = value;
    this.#persist();
    this.#outcome('feedback', { intent: message.intent, helpful: value === 'yes' });
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
