// The widget's shadow DOM: builds it once and renders conversation state into
// it. Knows nothing about the engine or storage; the element drives it.
import { icon } from './icons.js';
import { renderMarkdown } from './markdown.js';

function el(doc, tag, props = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else if (value !== false && value != null) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const PART_BY_ROLE = { customer: 'message-customer', bot: 'message-bot', agent: 'message-agent', notice: 'message-notice' };

export class ChatView {
  constructor(shadowRoot, { cssUrl, strings, onOpen, onClose, onClear, onSubmit, onFeedback, onSuggestion, onReturnToBot, onRetry }) {
    const doc = shadowRoot.ownerDocument;
    this.doc = doc;
    this.strings = strings;
    this.handlers = { onFeedback, onSuggestion };

    const stylesheet = el(doc, 'link', { rel: 'stylesheet', href: cssUrl });
    // Hidden until the stylesheet arrives, so the launcher never flashes unstyled.
    this.root = el(doc, 'div', { className: 'root', hidden: true });
    const reveal = () => this.root.removeAttribute('hidden');
    stylesheet.addEventListener('load', reveal);
    stylesheet.addEventListener('error', reveal);

    this.launcher = el(doc, 'button', {
      type: 'button',
      part: 'launcher',
      className: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'panel',
    });
    this.launcher.append(icon(doc, 'chat'));
    this.launcher.addEventListener('click', onOpen);

    this.heading = el(doc, 'h2', { id: 'title', className: 'title' });
    this.subtitle = el(doc, 'p', { className: 'subtitle' });
    this.clearButton = el(doc, 'button', { type: 'button', className: 'icon-button' }, [icon(doc, 'restart')]);
    this.clearButton.addEventListener('click', onClear);
    this.closeButton = el(doc, 'button', { type: 'button', className: 'icon-button' }, [icon(doc, 'close')]);
    this.closeButton.addEventListener('click', onClose);
    const header = el(doc, 'div', { className: 'header' }, [
      el(doc, 'div', { className: 'heading' }, [this.heading, this.subtitle]),
      this.clearButton,
      this.closeButton,
    ]);

    this.greeting = el(doc, 'div', { className: 'message bot greeting', part: 'message message-bot' });
    this.log = el(doc, 'div', {
      part: 'log',
      className: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      tabindex: '0',
    });
    this.messages = el(doc, 'div', { className: 'messages' });
    this.log.append(this.greeting, this.messages);

    this.typing = el(doc, 'div', { className: 'typing', hidden: true }, [
      el(doc, 'span', { className: 'dot' }),
      el(doc, 'span', { className: 'dot' }),
      el(doc, 'span', { className: 'dot' }),
      el(doc, 'span', { className: 'visually-hidden' }),
    ]);
    // One line for loading, errors and the handoff; it changes, it never piles up.
    this.statusText = el(doc, 'span');
    this.contact = el(doc, 'div', { className: 'contact', hidden: true });
    this.retryButton = el(doc, 'button', { type: 'button', part: 'retry', className: 'feedback-button', hidden: true });
    this.retryButton.addEventListener('click', onRetry);
    this.status = el(doc, 'div', { part: 'status', className: 'status', role: 'status', hidden: true }, [
      this.statusText,
      this.contact,
      this.retryButton,
    ]);
    this.suggestions = el(doc, 'div', { className: 'suggestions', role: 'group', hidden: true });

    // Shown while a person has the conversation: the only way back to the bot.
    this.returnButton = el(doc, 'button', { type: 'button', part: 'return-to-bot', className: 'return-to-bot' });
    this.returnButton.addEventListener('click', onReturnToBot);
    this.humanBar = el(doc, 'div', { className: 'human-bar', hidden: true }, [this.returnButton]);

    this.inputLabel = el(doc, 'label', { className: 'visually-hidden', for: 'input' });
    this.input = el(doc, 'textarea', {
      part: 'input',
      id: 'input',
      className: 'input',
      rows: '1',
      autocomplete: 'off',
      enterkeyhint: 'send',
      maxlength: '1000',
    });
    this.sendButton = el(doc, 'button', { part: 'send', type: 'submit', className: 'send' }, [icon(doc, 'send')]);
    this.form = el(doc, 'form', { className: 'composer' }, [this.inputLabel, this.input, this.sendButton]);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter adds a line; an IME composing text keeps Enter.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });

    this.panel = el(doc, 'section', { part: 'panel', id: 'panel', className: 'panel', role: 'dialog', hidden: true }, [
      header,
      this.log,
      this.typing,
      this.status,
      this.suggestions,
      this.humanBar,
      this.form,
    ]);
    this.panel.setAttribute('aria-labelledby', 'title');
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    });

    this.root.append(this.launcher, this.panel);
    shadowRoot.append(stylesheet, this.root);
  }

  // words: the company's own { title, greeting, subtitle, placeholder } over the locale's.
  setStrings(strings, locale, words = {}) {
    this.strings = strings;
    this.root.setAttribute('dir', strings.dir);
    this.root.setAttribute('lang', locale);
    this.heading.textContent = words.title || strings.title;
    this.subtitle.textContent = words.subtitle || strings.subtitle;
    this.launcher.setAttribute('aria-label', strings.open);
    this.closeButton.setAttribute('aria-label', strings.close);
    this.clearButton.setAttribute('aria-label', strings.clear);
    this.log.setAttribute('aria-label', strings.log);
    this.inputLabel.textContent = strings.input;
    this.input.placeholder = words.placeholder || strings.placeholder;
    this.sendButton.setAttribute('aria-label', strings.send);
    this.typing.lastChild.textContent = strings.typing;
    this.suggestions.setAttribute('aria-label', strings.suggestions);
    this.greeting.replaceChildren(this.bubble(words.greeting || strings.greeting));
    this.returnButton.textContent = strings.backToBot;
    this.retryButton.textContent = strings.retry;
  }

  setHumanMode(on) {
    this.humanBar.hidden = !on;
    this.onHumanMode?.(on); // notices.js waits while a person has the conversation
  }

  setOpen(open) {
    this.panel.hidden = !open;
    this.root.classList.toggle('open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
  }

  bubble(text) {
    const bubble = el(this.doc, 'div', { className: 'bubble' });
    bubble.append(renderMarkdown(this.doc, text));
    return bubble;
  }

  clearMessages() {
    this.messages.replaceChildren();
    this.showSuggestions([]);
  }

  // message: { id, role, text, action?, feedback?, name? } as stored in the conversation.
  appendMessage(message) {
    const node = el(this.doc, 'div', {
      className: `message ${message.role}`,
      part: `message ${PART_BY_ROLE[message.role]}`,
      'data-id': message.id,
    });
    if (message.action) node.dataset.action = message.action;
    // A person's reply is signed with the first name they chose to show (the
    // desk's agent_name), else the team's.
    if (message.role === 'agent') node.append(el(this.doc, 'span', { className: 'sender', part: 'message-sender', text: message.name || this.strings.agent }));
    const speaker = { customer: this.strings.you, bot: this.strings.bot }[message.role];
    if (speaker) node.append(el(this.doc, 'span', { className: 'visually-hidden', text: `${speaker}: ` }));
    // Customers' own words are shown verbatim, never as Markdown.
    node.append(message.role === 'customer' ? el(this.doc, 'div', { className: 'bubble', text: message.text }) : this.bubble(message.text));
    if (message.action === 'answer') node.append(this.feedbackRow(message));
    this.messages.append(node);
    this.scrollToEnd();
    return node;
  }

  // The customer's words as the engine redacted them (a card number masked).
  setMessageText(id, text) {
    const bubble = this.messages.querySelector(`[data-id="${id}"] .bubble`);
    if (bubble) bubble.textContent = text;
  }

  feedbackRow(message) {
    const row = el(this.doc, 'div', { className: 'feedback' });
    if (message.feedback) {
      row.append(el(this.doc, 'span', { text: this.strings.thanks }));
      return row;
    }
    const question = el(this.doc, 'span', { text: this.strings.helpful, id: `q-${message.id}` });
    row.append(question);
    for (const [value, label] of [['yes', this.strings.yes], ['no', this.strings.no]]) {
      const button = el(this.doc, 'button', {
        type: 'button',
        className: 'feedback-button',
        'data-feedback': value,
        'aria-describedby': question.id,
        text: label,
      });
      button.addEventListener('click', () => {
        row.replaceChildren(el(this.doc, 'span', { text: this.strings.thanks }));
        this.input.focus();
        this.handlers.onFeedback(message.id, value);
      });
      row.append(button);
    }
    return row;
  }

  // suggestions: [{ id, label }]; an empty list hides the group.
  showSuggestions(suggestions) {
    this.suggestions.replaceChildren(
      ...suggestions.map((suggestion) => {
        const chip = el(this.doc, 'button', { type: 'button', part: 'suggestion', className: 'suggestion', 'data-id': suggestion.id, text: suggestion.label });
        chip.addEventListener('click', () => this.handlers.onSuggestion(suggestion));
        return chip;
      }),
    );
    this.suggestions.hidden = suggestions.length === 0;
  }

  setTyping(on) {
    this.typing.hidden = !on;
    if (on) this.scrollToEnd();
  }

  // Reading scrollHeight forces a layout; one scroll per frame keeps an
  // exchange (question, typing, answer) from forcing three.
  scrollToEnd() {
    if (this.scrollPending) return;
    this.scrollPending = true;
    this.doc.defaultView.requestAnimationFrame(() => {
      this.scrollPending = false;
      this.log.scrollTop = this.log.scrollHeight;
    });
  }

  // kind: 'loading' | 'handoff' | 'error' | null (hidden); contact: the
  // site's other way to reach a person; retry: whether "Try again" shows.
  setStatus(kind, text = '', { contact = '', retry = false } = {}) {
    this.status.hidden = !kind;
    this.status.dataset.kind = kind ?? '';
    this.statusText.textContent = text;
    this.contact.replaceChildren(...(contact ? [renderMarkdown(this.doc, contact)] : []));
    this.contact.hidden = !contact;
    this.retryButton.hidden = !retry;
    this.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  setBusy(busy) {
    this.sendButton.disabled = busy;
  }
}
