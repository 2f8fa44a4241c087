#include "inbox_page.h"

#include "http_util.h"

namespace tandem::desk {
namespace {

std::string waiting(std::int64_t since_ms, std::int64_t now_ms) {
  const std::int64_t minutes = (now_ms - since_ms) / 60000;
  if (minutes < 1) return "just now";
  if (minutes < 60) return std::to_string(minutes) + " min";
  return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

}  // namespace

const char* const kInboxContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::string render_inbox(const std::vector<ConversationRow>& rows, std::int64_t now_ms) {
  std::string items;
  for (const auto& row : rows) {
    const std::string wait =
        row.waiting_since_ms ? waiting(*row.waiting_since_ms, now_ms) : "answered";
    items += "<li><a href=\"#" + html_escape(row.id) + "\" data-id=\"" + html_escape(row.id) +
             "\"><span class=\"priority " + html_escape(row.priority) + "\">" +
             html_escape(row.priority) + "</span> <span class=\"queue\">" +
             html_escape(row.queue.empty() ? "default" : row.queue) +
             "</span> <span class=\"wait\">" + html_escape(wait) +
             "</span><span class=\"summary\">" + html_escape(row.summary) +
             "</span><span class=\"reason\">" + html_escape(row.reason) + "</span></a></li>\n";
  }
  if (items.empty()) items = "<li class=\"empty\">No open conversations.</li>\n";
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Tandem desk · inbox</title><link rel=\"stylesheet\" href=\"/inbox.css\">"
         "<script type=\"module\" src=\"/inbox.js\"></script></head>\n<body>\n"
         "<header><h1>Inbox</h1><span id=\"status\" role=\"status\"></span>"
         "<button type=\"button\" id=\"alerts\" aria-pressed=\"false\" hidden>"
         "Alert me to urgent conversations</button></header>\n"
         "<main><nav aria-label=\"Conversations\"><input type=\"search\" id=\"search\" "
         "placeholder=\"Search summary, reason, id\" aria-label=\"Search conversations\" hidden>"
         "<ul id=\"conversations\">\n" +
         items +
         "</ul></nav>\n<section id=\"conversation\" aria-live=\"polite\">"
         "<p class=\"hint\">Choose a conversation.</p></section></main>\n</body></html>\n";
}

const char* const kInboxStyle = R"css(
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d232a; background: #f5f6f8; }
header { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; padding: .5em 1em; background: #1d232a; color: #fff; }
header h1 { font-size: 1.1em; margin: 0; }
header button { margin-left: auto; }
main { display: grid; grid-template-columns: minmax(16em, 28em) 1fr; height: calc(100vh - 2.8em); }
nav { overflow-y: auto; border-right: 1px solid #d5d9df; background: #fff; }
nav input { box-sizing: border-box; width: calc(100% - 1.6em); margin: .6em .8em; padding: .4em .6em; font: inherit; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav a { display: block; padding: .6em 1em; border-bottom: 1px solid #eceff3; color: inherit; text-decoration: none; }
nav a:hover, nav a.open { background: #e9f1ff; }
nav li.new a { box-shadow: inset 4px 0 #c62828; }
.summary { display: block; font-weight: 600; }
.reason, .wait, .queue { color: #505a66; font-size: .9em; }
.priority { font-size: .8em; text-transform: uppercase; padding: 0 .4em; border-radius: 3px; background: #e3e6ea; }
.priority.urgent { background: #c62828; color: #fff; }
.priority.high { background: #b34700; color: #fff; }
section { overflow-y: auto; padding: 1em 1.5em; }
.back { display: none; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; overflow-wrap: anywhere; }
dt { color: #505a66; }
dd { margin: 0; }
/* Who said what at a glance: colour, side and a label. */
.turn { width: fit-content; max-width: min(85%, 46em); margin: .4em 0; padding: .45em .75em; border-radius: 12px; overflow-wrap: anywhere; white-space: pre-line; }
.turn .meta { white-space: normal; }
.turn .meta { font-size: .85em; color: #505a66; }
.turn .who { font-weight: 700; }
.turn.customer { background: #fff; border: 1px solid #c9ced6; border-bottom-left-radius: 3px; }
.turn.bot { background: #e6e9ee; border-bottom-left-radius: 3px; }
.turn.agent { margin-left: auto; background: #1f5fbf; color: #fff; border-bottom-right-radius: 3px; }
.turn.agent .meta { color: #e6eeff; }
form { display: flex; flex-wrap: wrap; gap: .5em; margin-top: 1em; }
textarea { flex: 1 1 100%; min-height: 4em; font: inherit; box-sizing: border-box; }
/* A phone: the list and the open conversation are two views, not two panes. */
@media (max-width: 700px) {
  main { display: block; height: auto; }
  nav { border-right: none; }
  section { padding: .8em; }
  body.viewing nav, body:not(.viewing) section { display: none; }
  .back { display: inline-block; margin-bottom: .5em; padding: .3em 0; }
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .3em; }
}
)css";

// Builds every node with createElement/textContent: the bundle's text is data,
// never markup. Polls the list and the open conversation every few seconds,
// filters the list as the agent types in the search box, and alerts (sound and
// notification, once the agent allowed them by a click) on a new urgent one.
const char* const kInboxScript = R"js(
const POLL_MS = 3000;
const LABELS = { customer: 'Customer', agent: 'Agent', bot: 'Bot' };
const list = document.getElementById('conversations');
const pane = document.getElementById('conversation');
const status = document.getElementById('status');
const search = document.getElementById('search');
const alertsButton = document.getElementById('alerts');
let openId = location.hash.slice(1) || null;
let shownMessages = -1;
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
  const { conversations } = await api('/v1/agent/conversations');
  const fresh = knownIds ? conversations.filter((c) => !knownIds.has(c.id)) : [];
  knownIds = new Set([...(knownIds ?? []), ...conversations.map((c) => c.id)]);
  const items = conversations.map((c) => el('li', { class: fresh.includes(c) ? 'new' : '' },
    el('a', { href: `#${c.id}`, 'data-id': c.id, 'data-category': c.category, class: c.id === openId ? 'open' : '' },
      el('span', { class: `priority ${c.priority}` }, c.priority), ' ',
      el('span', { class: 'queue' }, c.queue || 'default'), ' ',
      el('span', { class: 'wait' }, waiting(c.waiting_since)),
      el('span', { class: 'summary' }, c.summary),
      el('span', { class: 'reason' }, c.reason))));
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, 'No open conversations.')]));
  applySearch();
  for (const c of fresh) if (c.priority === 'urgent') alertUrgent(c);
}

const MISSING = { refused: 'refused by the customer: do not press for it', not_given: 'asked for, not given', not_asked: 'not asked yet' };

function turnView(turn) {
  const meta = [new Date(turn.time).toLocaleTimeString()];
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
    pairs([['status', c.status], ['reason', `${b.reason.code}: ${b.reason.detail}`],
      ['priority', b.intent.priority], ['queue', b.intent.queue || 'default'], ['category', b.intent.category],
      ['customer', [b.customer.name, b.customer.email, b.customer.id].filter(Boolean).join(' · ')],
      ['page', b.page.url || ''], ['redacted', b.redactions.map((r) => `${r.kind} ×${r.count}`).join(', ')]]),
    el('h3', {}, 'Details'), pairs(details),
    el('h3', {}, 'Intent candidates'), pairs(candidates),
    el('h3', {}, 'Transcript'), ...b.transcript.map(turnView),
    el('h3', {}, 'Thread'), ...c.messages.map(turnView), form);
  shownMessages = c.messages.length;
}

function post(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .catch((error) => { status.textContent = error.message; });
}

async function refreshOpen(force) {
  if (!openId) return;
  const c = await api(`/v1/agent/conversations/${encodeURIComponent(openId)}`);
  // Re-rendering would wipe a reply being typed, so only on change.
  if (force || c.messages.length !== shownMessages) render(c);
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
window.addEventListener('hashchange', () => { openId = location.hash.slice(1) || null; shownMessages = -1; showView(); tick(); });
showView();
tick();
setInterval(tick, POLL_MS);
)js";

}  // namespace tandem::desk
