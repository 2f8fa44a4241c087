#include "desk/pages/reports_page.h"

namespace tandem::desk {

const char* const kReportsPage = R"html(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem desk · reports</title><link rel="stylesheet" href="/reports.css">
<script type="module" src="/reports.js"></script></head>
<body>
<header><h1>Reports</h1><a href="/inbox">Inbox</a><span id="status" role="status"></span></header>
<main>
<form id="period">
  <label>From <input type="date" name="since" required></label>
  <label>Until (excluded) <input type="date" name="until" required></label>
  <label>Time zone <input name="tz" size="7" pattern="UTC|[+-][0-9]{2}:[0-9]{2}" required></label>
  <button type="submit">Show</button>
  <a id="csv" download="tandem-intents.csv" href="#">Export per-intent CSV</a>
</form>
<section aria-labelledby="h-figures"><h2 id="h-figures">Figures <small>(previous period in brackets)</small></h2><dl id="tiles"></dl></section>
<section aria-labelledby="h-days"><h2 id="h-days">Outcomes per day</h2><div id="days"></div></section>
<section aria-labelledby="h-reasons"><h2 id="h-reasons">Handoffs by reason</h2><div id="reasons"></div></section>
<section aria-labelledby="h-intents"><h2 id="h-intents">Per intent</h2><div class="scroll" tabindex="0" role="region" aria-labelledby="h-intents"><table id="intents"></table></div></section>
<section aria-labelledby="h-gaps"><h2 id="h-gaps">Knowledge gaps</h2><p><a id="suggestions" download="tandem-kb-suggestions.json" href="#">Download suggestions for kb.json</a></p><div class="scroll" tabindex="0" role="region" aria-labelledby="h-gaps"><table id="gaps"></table></div></section>
<p class="hint">Every figure is defined in docs/metrics.md.</p>
</main></body></html>
)html";

