// The widget's pure modules under Node, without a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messagesUrl } from '../../web/widget/agent-link.js';
import { botMessage, humanise, suggestionsFor } from '../../web/widget/conversation.js';
import { bundleId, handoffStatus } from '../../web/widget/handoff.js';
import { backoffDelay, isPermanentFailure, loadOutbox, Outbox, RETRY_MAX_MS, saveOutbox } from '../../web/widget/outbox.js';
import { createEngineLoader, LOAD_ERROR } from '../../web/widget/engine-loader.js';
import { format, resolveLocale, strings, LOCALES } from '../../web/widget/i18n.js';
import { parseMarkdown, safeHref } from '../../web/widget/markdown.js';
import { checkNotice, noticeConversationMessage } from '../../web/widget/notices.js';
import { clearConversation, loadConversation, saveConversation } from '../../web/widget/storage.js';
import { companyWords, kbMessages } from '../../web/widget/words.js';

test('markdown: bold, emphasis, https links, lists and line breaks', () => {
  const blocks = parseMarkdown('Go to **Orders** → *your order*.\nThen [read this](https://x.example/a)\n\n- **One**: a\n- two');
  assert.deepEqual(blocks, [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Go to ' },
        { type: 'strong', children: [{ type: 'text', text: 'Orders' }] },
        { type: 'text', text: ' → ' },
        { type: 'em', children: [{ type: 'text', text: 'your order' }] },
        { type: 'text', text: '.' },
        { type: 'br' },
        { type: 'text', text: 'Then ' },
        { type: 'link', href: 'https://x.example/a', children: [{ type: 'text', text: 'read this' }] },
      ],
    },
    {
      type: 'list',
      items: [
        [{ type: 'strong', children: [{ type: 'text', text: 'One' }] }, { type: 'text', text: ': a' }],
        [{ type: 'text', text: 'two' }],
      ],
    },
  ]);
});

test('markdown: only https URLs become links; markup stays text', () => {
  for (const href of ['javascript:alert(1)', 'http://x.example/', '/relative', 'data:text/html,x', 'JaVaScRiPt:x']) {
    assert.equal(safeHref(href), null, href);
  }
  assert.equal(safeHref('https://x.example/p?q=1'), 'https://x.example/p?q=1');
  const [paragraph] = parseMarkdown('[x](http://evil.example/) <b>hi</b>');
  assert.deepEqual(paragraph.children, [
    { type: 'span', children: [{ type: 'text', text: 'x' }] },
    { type: 'text', text: ' <b>hi</b>' },
  ]);
  assert.deepEqual(parseMarkdown('2 * 3 * 4 and ** not bold **')[0].children, [
    { type: 'text', text: '2 * 3 * 4 and ** not bold **' },
  ]);
});

test('suggestions: clarify candidates become readable chips, unlikely ones dropped', () => {
  assert.equal(humanise('faq.support_hours'), 'Support hours');
  assert.equal(humanise('due_dates'), 'Due dates');
  const decision = {
    action: 'clarify',
    candidates: [
      { id: 'close_account', kind: 'intent', confidence: 0.46 },
      { id: 'fraud_report', kind: 'intent', confidence: 0.4 },
      { id: 'faq.business_accounts', kind: 'faq', confidence: 0.04 },
      { id: 'faq.fees', kind: 'faq', confidence: 0.03 },
    ],
  };
  assert.deepEqual(
    suggestionsFor(decision).map((s) => s.label),
    ['Close account', 'Fraud report'],
  );
  assert.deepEqual(suggestionsFor({ ...decision, action: 'answer' }), []);
});

test('botMessage keeps the bot turn number that feedback names', () => {
  const message = botMessage({ action: 'answer', reply: 'A', intent: 'x', confidence: 0.9, turn: 3 });
  assert.equal(message.turn, 3);
  assert.equal(botMessage({ action: 'answer', reply: 'A' }).turn, undefined);
});

test('outbox: backoff doubles with jitter and is capped; 408 and 429 are retried, other 4xx are not', () => {
  assert.equal(backoffDelay(0, () => 1), 1000);
  assert.equal(backoffDelay(3, () => 1), 8000);
  assert.equal(backoffDelay(3, () => 0), 4000);
  assert.equal(backoffDelay(40, () => 1), RETRY_MAX_MS);
  for (const status of [400, 401, 403, 409, 413, 415, 422]) assert.ok(isPermanentFailure(status), status);
  for (const status of [408, 429, 500, 502, 503, 201]) assert.ok(!isPermanentFailure(status), status);
});

