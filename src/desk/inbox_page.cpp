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
         "<header><h1>Inbox</h1><span id=\"status\" role=\"status\"></span></header>\n"
         "<main><nav><ul id=\"conversations\">\n" +
         items +
         "</ul></nav>\n<section id=\"conversation\" aria-live=\"polite\">"
         "<p class=\"hint\">Choose a conversation.</p></section></main>\n</body></html>\n";
}

const char* const kInboxStyle = R"css(
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d232a; background: #f5f6f8; }
header { display: flex; gap: 1em; align-items: baseline; padding: .5em 1em; background: #1d232a; color: #fff; }
header h1 { font-size: 1.1em; margin: 0; }
main { display: grid; grid-template-columns: minmax(16em, 28em) 1fr; height: calc(100vh - 2.6em); }
nav { overflow-y: auto; border-right: 1px solid #d5d9df; background: #fff; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav a { display: block; padding: .6em 1em; border-bottom: 1px solid #eceff3; color: inherit; text-decoration: none; }
nav a:hover, nav a.open { background: #e9f1ff; }
.summary { display: block; font-weight: 600; }
.reason, .wait, .queue { color: #5b6673; font-size: .9em; }
.priority { font-size: .8em; text-transform: uppercase; padding: 0 .4em; border-radius: 3px; background: #e3e6ea; }
.priority.urgent { background: #c62828; color: #fff; }
.priority.high { background: #ef6c00; color: #fff; }
section { overflow-y: auto; padding: 1em 1.5em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dt { color: #5b6673; }
dd { margin: 0; }
.turn { margin: .3em 0; padding: .4em .7em; border-radius: 6px; background: #fff; max-width: 46em; }
.turn.customer { background: #e3f2fd; }
.turn.agent { background: #e8f5e9; }
.turn .meta { color: #5b6673; font-size: .85em; }
form { display: flex; gap: .5em; margin-top: 1em; }
textarea { flex: 1; min-height: 4em; font: inherit; }
)css";

// Builds every node with createElement/textContent: the bundle's text is data,
// never markup. Polls the list and the open conversation every few seconds.
const char* const kInboxScript = R"js(
const POLL_MS = 3000;
const list = document.getElementById('conversations');
const pane = document.getElementById('conversation');
const status = document.getElementById('status');
let openId = location.hash.slice(1) || null;
let shownMessages = -1;

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

async function refreshList() {
  const { conversations } = await api('/v1/agent/conversations');
  const items = conversations.map((c) => el('li', {},
    el('a', { href: `#${c.id}`, 'data-id': c.id, class: c.id === openId ? 'open' : '' },
      el('span', { class: `priority ${c.priority}` }, c.priority), ' ',
      el('span', { class: 'queue' }, c.queue || 'default'), ' ',
      el('span', { class: 'wait' }, waiting(c.waiting_since)),
      el('span', { class: 'summary' }, c.summary),
      el('span', { class: 'reason' }, c.reason))));
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, 'No open conversations.')]));
}

function turnView(turn) {
  const meta = [turn.role, new Date(turn.time).toLocaleTimeString()];
  if (turn.intent) meta.push(`${turn.intent} ${Math.round((turn.confidence ?? 0) * 100)}%`);
  if (turn.action) meta.push(turn.action);
  // What the bot looked up, so the agent does not ask again.
  const call = turn.call && el('div', { class: 'meta call' }, `looked up ${turn.call.action} (${Object.entries(turn.call.inputs).map(([k, v]) => `${k} ${v}`).join(', ')}): ${turn.call.outcome}, ${turn.call.latency_ms} ms`);
  return el('div', { class: `turn ${turn.role}` }, el('div', { class: 'meta' }, meta.join(' · ')), turn.text, ...(call ? [call] : []));
}

function pairs(entries) {
  const dl = el('dl');
  for (const [key, value] of entries) dl.append(el('dt', {}, key), el('dd', {}, value));
  return dl;
}

function render(c) {
  const b = c.bundle;
  const details = Object.entries(b.details).map(([k, d]) => [k, d.text && d.text !== d.value ? `${d.value} (“${d.text}”)` : d.value]);
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
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = error.message;
  }
}

window.addEventListener('hashchange', () => { openId = location.hash.slice(1) || null; shownMessages = -1; tick(); });
tick();
setInterval(tick, POLL_MS);
)js";

}  // namespace tandem::desk
