// The element's side of a handoff: the bot stepped back, so the core builds
// the bundle (redacted there), the person line delivers it and carries
// messages both ways, and the panel's status says where the request stands.
// The conversation itself stays the element's (tandem-chat.js); this reads
// and changes it through the host.
import { handoffStatus } from './handoff.js';
import { PersonLine } from './person-line.js';

export class PersonSide {
  // conversation(), view(), persist(), emit(), outcome(), note(), backToBot(),
  // agentMessage(), bundleInput(), kbUrl(), endpoint(), strings(), contact()
  #host;
  #line = null;

  constructor(host) {
    this.#host = host;
  }

  handOff(engine) {
    const host = this.#host;
    let bundle;
    try {
      ({ bundle } = engine.conversation.bundle(host.bundleInput()));
    } catch (error) {
      host.emit('tandem:error', { kind: 'handoff', message: error.message });
      return;
    }
    const conversation = host.conversation();
    conversation.mode = 'human';
    // 'page': the host page delivers it from the event; the widget cannot tell how it went.
    conversation.handoff = { id: bundle.id, state: 'page', pending: [] };
    host.persist();
    host.view().setHumanMode(true);
    host.emit('tandem:handoff', bundle);
    const endpoint = host.endpoint();
    if (endpoint) this.line().deliver(bundle, endpoint);
  }

  line() {
    const host = this.#host;
    this.#line ??= new PersonLine({
      kbUrl: host.kbUrl(),
      record: () => host.conversation().handoff,
      save: () => host.persist(),
      show: () => this.showStatus(),
      agentMessages: (messages) => this.#fromPerson(messages),
      resolved: () => {
        host.outcome('resolved');
        host.backToBot('resolvedNotice');
      },
      // A message written as the agent resolved it reopened the conversation.
      reopened: () => {
        host.conversation().mode = 'human';
        host.view().setHumanMode(true);
        host.note('reopenedNotice');
        this.showStatus();
      },
    });
    return this.#line;
  }

  // The customer cleared the conversation: nothing more is sent or fetched.
  stop() {
    this.#line?.stop();
  }

  // The customer went back to the bot: the desk is told.
  end() {
    this.#line?.end();
  }

  dispose() {
    this.#line?.dispose();
    this.#line = null;
  }

  showStatus() {
    const host = this.#host;
    const view = host.view();
    const shown = handoffStatus(host.conversation(), host.strings(), host.contact());
    if (shown) view.setStatus(shown.kind, shown.text, shown);
    else if (view.status.dataset.kind !== 'loading') view.setStatus(null);
  }

  #fromPerson(messages) {
    const host = this.#host;
    const conversation = host.conversation();
    for (const { id, text, time, agent_name: name } of messages) {
      const message = { id: `agent-${id}`, role: 'agent', text, time, ...(name ? { name } : {}) };
      if (conversation.messages.some((m) => m.id === message.id)) continue;
      conversation.messages.push(message);
      host.view().appendMessage(message);
      host.emit('tandem:agent-message', message);
      host.agentMessage(text);
    }
    host.persist();
  }
}
