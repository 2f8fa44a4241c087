// Runs a reply's action call (docs/actions.md), built as tandem-actions.js
// and fetched only when a knowledge base's action is first needed. The core
// filled the request; this module only fetches it, and never sends anything
// to a host the knowledge base does not declare. The customer's token
// (identify()) lives in the element's memory only and goes, as
// `Authorization: Bearer`, to declared hosts for actions that need a customer.

const MAX_BODY_CHARS = 256 * 1024;

// "127.0.0.1:8082", "api.example.com": the host the knowledge base's
// action_hosts name (the port only when it is not the scheme's default).
export function allowedUrl(url, hosts) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(parsed.hostname);
  const scheme = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback);
  if (!scheme || parsed.username || parsed.password || !hosts.includes(parsed.host)) return null;
  return parsed;
}

// { outcome, body, latency_ms } for the core's action_result.
export async function runCall(call, hosts, customer, clock = () => performance.now()) {
  const started = clock();
  const done = (outcome, body = '') => ({ outcome, body, latency_ms: Math.round(clock() - started) });
  const url = allowedUrl(call.url, hosts);
  if (!url) return done('network'); // refused here: the request never leaves the page
  let token = null;
  if (call.needs_customer) {
    token = customer?.token || (await fresh(customer));
    if (!token) return done('needs_sign_in');
  }
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetchWithin(url, call, token);
    } catch (error) {
      return done(error?.name === 'AbortError' || error?.name === 'TimeoutError' ? 'timeout' : 'network');
    }
    if (response.status === 401 && call.needs_customer) {
      // A short-lived token expired: the site signs a new one, once.
      token = attempt === 0 && customer?.getToken ? await fresh(customer) : null;
      if (!token) return done('needs_sign_in');
      continue;
    }
    if (response.status === 404) return done('not_found');
    if (!response.ok) return done('server_error');
    return done('response', response.body.slice(0, MAX_BODY_CHARS));
  }
}

async function fresh(customer) {
  if (typeof customer?.getToken !== 'function') return null;
  try {
    const token = await customer.getToken();
    customer.token = typeof token === 'string' && token ? token : null;
  } catch {
    customer.token = null;
  }
  return customer.token;
}

// The whole exchange, body included, within the action's timeout.
async function fetchWithin(url, call, token) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), call.timeout_ms || 4000);
  try {
    const headers = { Accept: 'application/json', ...call.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (call.method === 'POST') headers['Content-Type'] = 'application/json';
    const response = await fetch(url.href, {
      method: call.method || 'GET',
      headers,
      body: call.method === 'POST' ? call.body : undefined,
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'error', // a redirect could carry the token to an undeclared host
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    return { status: response.status, ok: response.ok, body: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

// The engine's answer once the pending call has run.
export async function answerCall(engine, answer, customer, context) {
  const result = await runCall(answer.reply.call, engine.conversation.actionHosts(), customer);
  return engine.conversation.actionResult(result, context);
}
