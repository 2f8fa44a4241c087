// The inbox's script (inbox_page.h).
#include "desk/pages/inbox_page.h"

namespace tandem::desk {

// Builds every node with createElement/textContent: the bundle's text is data,
// never markup. Polls the list and the open conversation every few seconds,
// filters the list as the agent types in the search box (or to their own
// conversations), alerts (sound and notification, once the agent allowed
// them by a click) on a new urgent one, and lets the agent take or release a
// conversation, leave internal notes and read its audit.
const char* const kInboxScript = R"js(
const POLL_MS = 3000;
const LABELS = { customer: 'Customer', agent: 'Agent', bot: 'Bot' };
const list = document.getElementById('conversations');
const pane = document.getElementById('conversation');
const status = document.getElementById('status');
const search = document.getElementById('search');
const alertsButton = document.getElementById('alerts');
const mine = document.getElementById('mine');
const me = document.getElementById('me').dataset.agent;
let openId = location.hash.slice(1) || null;
let shown = null; // what the open conversation's view was drawn from
let knownIds = null; // ids seen so far; null until the first list arrives
let audio = null;    // an AudioContext, made on the agent's click

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function waiting(since) {
  if (!since) return 'answered';
  const minutes = Math.floor((Date.now() - Date.parse(since)) / 60000);
  if (minutes < 1) return 'just now';
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// Hides the rows whose summary, reason, queue, priority or id lack every word typed.
function applySearch() {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const item of list.children) {
    const link = item.querySelector('a[data-id]');
    if (!link) continue;
    const haystack = `${link.textContent} ${link.dataset.id} ${link.dataset.category ?? ''}`.toLowerCase();
    item.hidden = !words.every((word) => haystack.includes(word));
  }
}

function beep() {
  if (!audio) return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.4);
}

function alertUrgent(c) {
  status.textContent = `New urgent conversation: ${c.summary}`;
  beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    const note = new Notification('Urgent conversation', { body: c.summary, tag: c.id });
    note.onclick = () => { window.focus(); location.hash = c.id; };
  }
}

async function refreshList() {
  const { conversations } = await api(`/v1/agent/conversations${mine.checked ? '?assigned=me' : ''}`);
  const fresh = knownIds ? conversations.filter((c) => !knownIds.has(c.id)) : [];
  knownIds = new Set([...(knownIds ?? []), ...conversations.map((c) => c.id)]);
  const items = conversations.map((c) => el('li', { class: fresh.includes(c) ? 'new' : '' },
    el('a', { href: `#${c.id}`, 'data-id': c.id, 'data-category': c.category, class: c.id === openId ? 'open' : '' },
      el('span', { class: `priority ${c.priority}` }, c.priority), ' ',
      el('span', { class: 'queue' }, c.queue || 'default'), ' ',
      el('span', { class: 'wait' }, waiting(c.waiting_since)),
      el('span', { class: 'summary' }, c.summary),
      el('span', { class: 'reason' }, c.reason),
      ...(c.assignee ? [el('span', { class: 'assignee' }, c.assignee === me ? 'yours' : c.assignee)] : []))));
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, 'No open conversations.')]));
  applySearch();
  for (const c of fresh) if (c.priority === 'urgent') alertUrgent(c);
}

const MISSING = { refused: 'refused by the customer: do not press for it', not_given: 'asked for, not given', not_asked: 'not asked yet' };

function turnView(turn) {
  const meta = [new Date(turn.time).toLocaleTimeString()];
  // Who wrote it, and the name the customer saw ("Support team" when none).
  if (turn.agent) meta.unshift(`${turn.agent}, shown as ${turn.agent_name ?? 'Support team'}`);
  if (turn.intent) meta.push(`${turn.intent} ${Math.round((turn.confidence ?? 0) * 100)}%`);
  if (turn.action) meta.push(turn.action);
  // What the bot looked up, so the agent does not ask again.
  const call = turn.call && el('div', { class: 'meta call' }, `looked up ${turn.call.action} (${Object.entries(turn.call.inputs).map(([k, v]) => `${k} ${v}`).join(', ')}): ${turn.call.outcome}, ${turn.call.latency_ms} ms`);
  return el('div', { class: `turn ${turn.role}` },
    el('div', { class: 'meta' }, el('span', { class: 'who' }, LABELS[turn.role] ?? turn.role), ` · ${meta.join(' · ')}`),
    turn.role === 'bot' ? plainText(turn.text) : turn.text, ...(call ? [call] : []));
}

// The bot's answers are the knowledge base's Markdown; agents read them as
// the customer saw them, without the ** and [](...) marks.
function plainText(markdown) {
  return String(markdown ?? '')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,;:!?]|$)/gm, '$1$2');
}

function pairs(entries) {
  const dl = el('dl');
  for (const [key, value] of entries) dl.append(el('dt', {}, key), el('dd', {}, value));
  return dl;
}

function noteView(note) {
  return el('div', { class: 'note' },
    el('div', { class: 'meta' }, el('span', { class: 'who' }, 'Internal note'), ` · ${note.agent} · ${new Date(note.time).toLocaleTimeString()}`),
    note.text);
}

const DID = { took: 'took it', released: 'released it', replied: 'replied', noted: 'added a note', resolved: 'resolved it', reopened: 'reopened it' };

function auditView(entry) {
  return el('li', {}, el('time', { datetime: entry.time }, new Date(entry.time).toLocaleString()), ` ${entry.actor} ${DID[entry.action] ?? entry.action}`);
}

