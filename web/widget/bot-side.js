// The element's side of the engine: loading it (the panel shows progress and
// load errors), restoring this conversation's session into it once per
// engine, and every turn through it, one at a time so replies stay in the
// order they were asked: the path of one message (customer text -> engine
// decision -> log, storage, events). The conversation itself stays the
// element's (tandem-chat.js); this reads and changes it through the host.
import { botMessage, customerMessage, suggestionsFor, turnContext } from './conversation.js';
import { createEngineLoader, LOAD_ERROR } from './engine-loader.js';
import { LOAD_ERROR_STRING, showProgress } from './load-progress.js';
import { startNeural } from './neural-loader.js';

// Files that ship beside the bundled tandem.js (web/tools/build.mjs).
const CORE_URL = new URL('./tandem-core.mjs', import.meta.url).href;
const ACTIONS_URL = new URL('./tandem-actions.js', import.meta.url).href; // on the first action call

export class BotSide {
  // element, conversation(), view(), persist(), emit(), outcome(), strings(),
  // kbUrl(), customer(), ready(engine), handOff(engine), toPerson(text)
  #host;
  #loader = null;
  #loading = null;
  #restoredInto = null; // the engine holding this conversation's session
  #neural = null; // a NeuralContext, on pages with `neural` or `encoder`
  #queue = Promise.resolve();

  constructor(host) {
    this.#host = host;
  }

  // Another knowledge base: its own engine, loaded when next needed.
  reset() {
    this.#loader = null;
    this.#restoredInto = null;
    this.#neural?.stop();
  }

  // The conversation was cleared: the next turn restores its empty session.
  forget() {
    this.#restoredInto = null;
  }

  stop() {
    this.#neural?.stop();
  }

  engine() {
    const host = this.#host;
    this.#loader ??= createEngineLoader({
      kbUrl: host.kbUrl(),
      coreUrl: CORE_URL,
      integrity: host.element.getAttribute('integrity'),
      onProgress: (fraction) => this.#loading?.update(fraction),
    });
    const first = !this.#loader.started;
    const pending = this.#loader.load();
    if (first) {
      this.#loading = showProgress(host.view(), () => host.strings());
      pending.then(
        (engine) => {
          this.#loading.stop();
          host.ready(engine);
        },
        (error) => this.#failed(error),
      );
    }
    return pending;
  }

  #failed(error) {
    const host = this.#host;
    this.#loading.stop();
    const kind = error.kind ?? LOAD_ERROR.engine;
    host.view().setStatus('error', host.strings()[LOAD_ERROR_STRING[kind]]);
    host.emit('tandem:error', { kind, message: error.message });
  }

  startNeural() {
    const onState = (state, detail) => this.#host.emit('tandem:neural', { state, ...detail });
    this.engine().then(
      async (engine) => {
        this.#neural = (await startNeural(this.#host.element, engine, this.#neural, onState)) ?? this.#neural;
      },
      () => {},
    );
  }

  // Resolves to the engine's decision (choiceId: a clarification chip's).
  send(text, choiceId) {
    const reply = this.#queue.then(() => this.#exchange(text, choiceId));
    this.#queue = reply.catch(() => {});
    return reply;
  }

  // A detail the customer did not type (an opened notice's order) joins the session.
  remember(type, value, said) {
    this.#later((conversation) => conversation.remember(type, value, said, this.#context()));
  }

  returnToBot() {
    this.#later((conversation) => conversation.returnToBot());
    return this.#queue;
  }

  // "Not helpful" may hand off: through the same queue as messages, so replies stay in order.
  feedback(turn, helpful) {
    this.#queue = this.#queue
      .then(async () => {
        const engine = await this.#conversationEngine();
        const answer = engine.conversation.feedback(turn, helpful, this.#context());
        this.#applySession(answer);
        if (answer.reply) this.#showReply(engine, answer);
      })
      .catch(() => {});
  }

  // What the person wrote joins the session the engine keeps.
  agentMessage(text) {
    if (this.#restoredInto) this.#applySession(this.#restoredInto.conversation.agentMessage(text, this.#context()));
  }

  // A change to the session, in turn with the messages; one that fails (no
  // engine, or a change the engine refuses) changes nothing.
  #later(change) {
    this.#queue = this.#queue
      .then(async () => {
        this.#applySession(change((await this.#conversationEngine()).conversation));
      })
      .catch(() => {});
  }

  // The customer's words are stored only as the core redacted them: until
  // the engine has seen them they are shown, never saved.
  async #exchange(text, choiceId = null) {
    const host = this.#host;
    const view = host.view();
    const question = customerMessage(text);
    view.showSuggestions([]);
    view.appendMessage(question);
    const human = host.conversation().mode === 'human';
    if (!human) view.setTyping(true);
    view.setBusy(true);
    try {
      const engine = await this.#conversationEngine();
      const choose = Boolean(choiceId && !human && engine.conversation.choose);
      let answer = choose
        ? engine.conversation.choose(choiceId, this.#context())
        : engine.conversation.respond(text, { ...this.#context(), ...(human || !this.#neural ? {} : await this.#neural.context(text)) });
      const said = answer.session?.turns?.findLast((turn) => turn.role === 'customer')?.text;
      if (said && !choose && said !== question.text) {
        question.text = said;
        view.setMessageText(question.id, said);
      }
      host.conversation().messages.push(question);
      this.#applySession(answer);
      if (answer.reply?.call) this.#applySession((answer = await this.#callAction(engine, answer)));
      // In human mode the core records the message and the bot stays quiet.
      if (human) {
        host.toPerson(question.text);
        return answer.reply;
      }
      return this.#showReply(engine, answer, question.text);
    } finally {
      view.setTyping(false);
      view.setBusy(false);
    }
  }

  // The engine with this conversation's session restored into it (once per engine).
  async #conversationEngine() {
    const engine = await this.engine();
    if (this.#restoredInto !== engine) {
      try {
        engine.conversation.restore(this.#host.conversation().session ?? null);
      } catch {
        // A damaged session: the core started a fresh one, and so do we.
        this.#host.conversation().session = null;
      }
      this.#restoredInto = engine;
    }
    return engine;
  }

  #applySession(answer) {
    this.#host.conversation().session = answer.session;
    this.#host.persist();
  }

  // question: the customer's words as redacted, for analytics="full" only.
  #showReply(engine, answer, question) {
    const host = this.#host;
    const decision = answer.reply;
    host.outcome('reply', { decision, question });
    const message = botMessage(decision);
    host.conversation().messages.push(message);
    host.persist();
    host.view().appendMessage(message);
    host.view().showSuggestions(suggestionsFor(decision));
    host.emit('tandem:reply', decision);
    if (answer.mode === 'human' && host.conversation().mode !== 'human') host.handOff(engine);
    return decision;
  }

  #callAction(engine, answer) {
    const failed = () => engine.conversation.actionResult({ outcome: 'network' }, this.#context());
    return import(ACTIONS_URL).then((m) => m.answerCall(engine, answer, this.#host.customer(), this.#context()), failed);
  }

  #context() {
    return turnContext(this.#host.element.getAttribute('order-id-prefix'));
  }
}