test('outbox: entries survive a round trip through storage; damaged storage is an empty outbox', () => {
  const memory = new Map();
  const store = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => memory.set(k, v), removeItem: (k) => memory.delete(k) };
  const entry = { id: 'h_1', endpoint: 'http://127.0.0.1:1/v1/handoffs', body: '{}', attempts: 2, next_at: 5 };
  saveOutbox('k', [entry], store);
  assert.deepEqual(loadOutbox('k', store), [entry]);
  saveOutbox('k', [], store);
  assert.equal(memory.has('k'), false);
  memory.set('k', '{not json');
  assert.deepEqual(loadOutbox('k', store), []);
});

test('handoff: ids are unique and schema-shaped; the status line tells the truth', () => {
  const ids = new Set(Array.from({ length: 100 }, () => bundleId()));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{8,64}$/);
  const en = strings('en');
  assert.equal(handoffStatus({ mode: 'bot', handoff: null }, en), null);
  // Delivered by the host page: nothing the widget could truthfully say.
  assert.equal(handoffStatus({ mode: 'human', handoff: { state: 'page' } }, en), null);
  assert.equal(handoffStatus({ mode: 'human', handoff: { state: 'queued' } }, en), null, 'a record from before the desk states');
  const shown = (handoff) => handoffStatus({ mode: 'human', handoff }, en);
  assert.equal(shown({ state: 'offline', saved: true }).text, en.handoffOffline);
  assert.equal(shown({ state: 'offline', saved: false }).text, `${en.handoffOffline} ${en.keepOpen}`);
  assert.deepEqual(shown({ state: 'failed', saved: true, error: 'TypeError' }), {
    kind: 'error', text: en.handoffFailed, retry: true, contact: en.contactFallback,
  });
  assert.deepEqual(shown({ state: 'refused', error: 'bad' }), {
    kind: 'error', text: `${en.handoffRefused} (bad)`, retry: false, contact: en.contactFallback,
  });
  assert.equal(handoffStatus({ mode: 'human', handoff: { state: 'failed' } }, en, 'Call 0800').contact, 'Call 0800');
  assert.equal(shown({ state: 'connected', desk: 'seen' }).contact, '');
  // A person has joined only once the desk says an agent opened or answered it.
  assert.equal(shown({ state: 'connected' }).text, en.handoffQueued);
  assert.equal(shown({ state: 'connected', desk: 'queued' }).text, en.handoffQueued);
  assert.equal(shown({ state: 'connected', desk: 'seen' }).text, en.handoffSeen);
  assert.equal(shown({ state: 'connected', desk: 'answered' }).text, en.handoffAnswered);
  assert.equal(
    messagesUrl('http://127.0.0.1:8081/v1/handoffs', 'c/1'),
    'http://127.0.0.1:8081/v1/conversations/c%2F1/messages',
  );
});

test('i18n: every locale has every string; tags fall back sensibly', () => {
  const keys = Object.keys(strings('en')).sort();
  for (const locale of LOCALES) assert.deepEqual(Object.keys(strings(locale)).sort(), keys, locale);
  assert.equal(resolveLocale('fr-CA'), 'fr');
  assert.equal(resolveLocale('AR'), 'ar');
  assert.equal(resolveLocale('de-DE'), 'en');
  assert.equal(resolveLocale(undefined), 'en');
  assert.equal(strings('ar').dir, 'rtl');
  assert.equal(format('{percent}% {missing}', { percent: 40 }), '40% {missing}');
});

function memoryStore() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
    data,
  };
}

