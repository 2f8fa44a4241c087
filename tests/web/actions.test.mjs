// Actions (issue 14 items 1-2, docs/actions.md) in Chromium against a real
// lumenpay-api on loopback: signed-in lookups of an instalment and an order,
// signed out, an expired token refreshed through getToken(), a 404 order
// (asked again), the API down, slow past the timeout, a malformed response,
// extra fields never shown; every request the page makes is recorded, and
// none goes to a host the knowledge base does not declare; no token is stored.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startServer } from '../../web/tools/serve.mjs';
import { startShopApi } from '../../web/tools/shop-api-process.mjs';
import { ask, freshPage, launchBrowser, part, ROOT, siteCopy } from './harness.mjs';

const TANDEM = path.join(ROOT, 'build/release/bin/tandem');
const PARCEL = 'where is my parcel?';
const NEXT_PAYMENT = 'when is my next payment due?';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// The built demo with its knowledge base retrained to call this test's API
// (a free port, not the demo's 8082), served on its own origin.
async function shopWithApi(apiOptions = {}) {
  const site = await siteCopy();
  const shop = await startServer({ root: site.dir });
  const origin = new URL(shop.url).origin;
  const api = await startShopApi({ allowOrigins: [origin], ...apiOptions });
  const kb = (await readFile(path.join(ROOT, 'web/demo/kb.json'), 'utf8')).replaceAll('127.0.0.1:8082', `127.0.0.1:${api.port}`);
  await writeFile(path.join(site.dir, 'kb.json'), kb);
  await promisify(execFile)(TANDEM, ['train', path.join(site.dir, 'kb.json'), '-o', path.join(site.dir, 'site.tandem')]);
  return {
    api,
    origin,
    url: shop.url,
    async close() {
      await api.stop().catch(() => {});
      await shop.close();
      await site.remove();
    },
  };
}

// A page that records every request, with the widget's handoffs kept on the page.
async function page(env) {
  const p = await freshPage(browser.context, env.url);
  const requests = [];
  p.on('request', (request) => requests.push({ url: request.url(), auth: request.headers().authorization ?? null }));
  await p.evaluate(() => {
    const chat = document.querySelector('tandem-chat');
    chat.removeAttribute('endpoint');
    window.handoffs = [];
    chat.addEventListener('tandem:handoff', (e) => window.handoffs.push(e.detail));
  });
  return { p, requests };
}

function identify(p, token, refresh) {
  return p.evaluate(
    ([value, refreshUrl]) => {
      window.refreshes = 0;
      const getToken = refreshUrl
        ? async () => {
            window.refreshes++;
            const r = await fetch(refreshUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"customer":"ada@example.com"}' });
            return (await r.json()).token;
          }
        : undefined;
      document.querySelector('tandem-chat').identify({ token: value, getToken });
    },
    [token, refresh ?? null],
  );
}

function onlyDeclaredHosts(requests, env) {
  const apiOrigin = new URL(env.api.url).origin;
  const elsewhere = requests.filter((r) => ![env.origin, apiOrigin].includes(new URL(r.url).origin));
  assert.deepEqual(elsewhere, [], 'no request to a host the page or the knowledge base does not declare');
  for (const r of requests) if (r.auth) assert.equal(new URL(r.url).origin, apiOrigin, 'the token only goes to the API');
}

async function noTokenStored(p) {
  const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /eyJ/, 'no token in web storage');
}

async function lookup(p, order) {
  const first = await ask(p, PARCEL);
  assert.equal(first.action, 'collect');
  assert.equal(first.asking_for, 'order_id');
  return ask(p, order);
}

