// After-sales notices from the page (element.notify(), docs/embedding.md):
// a badge on the launcher and a card per notice at the top of the panel.
// Built as tandem-notices.js and fetched on the first notify(), so pages that
// never notify pay nothing for it. Never shown while a person has the
// conversation: they wait until it is back with the assistant.
import { messageId } from './conversation.js';

export const MAX_SHOWN = 3;
// Notices dismissed or opened are remembered (ids only), so a page that
// notifies again on every load does not bring them back.
const MAX_REMEMBERED = 100;
const CSS_URL = new URL('./tandem-notices.css', import.meta.url).href;
const LIMITS = { id: 64, kind: 40, title: 120, text: 600, order_id: 64 };

const WORDS = {
  en: { count: (n) => (n === 1 ? '1 new notice' : `${n} new notices`), region: 'Notices', open: 'Ask about this', dismiss: 'Dismiss notice' },
  fr: { count: (n) => (n === 1 ? '1 nouvel avis' : `${n} nouveaux avis`), region: 'Avis', open: 'En parler', dismiss: 'Fermer l’avis' },
  ar: { count: (n) => `إشعارات جديدة: ${n}`, region: 'إشعارات', open: 'اسأل عن هذا', dismiss: 'إغلاق الإشعار' },
};

// The notice with only its known fields, or a TypeError saying what is wrong.
export function checkNotice(notice) {
  if (!notice || typeof notice !== 'object') throw new TypeError('notify(): expected { id, kind, title, text, order_id? }');
  const clean = {};
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = notice[field];
    if (field === 'order_id' && value == null) continue;
    if (typeof value !== 'string' || !value.trim()) throw new TypeError(`notify(): ${field} must be a non-empty string`);
    if (value.length > max) throw new TypeError(`notify(): ${field} is longer than ${max} characters`);
    clean[field] = value.trim();
  }
  return clean;
}

// The words a notice adds to the log when the customer opens it.
export function noticeConversationMessage(notice, now = Date.now()) {
  return { id: messageId(now), role: 'bot', text: `**${notice.title}**\n\n${notice.text}`, time: new Date(now).toISOString(), notice: notice.id };
}

function storedIds(key) {
  try {
    const ids = JSON.parse(globalThis.localStorage?.getItem(key) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
  } catch {
    return []; // blocked or damaged storage: notices may come back, nothing breaks
  }
}

// host: { view, kbUrl, locale(), human(), open(notice, message), emit(type, detail) }
export class NoticeBoard {
  #host;
  #key;
  #done;
  #pending = [];
  #announced = new Set();

  constructor(host) {
    this.#host = host;
    this.#key = `tandem:notices:${host.kbUrl}`;
    this.#done = storedIds(this.#key);
    const { view } = host;
    const doc = view.doc;
    const stylesheet = doc.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = CSS_URL;
    view.root.before(stylesheet);
    this.badge = doc.createElement('span');
    this.badge.className = 'notice-badge';
    this.badge.setAttribute('part', 'notice-badge');
    this.badge.setAttribute('aria-hidden', 'true');
    this.summary = doc.createElement('span');
    this.summary.id = 'notice-summary';
    this.summary.className = 'visually-hidden';
    // Beside the launcher, not inside: text inside would contradict its name.
    view.launcher.after(this.badge, this.summary);
    view.launcher.setAttribute('aria-describedby', this.summary.id);
    this.list = doc.createElement('div');
    this.list.className = 'notices';
    this.list.setAttribute('role', 'region');
    view.log.before(this.list);
    view.onHumanMode = () => this.render();
    this.render();
  }

  // True when the notice is queued to show; false for a duplicate (pending,
  // dismissed or opened before) or past the cap. Throws on a malformed notice.
  add(notice) {
    const clean = checkNotice(notice);
    const known = this.#done.includes(clean.id) || this.#pending.some((n) => n.id === clean.id);
    if (known || this.#pending.length >= MAX_SHOWN) return false;
    this.#pending.push(clean);
    this.render();
    return true;
  }

  render() {
    const words = WORDS[this.#host.locale().split('-')[0]] ?? WORDS.en;
    const shown = this.#host.human() ? [] : this.#pending;
    this.badge.textContent = String(shown.length);
    this.badge.hidden = shown.length === 0;
    this.summary.textContent = shown.length ? words.count(shown.length) : '';
    this.list.setAttribute('aria-label', words.region);
    this.list.hidden = shown.length === 0;
    this.list.replaceChildren(...shown.map((notice) => this.#card(notice, words)));
    for (const notice of shown) {
      if (this.#announced.has(notice.id)) continue;
      this.#announced.add(notice.id);
      this.#host.emit('tandem:notice', { id: notice.id, action: 'shown' });
    }
  }

  #card(notice, words) {
    const doc = this.#host.view.doc;
    const make = (tag, className, text) => {
      const node = doc.createElement(tag);
      node.className = className;
      if (text) node.textContent = text;
      return node;
    };
    const card = make('div', 'notice-card');
    card.setAttribute('part', 'notice');
    card.dataset.id = notice.id;
    card.dataset.kind = notice.kind;
    const open = make('button', 'notice-open', words.open);
    open.type = 'button';
    open.setAttribute('part', 'notice-open');
    open.addEventListener('click', () => this.#finish(notice, 'opened'));
    const dismiss = make('button', 'notice-dismiss', '×');
    dismiss.type = 'button';
    dismiss.setAttribute('part', 'notice-dismiss');
    dismiss.setAttribute('aria-label', words.dismiss);
    dismiss.addEventListener('click', () => this.#finish(notice, 'dismissed'));
    card.append(make('strong', 'notice-title', notice.title), dismiss, make('p', 'notice-text', notice.text), open);
    return card;
  }

  #finish(notice, action) {
    this.#pending = this.#pending.filter((n) => n.id !== notice.id);
    this.#done = [...this.#done, notice.id].slice(-MAX_REMEMBERED);
    try {
      globalThis.localStorage?.setItem(this.#key, JSON.stringify(this.#done));
    } catch {
      // remembered for this page only
    }
    this.render();
    this.#host.emit('tandem:notice', { id: notice.id, action });
    if (action === 'opened') this.#host.open(notice, noticeConversationMessage(notice));
    else this.#host.view.input.focus();
  }
}