test('storage: round trip, damaged records and full or missing storage', () => {
  const store = memoryStore();
  const conversation = { version: 1, open: true, messages: [{ id: '1', role: 'customer', text: 'hi' }] };
  assert.ok(saveConversation('k', conversation, store));
  assert.deepEqual(loadConversation('k', store), conversation);
  clearConversation('k', store);
  assert.deepEqual(loadConversation('k', store).messages, []);
  store.setItem('k', '{not json');
  assert.deepEqual(loadConversation('k', store).messages, []);
  store.setItem('k', JSON.stringify({ version: 99, messages: [] }));
  assert.equal(loadConversation('k', store).version, 1);
  const full = { ...store, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.equal(saveConversation('k', conversation, full), false);
  assert.deepEqual(loadConversation('k', null).messages, []);
});

// A stand-in for the wasm module, only to drive the loader's error paths.
const MODEL = new Uint8Array([0x54, 0x4e, 0x44, 0x4d, ...new Array(20).fill(0)]);
function loaderWith({ response = new Response(MODEL), importCore, load }) {
  return createEngineLoader({
    kbUrl: 'https://shop.example/site.tandem',
    coreUrl: 'https://shop.example/tandem-core.mjs',
    deps: {
      fetchImpl: async () => (typeof response === 'function' ? response() : response.clone()),
      importCore: importCore ?? (async () => ({ default: () => ({}) })),
      load: load ?? (async ({ modelBytes }) => ({ decide: () => ({ size: modelBytes.length }) })),
    },
  });
}

async function failure(loader) {
  return loader.load().then(
    () => null,
    (error) => error.kind,
  );
}

test('engine loader: loads once, and names each kind of failure', async () => {
  let loads = 0;
  const ok = loaderWith({ load: async ({ modelBytes }) => ({ bytes: modelBytes.length, n: ++loads }) });
  assert.deepEqual(await ok.load(), { bytes: 24, n: 1 });
  assert.equal(await ok.load(), await ok.load());
  assert.equal(loads, 1);

  assert.equal(await failure(loaderWith({ response: new Response('no', { status: 404 }) })), LOAD_ERROR.modelMissing);
  assert.equal(
    await failure(loaderWith({ response: () => Promise.reject(new TypeError('network')) })),
    LOAD_ERROR.modelMissing,
  );
  assert.equal(await failure(loaderWith({ response: new Response('<html>') })), LOAD_ERROR.modelCorrupt);
  assert.equal(
    await failure(loaderWith({ load: async () => { throw new Error('cannot load the model: bad CRC'); } })),
    LOAD_ERROR.modelCorrupt,
  );
  assert.equal(
    await failure(loaderWith({ importCore: async () => { throw new TypeError('Failed to fetch module'); } })),
    LOAD_ERROR.engine,
  );
  assert.equal(
    await failure(loaderWith({ load: async () => { throw new WebAssembly.CompileError('bad magic'); } })),
    LOAD_ERROR.engine,
  );
});

test('engine loader: a failed load is retried on the next call', async () => {
  let attempts = 0;
  const loader = loaderWith({
    response: () => (++attempts === 1 ? new Response('', { status: 503 }) : new Response(MODEL)),
  });
  assert.equal(await failure(loader), LOAD_ERROR.modelMissing);
  assert.ok(await loader.load());
  assert.equal(attempts, 2);
});

// fetch() stands in for the browser's: it refuses a body whose hash differs,
// with the same TypeError as a network failure.
function integrityLoader(integrity, { files, reachable = true }) {
  const requests = [];
  const loader = createEngineLoader({
    kbUrl: 'https://shop.example/kb/site.tandem',
    coreUrl: 'https://cdn.example/chat@1/tandem-core.mjs',
    integrity,
    deps: {
      fetchImpl: async (url, init = {}) => {
        const name = new URL(url).pathname.split('/').pop();
        requests.push({ name, method: init.method ?? 'GET', integrity: init.integrity });
        if (init.method === 'HEAD') return reachable ? new Response(null) : Promise.reject(new TypeError('network'));
        if (init.integrity && init.integrity !== files[name].hash) throw new TypeError('Failed to fetch');
        return new Response(files[name].bytes);
      },
      importCore: async () => ({ default: () => ({}) }),
      load: async ({ modelBytes, wasmBinary }) => ({ model: modelBytes.length, wasm: wasmBinary?.length }),
    },
  });
  return { loader, requests };
}

test('engine loader: integrity hashes go to fetch by file name, and a mismatch is told apart from a missing file', async () => {
  const files = { 'site.tandem': { bytes: MODEL, hash: 'sha384-kb' }, 'tandem-core.wasm': { bytes: new Uint8Array(7), hash: 'sha384-wasm' } };
  const right = integrityLoader('{"site.tandem":"sha384-kb","tandem-core.wasm":"sha384-wasm"}', { files });
  assert.deepEqual(await right.loader.load(), { model: 24, wasm: 7 });
  assert.deepEqual(right.requests.map((r) => [r.name, r.integrity]).sort(), [['site.tandem', 'sha384-kb'], ['tandem-core.wasm', 'sha384-wasm']]);
  // Without a hash for the wasm, Emscripten fetches (and streams) it itself.
  const kbOnly = integrityLoader('{"site.tandem":"sha384-kb"}', { files });
  assert.deepEqual(await kbOnly.loader.load(), { model: 24, wasm: undefined });

  const wrong = (json, options = {}) => failure(integrityLoader(json, { files, ...options }).loader);
  assert.equal(await wrong('{"tandem-core.wasm":"sha384-other"}'), LOAD_ERROR.integrity);
  assert.equal(await wrong('{"site.tandem":"sha384-other"}'), LOAD_ERROR.integrity);
  assert.equal(await wrong('{"site.tandem":"sha384-other"}', { reachable: false }), LOAD_ERROR.modelMissing);
  assert.equal(await wrong('{"tandem-core.wasm":"sha384-other"}', { reachable: false }), LOAD_ERROR.engine);
  for (const bad of ['{not json', '[]', '{"site.tandem": 5}', 'null']) assert.equal(await wrong(bad), LOAD_ERROR.integrity, bad);
});

test('suggestions: the engine\'s own choices and labels win over humanised candidates', () => {
  const decision = { action: 'clarify', candidates: [{ id: 'order_tracking', confidence: 0.5 }] };
  assert.deepEqual(suggestionsFor({ ...decision, choices: [{ id: 'safety_incident', label: 'A safety problem' }, 'order_tracking'] }), [
    { id: 'safety_incident', label: 'A safety problem' },
    { id: 'order_tracking', label: 'Order tracking' },
  ]);
  assert.deepEqual(suggestionsFor({ ...decision, choices: [] }).map((s) => s.id), ['order_tracking']);
  // Two options and the way out: every chip is shown.
  const choices = ['safety_incident', 'order_tracking', 'tandem:other', 'tandem:person'];
  assert.deepEqual(suggestionsFor({ ...decision, choices }).map((s) => s.id), choices);
});

test('outbox: without storage (Node has no localStorage) a bundle is kept in memory and still delivered', async () => {
  const posted = [];
  const delivered = new Promise((resolve) => {
    const outbox = new Outbox({
      key: 'k',
      fetchImpl: async (url, init) => {
        posted.push(init.headers['Idempotency-Key']);
        return posted.length === 1 ? new Response('{}', { status: 503 }) : Response.json({ conversation_id: 'c_1' }, { status: 201 });
      },
      onDelivered: (entry, answer) => resolve({ outbox, entry, answer }),
    });
    outbox.add({ id: 'h_1', endpoint: 'http://127.0.0.1:9/v1/handoffs', body: '{}' });
    assert.equal(outbox.persisted, false);
    assert.equal(outbox.pending.length, 1);
    outbox.retryNow();
  });
  const { outbox, entry, answer } = await delivered;
  outbox.dispose();
  assert.equal(entry.id, 'h_1');
  assert.equal(answer.conversation_id, 'c_1');
  assert.deepEqual(posted, ['h_1', 'h_1']);
  assert.equal(outbox.pending.length, 0);
});

test("words: the page's attributes, then the knowledge base's messages (engine info(), when it has one), then nothing", () => {
  const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });
  const info = { name: 'Spoke & Sprocket', locale: 'en', messages: { greeting: 'Hi, bike trouble?', subtitle: '', contact: 'Call 01632 960000' } };
  // The shapes an engine may have: conversation.info() or info(), or neither (older engines).
  assert.deepEqual(kbMessages({ conversation: { info: () => info } }), info.messages);
  assert.deepEqual(kbMessages({ info: () => info, conversation: {} }), info.messages);
  assert.deepEqual(kbMessages({ conversation: {} }), {});
  assert.deepEqual(kbMessages({ conversation: { info: () => { throw new Error('unknown op'); } } }), {});
  const words = companyWords(element({ greeting: 'Welcome to the shop', placeholder: ' ' }), info.messages);
  assert.deepEqual(words, { greeting: 'Welcome to the shop', contact: 'Call 01632 960000' });
});