const char* const kReportsStyle = R"css(
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d232a; background: #f5f6f8; }
header { display: flex; gap: 1em; align-items: baseline; padding: .5em 1em; background: #1d232a; color: #fff; }
header a { color: #cfe0ff; }
header h1 { font-size: 1.1em; margin: 0; }
main { max-width: 64em; margin: 0 auto; padding: 0 1em 2em; }
form { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: end; margin: 1em 0; }
input, button { font: inherit; padding: .3em .5em; }
section { background: #fff; border: 1px solid #d5d9df; border-radius: 6px; padding: .5em 1em 1em; margin-bottom: 1em; }
h2 { font-size: 1em; }
h2 small { font-weight: normal; color: #5b6673; }
dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: .5em; margin: 0; }
dl div { border: 1px solid #eceff3; border-radius: 4px; padding: .4em .6em; }
dt { color: #5b6673; font-size: .9em; }
dd { margin: 0; font-size: 1.3em; font-weight: 600; }
dd a { color: inherit; }
dd span { font-size: .7em; font-weight: normal; color: #5b6673; }
svg { width: 100%; height: auto; }
svg text { font-size: 11px; fill: #1d232a; }
.confirmed { fill: #2e7d32; } .assumed { fill: #81c784; } .handed_off { fill: #ef6c00; }
.abandoned { fill: #b0bec5; } .open { fill: #e3e6ea; } .bar { fill: #1565c0; }
.legend { display: flex; flex-wrap: wrap; gap: 1em; margin: .3em 0 0; padding: 0; list-style: none; }
.legend svg { width: 1em; height: 1em; vertical-align: -2px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #eceff3; white-space: nowrap; }
td.n, th.n { text-align: right; }
.hint { color: #5b6673; }
)css";

const char* const kReportsScript = R"js(
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86400000;
const OUTCOMES = [['resolved_confirmed', 'confirmed', 'Resolved, confirmed'], ['resolved_assumed', 'assumed', 'Resolved, assumed'],
  ['handoffs', 'handed_off', 'Handed off'], ['abandoned', 'abandoned', 'Abandoned']];

function node(tag, attributes = {}, text) {
  const el = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

const pct = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)} %`);
const duration = (ms) => (ms === null || ms === undefined ? '–' : ms < 60000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60000).toFixed(1)} min`);
const num = (x, digits = 2) => (x === null || x === undefined ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(digits));

function localOffset() {
  const minutes = -new Date().getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

async function fetchJson(route, period) {
  const query = new URLSearchParams(period);
  const response = await fetch(`${route}?${query}`, { credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

// The conversations behind a figure (GET /v1/agent/reports/conversations).
function drill(period, filters) {
  return `/v1/agent/reports/conversations?${new URLSearchParams({ ...period, ...filters })}`;
}

function tiles(now, before, period) {
  const rows = [
    ['Conversations', (s) => s.conversations, num, 'conversations'],
    ['Bot coverage', (s) => s.rates.bot_coverage, pct, 'answered'],
    ['Containment', (s) => s.rates.containment, pct],
    ['Automated resolution', (s) => s.rates.automated_resolution, pct, 'resolved'],
    ['… confirmed', (s) => s.rates.automated_resolution_confirmed, pct, 'resolved_confirmed'],
    ['… assumed', (s) => s.rates.automated_resolution_assumed, pct, 'resolved_assumed'],
    ['Durable (7 days)', (s) => s.rates.durable_resolution_7d, pct],
    ['Handoff rate', (s) => s.rates.handoff_rate, pct, 'handoffs'],
    ['CSAT bot', (s) => s.csat_bot, num, 'csat_bot_responses'],
    ['CSAT bot responses', (s) => s.rates.csat_bot_response_rate, pct],
    ['CSAT people', (s) => s.csat_human, num, 'csat_human_responses'],
    ['CSAT people responses', (s) => s.rates.csat_human_response_rate, pct],
    ['First response (people), median', (s) => s.human_first_response_ms.p50, duration],
    ['Bot time to resolution, median', (s) => s.time_to_resolution_bot_ms.p50, duration],
    ['People time to resolution, median', (s) => s.time_to_resolution_human_ms.p50, duration],
  ];
  $('tiles').replaceChildren(...rows.map(([label, pick, format, figure]) => {
    const dd = node('dd');
    if (figure) dd.append(node('a', { href: drill(period, { figure }) }, format(pick(now))));
    else dd.append(format(pick(now)));
    dd.append(' ', node('span', {}, `(${format(pick(before))})`));
    const box = node('div');
    box.append(node('dt', {}, label), dd);
    return box;
  }));
}

function legend() {
  const list = node('ul', { class: 'legend' });
  for (const [, css, label] of OUTCOMES) {
    const item = node('li');
    const swatch = node('svg:svg', { viewBox: '0 0 10 10', 'aria-hidden': 'true' });
    swatch.append(node('svg:rect', { width: 10, height: 10, class: css }));
    item.append(swatch, ` ${label}`);
    list.append(item);
  }
  return list;
}

function dayChart(days) {
  const width = 640, height = 200, left = 30, bottom = 30;
  const max = Math.max(1, ...days.map((d) => d.conversations));
  const svg = node('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Conversations per day by outcome' });
  const step = (width - left) / Math.max(1, days.length);
  days.forEach((d, i) => {
    let y = height - bottom;
    const parts = [...OUTCOMES.map(([key, css]) => [d[key], css]), [d.conversations - d.handoffs - d.resolved_confirmed - d.resolved_assumed - d.abandoned, 'open']];
    for (const [count, css] of parts) {
      const h = (count / max) * (height - bottom - 10);
      y -= h;
      const rect = node('svg:rect', { x: left + i * step + 2, y, width: Math.max(1, step - 4), height: h, class: css });
      rect.append(node('svg:title', {}, `${d.day}: ${count}`));
      svg.append(rect);
    }
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0) {
      svg.append(node('svg:text', { x: left + i * step + step / 2, y: height - 12, 'text-anchor': 'middle' }, d.day.slice(5)));
    }
  });
  svg.append(node('svg:text', { x: 0, y: 14 }, String(max)));
  return svg;
}

function barChart(entries) {
  const row = 22, width = 640, label = 150;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const svg = node('svg:svg', { viewBox: `0 0 ${width} ${Math.max(1, entries.length) * row + 4}`, role: 'img', 'aria-label': 'Handoffs by reason' });
  entries.forEach(([name, n], i) => {
    svg.append(node('svg:text', { x: 0, y: i * row + 15 }, name));
    svg.append(node('svg:rect', { x: label, y: i * row + 4, height: row - 8, width: ((width - label - 40) * n) / max, class: 'bar' }));
    svg.append(node('svg:text', { x: label + ((width - label - 40) * n) / max + 4, y: i * row + 15 }, String(n)));
  });
  return svg;
}

function table(id, columns, rows) {
  const head = node('tr');
  for (const [label, , numeric] of columns) head.append(node('th', numeric ? { class: 'n', scope: 'col' } : { scope: 'col' }, label));
  const body = rows.map((row) => {
    const tr = node('tr');
    for (const [, pick, numeric] of columns) {
      const value = pick(row);
      const td = node('td', numeric ? { class: 'n' } : {});
      td.append(value);
      tr.append(td);
    }
    return tr;
  });
  $(id).replaceChildren(node('thead'), node('tbody'));
  $(id).tHead.append(head);
  $(id).tBodies[0].append(...body);
}

const INTENT_COLUMNS = [
  ['Intent', (r) => r.intent], ['Conversations', (r) => num(r.conversations), true],
  ['Resolved', (r) => pct(r.resolution_rate), true], ['Handoffs', (r) => num(r.handoffs), true],
  ['Share of handoffs', (r) => pct(r.handoff_share), true], ['CSAT bot', (r) => num(r.csat_bot), true],
];

function csv(rows) {
  const cell = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const keys = ['intent', 'conversations', 'resolved_confirmed', 'resolved_assumed', 'handoffs', 'abandoned', 'resolution_rate', 'handoff_share', 'csat_bot'];
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

function download(id, text, type) {
  const link = $(id);
  URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], { type }));
}

async function show(period) {
  $('status').textContent = 'Loading…';
  const since = Date.parse(`${period.since}T00:00:00Z`), until = Date.parse(`${period.until}T00:00:00Z`);
  const previous = { since: isoDay(since - (until - since)), until: period.since, tz: period.tz };
  try {
    const [now, before, gaps, suggestions] = await Promise.all([
      fetchJson('/v1/agent/reports/summary', period),
      fetchJson('/v1/agent/reports/summary', previous),
      fetchJson('/v1/agent/reports/gaps', period),
      fetchJson('/v1/agent/reports/gaps/suggestions', period),
    ]);
    tiles(now, before, period);
    $('days').replaceChildren(dayChart(now.by_day), legend());
    $('reasons').replaceChildren(barChart(Object.entries(now.handoffs_by_reason).sort((a, b) => b[1] - a[1])));
    const linked = [['Intent', (r) => node('a', { href: drill(period, { figure: 'conversations', intent: r.intent }) }, r.intent)], ...INTENT_COLUMNS.slice(1)];
    table('intents', linked, now.by_intent);
    table('gaps', [['Nearest intent', (g) => g.nearest], ['Signals', (g) => num(g.signals), true], ['Unresolved', (g) => pct(g.unresolved_share), true],
      ['Score', (g) => num(g.score, 1), true], ['Handed off', (g) => num(g.handed_off), true],
      ['Questions (alike grouped)', (g) => g.groups.map((q) => `${q.questions[0]} (×${q.count})`).join(' · ')],
      ['Draft answer (an agent reply)', (g) => g.groups.find((q) => q.draft_answer)?.draft_answer ?? '']], gaps.gaps);
    download('csv', csv(now.by_intent), 'text/csv');
    download('suggestions', `${JSON.stringify(suggestions, null, 2)}\n`, 'application/json');
    $('status').textContent = `${now.conversations} conversations, ${now.since} to ${now.until}`;
  } catch (error) {
    $('status').textContent = `Could not load the report: ${error.message}`;
  }
}

const form = $('period');
const params = new URLSearchParams(location.search);
const today = Date.now();
form.since.value = params.get('since') ?? isoDay(today - 6 * DAY);
form.until.value = params.get('until') ?? isoDay(today + DAY);
form.tz.value = params.get('tz') ?? localOffset();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const period = { since: form.since.value, until: form.until.value, tz: form.tz.value };
  history.replaceState(null, '', `?${new URLSearchParams(period)}`);
  show(period);
});
show({ since: form.since.value, until: form.until.value, tz: form.tz.value });
)js";

}  // namespace tandem::desk
