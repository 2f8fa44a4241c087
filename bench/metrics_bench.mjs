// Outcome-event ingestion and report latency of tandem-desk (issue 13):
// posts EVENTS events (about 8 per conversation, as the widget sends them,
// spread over 30 days) in batches of BATCH from one keep-alive client, then
// times GET /v1/agent/reports/summary and /gaps over the whole period (the
// reports page asks for two summaries and the gaps). Prints Markdown.
//
//   cmake --build --preset release --target tandem-desk
//   node bench/metrics_bench.mjs [--events 100000] [--batch 100] [--desk build/release/bin/tandem-desk]
//
// Every 200 is committed with synchronous=FULL before it is sent, so the
// ingestion figure is bound by fsync on this machine's disk.
import http from 'node:http';
import os from 'node:os';
import { AGENT_TOKEN, startDesk } from '../web/tools/desk-process.mjs';

const DAY_MS = 86400000;
const SUMMARY_RUNS = 10;

function parseArgs(argv) {
  const options = { events: 100000, batch: 100, desk: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--events') options.events = Number(argv[++i]);
    else if (argv[i] === '--batch') options.batch = Number(argv[++i]);
    else if (argv[i] === '--desk') options.desk = argv[++i];
    else throw new Error(`metrics_bench: unknown argument ${argv[i]}`);
  }
  if (!(options.batch >= 1 && options.batch <= 200)) throw new Error('metrics_bench: --batch must be 1 to 200');
  return options;
}

function request(agent, url, method, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// One conversation's events, in the shapes docs/metrics.md defines.
function conversationEvents(n, start) {
  const conversation = `v_bench_${n.toString(36).padStart(8, '0')}`;
  const intents = ['refund_status', 'faq.support_hours', 'order_tracking', 'due_dates', 'faq.interest'];
  const intent = intents[n % intents.length];
  const at = (s) => new Date(start + s * 1000).toISOString();
  const e = (i, type, seconds, fields) => ({ id: `e_${conversation}_${i}`, conversation, type, time: at(seconds), ...fields });
  const handedOff = n % 5 === 0;
  return [
    e(0, 'conversation_started', 0, { origin: 'organic' }),
    e(1, 'answer_shown', 4, { intent, kind: intent.startsWith('faq.') ? 'faq' : 'intent', confidence: 'high' }),
    e(2, 'fallback', 20, { reason: 'out_of_scope', candidates: [intent] }),
    e(3, 'answer_shown', 40, { intent, kind: 'intent', confidence: 'medium' }),
    e(4, 'feedback', 50, { intent, helpful: !handedOff }),
    handedOff ? e(5, 'handoff', 55, { reason: 'not_helpful' }) : e(5, 'csat_asked', 55, { by: 'bot' }),
    handedOff ? e(6, 'csat_asked', 900, { by: 'human' }) : e(6, 'csat', 60, { by: 'bot', score: 1 + (n % 5) }),
    e(7, 'conversation_ended', 1000, { outcome: handedOff ? 'handed_off' : 'resolved_confirmed', intent, repeat_1d: false, repeat_7d: n % 11 === 0 }),
  ];
}

const { events: total, batch, desk: bin } = parseArgs(process.argv.slice(2));
const desk = await startDesk({ bin });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const now = Date.now();
const events = [];
for (let n = 0; events.length < total; n++) events.push(...conversationEvents(n, now - 30 * DAY_MS + ((n * 7919) % (30 * DAY_MS))));
events.length = total;

let busy = 0;
const started = process.hrtime.bigint();
for (let at = 0; at < events.length; at += batch) {
  const body = JSON.stringify({ schema: 'tandem.events/1', events: events.slice(at, at + batch) });
  const res = await request(agent, `${desk.url}/v1/events`, 'POST', body, { 'Content-Type': 'application/json' });
  if (res.status !== 200) throw new Error(`POST /v1/events: ${res.status} ${res.text}`);
  busy += res.ms;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const query = `since=${new Date(now - 31 * DAY_MS).toISOString()}&until=${new Date(now + DAY_MS).toISOString()}&tz=%2B02:00`;
const times = [];
let conversations = 0;
for (let i = 0; i < SUMMARY_RUNS; i++) {
  const res = await request(agent, `${desk.url}/v1/agent/reports/summary?${query}`, 'GET', undefined, { Authorization: `Bearer ${AGENT_TOKEN}` });
  if (res.status !== 200) throw new Error(`summary: ${res.status} ${res.text}`);
  conversations = JSON.parse(res.text).conversations;
  times.push(res.ms);
}
times.sort((a, b) => a - b);
const gapTimes = [];
for (let i = 0; i < SUMMARY_RUNS; i++) {
  const res = await request(agent, `${desk.url}/v1/agent/reports/gaps?${query}`, 'GET', undefined, { Authorization: `Bearer ${AGENT_TOKEN}` });
  if (res.status !== 200) throw new Error(`gaps: ${res.status} ${res.text}`);
  gapTimes.push(res.ms);
}
gapTimes.sort((a, b) => a - b);
agent.destroy();
await desk.stop();

console.log(`metrics_bench: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
console.log('');
console.log('| figure | value |');
console.log('|---|---|');
console.log(`| events ingested | ${total} in batches of ${batch} (${conversations} conversations) |`);
console.log(`| ingestion rate | ${Math.round(total / seconds)} events/s (${(seconds).toFixed(1)} s; ${(busy / Math.ceil(total / batch)).toFixed(1)} ms per batch) |`);
console.log(`| summary over 30 days | median ${times[Math.floor(SUMMARY_RUNS / 2)].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (${SUMMARY_RUNS} runs) |`);
console.log(`| knowledge gaps over 30 days | median ${gapTimes[Math.floor(SUMMARY_RUNS / 2)].toFixed(0)} ms, max ${gapTimes.at(-1).toFixed(0)} ms (${SUMMARY_RUNS} runs) |`);