test('notices: a notice keeps its known fields, trimmed; a bad one is a TypeError naming the field', () => {
  const notice = { id: ' n1 ', kind: 'refund_sent', title: 'Refund sent', text: 'We sent $16.00 back.', order_id: 'LP-000118', extra: 'dropped' };
  assert.deepEqual(checkNotice(notice), { id: 'n1', kind: 'refund_sent', title: 'Refund sent', text: 'We sent $16.00 back.', order_id: 'LP-000118' });
  assert.deepEqual(checkNotice({ ...notice, order_id: null }).order_id, undefined);
  assert.throws(() => checkNotice('n1'), /expected \{ id, kind, title, text, order_id\? \}/);
  assert.throws(() => checkNotice({ ...notice, kind: '  ' }), /kind must be a non-empty string/);
  assert.throws(() => checkNotice({ ...notice, order_id: 42 }), /order_id must be a non-empty string/);
  assert.throws(() => checkNotice({ ...notice, text: 'x'.repeat(601) }), /text is longer than 600 characters/);
  const message = noticeConversationMessage(checkNotice(notice), Date.UTC(2026, 11, 2));
  assert.equal(message.role, 'bot');
  assert.equal(message.text, '**Refund sent**\n\nWe sent $16.00 back.');
  assert.equal(message.notice, 'n1');
  assert.equal(message.time, '2026-12-02T00:00:00.000Z');
});