test('signed in: the next instalment and an order are answered from the API, extra fields not shown', async () => {
  const env = await shopWithApi();
  try {
    const { token } = await env.api.signIn('ada@example.com');
    const { p, requests } = await page(env);
    await identify(p, token);
    const instalment = await ask(p, NEXT_PAYMENT);
    const expected = await (await fetch(`${env.api.url}/v1/instalments/next`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal(instalment.action, 'answer');
    assert.ok(instalment.reply.includes(`${expected.amount} ${expected.currency}`), instalment.reply);
    const orderId = expected.order_id;
    const order = await lookup(p, orderId);
    const raw = await (await fetch(`${env.api.url}/v1/orders/${orderId}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal(order.action, 'answer');
    assert.ok(order.reply.includes(raw.shop) && order.reply.includes(raw.carrier), order.reply);
    const log = await part(p, 'log').innerText();
    assert.ok(log.includes(raw.carrier));
    assert.ok('internal_risk_score' in raw, 'the API sends a field the knowledge base does not declare');
    // Everything either action declares may show; nothing else may.
    const declared = ['order_id', 'shop', 'status', 'carrier', 'tracking_status', 'eta', 'amount', 'currency', 'due_date'];
    for (const [key, value] of Object.entries(raw)) {
      if (!declared.includes(key) && String(value).length > 2)
        assert.ok(!log.includes(String(value)), `undeclared field ${key} (${value}) is not shown`);
    }
    onlyDeclaredHosts(requests, env);
    assert.ok(requests.some((r) => r.url.includes('/v1/orders/') && r.auth === `Bearer ${token}`));
    await noTokenStored(p);
  } finally {
    await env.close();
  }
});

test('signed out: no call is made; the customer is asked to sign in and answered in general', async () => {
  const env = await shopWithApi();
  try {
    const { p, requests } = await page(env);
    const reply = await ask(p, NEXT_PAYMENT);
    assert.equal(reply.action, 'answer');
    assert.match(reply.reply, /^Sign in/);
    assert.match(reply.reply, /Pay in 4/);
    assert.equal(requests.filter((r) => r.url.startsWith(env.api.url)).length, 0);
  } finally {
    await env.close();
  }
});

test('an expired token is refreshed once through getToken()', async () => {
  const env = await shopWithApi({ tokenTtl: 1 });
  try {
    const { token } = await env.api.signIn('ada@example.com');
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const { p, requests } = await page(env);
    await identify(p, token, `${env.api.url}/v1/demo/sign-in`);
    const reply = await ask(p, NEXT_PAYMENT);
    assert.equal(reply.action, 'answer');
    assert.doesNotMatch(reply.reply, /^Sign in/);
    assert.equal(await p.evaluate(() => window.refreshes), 1);
    const calls = requests.filter((r) => r.url.endsWith('/v1/instalments/next'));
    assert.equal(calls.length, 2, 'the call, then its retry');
    assert.notEqual(calls[1].auth, `Bearer ${token}`);
    await noTokenStored(p);
  } finally {
    await env.close();
  }
});

test('an order that is not the customer\'s asks for the number again', async () => {
  const env = await shopWithApi();
  try {
    const { p } = await page(env);
    await identify(p, (await env.api.signIn('ada@example.com')).token);
    const reply = await lookup(p, 'LP-999999');
    assert.equal(reply.action, 'collect');
    assert.equal(reply.asking_for, 'order_id');
    assert.match(reply.reply, /couldn't find order LP-999999/);
  } finally {
    await env.close();
  }
});

test('API down, slow past the timeout, or malformed: a handoff whose bundle names the call', async () => {
  const env = await shopWithApi({ faults: true });
  try {
    const token = (await env.api.signIn('ada@example.com')).token;
    for (const [order, outcome] of [['LP-000777', 'bad_response'], ['LP-000500', 'server_error'], ['LP-000504', 'timeout']]) {
      const { p } = await page(env);
      await identify(p, token);
      await ask(p, PARCEL);
      const started = Date.now();
      const reply = await ask(p, order);
      const took = Date.now() - started;
      assert.equal(reply.action, 'handoff', `${order}: ${reply.reply}`);
      if (outcome === 'timeout') assert.ok(took >= 3900 && took < 5900, `timed out after ${took} ms`);
      const bundle = await p.evaluate(() => window.handoffs.at(-1));
      const call = bundle.transcript.at(-1).call;
      assert.equal(call.action, 'order_lookup');
      assert.equal(call.outcome, outcome);
      assert.equal(call.inputs.order_id, order);
      await p.close();
    }
    await env.api.stop();
    const { p } = await page(env);
    await identify(p, token);
    await ask(p, PARCEL);
    const down = await ask(p, 'LP-000124');
    assert.equal(down.action, 'handoff');
    assert.equal((await p.evaluate(() => window.handoffs.at(-1))).transcript.at(-1).call.outcome, 'network');
  } finally {
    await env.close();
  }
});

test('the widget refuses any URL whose host the knowledge base does not declare', async () => {
  const { allowedUrl, runCall } = await import('../../web/widget/actions.js');
  const hosts = ['127.0.0.1:8082', 'api.example.com'];
  assert.ok(allowedUrl('http://127.0.0.1:8082/v1/orders/LP-1', hosts));
  assert.ok(allowedUrl('https://api.example.com/v1/x', hosts));
  for (const url of ['http://api.example.com/v1/x', 'https://api.example.com.evil.test/x', 'https://u:p@api.example.com/x', 'http://127.0.0.1:9999/x', 'javascript:alert(1)', 'not a url'])
    assert.equal(allowedUrl(url, hosts), null, url);
  // Refused before any fetch, token or not.
  const result = await runCall({ url: 'https://evil.test/steal', needs_customer: true, timeout_ms: 100 }, hosts, { token: 't' });
  assert.equal(result.outcome, 'network');
});