// Take when nobody has it; release when it is yours (the shared token may
// release anyone's); someone else's is only shown.
function assignmentButton(c) {
  const button = (label, action) => {
    const b = el('button', { type: 'button', class: action }, label);
    b.addEventListener('click', () => post(`/v1/agent/conversations/${c.id}/${action}`, {}).then(() => { refreshOpen(true); refreshList(); }));
    return b;
  };
  if (!c.assignee) return button('Take', 'take');
  if (c.assignee === me || me === 'shared') return button('Release', 'release');
  return '';
}

function noteForm(c) {
  // Not a second submit button: the reply box stays the form that sends.
  const box = el('textarea', { name: 'note', 'aria-label': 'Internal note (never sent to the customer)' });
  const add = el('button', { type: 'button', class: 'add-note' }, 'Add note');
  add.addEventListener('click', () => {
    const text = box.value.trim();
    if (text) post(`/v1/agent/conversations/${c.id}/notes`, { text }).then(() => { box.value = ''; refreshOpen(true); });
  });
  return el('div', { class: 'notes' }, box, add);
}

function render(c) {
  const b = c.bundle;
  const details = Object.entries(b.details).map(([k, d]) => [k, d.text && d.text !== d.value ? `${d.value} (“${d.text}”)` : d.value]);
  // What the knowledge base wanted and the bundle lacks (docs/handoff-bundle.md `missing`).
  for (const m of b.missing ?? []) details.push([m.detail, MISSING[m.why] ?? m.why]);
  const candidates = b.intent.candidates.map((x) => [`${x.id} (${x.kind})`, `${Math.round(x.confidence * 100)}%`]);
  const form = el('form', {}, el('textarea', { name: 'text', required: '', 'aria-label': 'Reply' }),
    el('button', { type: 'submit' }, 'Send'), el('button', { type: 'button', class: 'resolve' }, 'Resolve'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = form.elements.text.value.trim();
    if (!text) return;
    post(`/v1/agent/conversations/${c.id}/messages`, { text }).then(() => { form.reset(); refreshOpen(true); });
  });
  form.querySelector('.resolve').addEventListener('click', () =>
    post(`/v1/agent/conversations/${c.id}/resolve`, {}).then(() => { refreshOpen(true); refreshList(); }));
  pane.replaceChildren(
    el('a', { href: '#', class: 'back' }, '← Conversations'),
    el('h2', {}, b.summary),
    el('p', { class: 'assignment' }, c.assignee ? `Assigned to ${c.assignee === me ? 'you' : c.assignee} ` : 'Nobody has taken it ', assignmentButton(c)),
    pairs([['status', c.status], ['reason', `${b.reason.code}: ${b.reason.detail}`],
      ['priority', b.intent.priority], ['queue', b.intent.queue || 'default'], ['category', b.intent.category],
      ['customer', [b.customer.name, b.customer.email, b.customer.id].filter(Boolean).join(' · ')],
      ['page', b.page.url || ''], ['redacted', b.redactions.map((r) => `${r.kind} ×${r.count}`).join(', ')]]),
    el('h3', {}, 'Details'), pairs(details),
    el('h3', {}, 'Intent candidates'), pairs(candidates),
    el('h3', {}, 'Transcript'), ...b.transcript.map(turnView),
    el('h3', {}, 'Thread'), ...c.messages.map(turnView), form,
    el('h3', {}, 'Internal notes'), ...c.notes.map(noteView), noteForm(c),
    el('h3', {}, 'Activity'), el('ol', { class: 'audit' }, ...c.audit.map(auditView)));
  shown = drawnFrom(c);
}

function drawnFrom(c) {
  return JSON.stringify([c.status, c.assignee, c.messages.length, c.notes.length, c.audit.length]);
}

function post(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .catch((error) => { status.textContent = error.message; });
}

async function refreshOpen(force) {
  if (!openId) return;
  const c = await api(`/v1/agent/conversations/${encodeURIComponent(openId)}`);
  // Re-rendering would wipe a reply being typed, so only on change.
  if (force || drawnFrom(c) !== shown) render(c);
}

async function tick() {
  try {
    await Promise.all([refreshList(), refreshOpen(false)]);
    if (!status.textContent.startsWith('New urgent')) status.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = error.message;
  }
}

// On a phone the list and the conversation are separate views (see the CSS).
function showView() {
  document.body.classList.toggle('viewing', Boolean(openId));
  if (!openId) pane.replaceChildren(el('p', { class: 'hint' }, 'Choose a conversation.'));
}

// Browsers allow a notification prompt and sound only after a user gesture.
alertsButton.hidden = false;
alertsButton.addEventListener('click', async () => {
  audio ??= new AudioContext();
  await audio.resume();
  if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  alertsButton.setAttribute('aria-pressed', 'true');
  alertsButton.textContent = 'Urgent alerts on';
  beep();
});
search.hidden = false;
search.addEventListener('input', applySearch);
mine.closest('label').hidden = false;
// Another list: its conversations are not "new" ones to alert about.
mine.addEventListener('change', () => { knownIds = null; tick(); });
window.addEventListener('hashchange', () => { openId = location.hash.slice(1) || null; shown = null; showView(); tick(); });
showView();
tick();
setInterval(tick, POLL_MS);
)js";

}  // namespace tandem::desk
