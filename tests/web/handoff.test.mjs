// Handoff delivery and human mode (issue 4 items 7-8, issue 5's demo flow)
// against a real tandem-desk on loopback with its own SQLite file: the bundle
// survives an endpoint that is down and two reloads and arrives exactly once,
// a refusal is shown and not retried, the agent's replies reach the widget and
// the bot stays quiet until the customer chooses to come back to it; and an
// agent works the handoff through the inbox page itself.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { agentRequest, startDesk } from '../../web/tools/desk-process.mjs';
import { demoSuite, freshPage, openWidget, part, typeAndSend, watchPage } from './harness.mjs';

const FIRST = 'I was charged twice for order LP-48213, my card 4111 1111 1111 1111';
const ASK_PERSON = 'I want to talk to a human agent please';
const FRAUD = 'someone used my card to buy things I never ordered';
const EMAIL = 'sam.taylor@example.com';

const suite = demoSuite();

// A port nothing listens on yet (the desk starts there later).
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function pageWithEndpoint(endpoint) {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await page.evaluate((url) => document.querySelector('tandem-chat').setAttribute('endpoint', url), endpoint);
  await openWidget(page);
  return page;
}

async function handOff(page) {
  await page.evaluate((text) => document.querySelector('tandem-chat').send(text), FIRST);
  const decision = await page.evaluate((text) => document.querySelector('tandem-chat').send(text), ASK_PERSON);
  assert.equal(decision.action, 'handoff');
}

const statusText = (page) => part(page, 'status').innerText();

async function waitForStatus(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="status"]').textContent),
    pattern.source,
    { timeout: 15000 },
  );
}

test('a handoff queued while the desk is down and across two reloads arrives exactly once; agent and customer then talk', async () => {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}/v1/handoffs`;
  const page = await pageWithEndpoint(endpoint);
  await handOff(page);
  await waitForStatus(page, /Sending|could not reach our team/);
  await page.reload();
  await waitForStatus(page, /Sending|could not reach our team/);
  await page.reload();
  await waitForStatus(page, /Sending|could not reach our team/);

  const desk = await startDesk({ port, allowOrigins: [suite.origin] });
  try {
    // The widget would retry by itself within its backoff; `online` makes it now.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForStatus(page, /reached our team/);

    // Issue 5: the inbox lists it, with what the bot collected.
    const { conversations } = await agentRequest(desk, 'GET', '/v1/agent/conversations?status=all');
    assert.equal(conversations.length, 1, 'exactly one conversation');
    const { id } = conversations[0];
    const { bundle } = await agentRequest(desk, 'GET', `/v1/agent/conversations/${id}`);
    assert.equal(bundle.reason.code, 'asked_for_person');
    assert.equal(bundle.page.url, suite.server.url);
    assert.ok(!JSON.stringify(bundle).includes('4111 1111 1111 1111'), 'the card number was masked in the core');
    assert.equal(bundle.transcript[0].role, 'customer');

    // The agent replies: it appears in the widget as message-agent and as an event.
    const event = page.evaluate(
      () => new Promise((resolve) => document.querySelector('tandem-chat').addEventListener('tandem:agent-message', (e) => resolve(e.detail), { once: true })),
    );
    await agentRequest(desk, 'POST', `/v1/agent/conversations/${id}/messages`, { text: 'Hi, Sam here. Looking at it now.' });
    await part(page, 'message-agent').first().waitFor({ timeout: 30000 });
    assert.match(await part(page, 'message-agent').first().innerText(), /Sam here/);
    assert.match((await event).text, /Sam here/);

    // The bot stays quiet: the customer's message goes to the person.
    const botsBefore = await part(page, 'message-bot').count();
    await part(page, 'input').fill('Thanks, it was on Friday');
    await part(page, 'input').press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await part(page, 'message-bot').count(), botsBefore, 'no bot reply in human mode');
    let thread = [];
    for (let i = 0; i < 50 && !thread.some((m) => m.role === 'customer'); i++) {
      thread = (await agentRequest(desk, 'GET', `/v1/agent/conversations/${id}`)).messages;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(thread.some((m) => m.role === 'customer' && /Friday/.test(m.text)), 'the desk has the follow-up');

    // Only an explicit choice gives the bot back.
    await part(page, 'return-to-bot').click();
    await part(page, 'input').fill('What are your opening hours?');
    await part(page, 'input').press('Enter');
    await part(page, 'message-bot').nth(botsBefore).waitFor();
    assert.equal((await agentRequest(desk, 'GET', '/v1/agent/conversations?status=all')).conversations.length, 1);
  } finally {
    await page.close();
    await desk.stop();
  }
});

test('a refused bundle (4xx) is shown to the customer and not retried, even after a reload', async () => {
  let posts = 0;
  const refusing = createServer((request, response) => {
    const cors = { 'Access-Control-Allow-Origin': suite.origin, 'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key' };
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    // Only the handoff: the page's outcome events (docs/metrics.md) go to this host too.
    if (request.url.startsWith('/v1/handoffs')) posts += 1;
    request.resume();
    response.writeHead(422, { ...cors, 'Content-Type': 'application/json' }).end('{"error":"bundle.summary: too long"}');
  });
  await new Promise((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  const page = await pageWithEndpoint(`http://127.0.0.1:${refusing.address().port}/v1/handoffs`);
  try {
    await handOff(page);
    await waitForStatus(page, /could not accept/);
    assert.match(await statusText(page), /too long/);
    await page.reload();
    await page.waitForTimeout(1500);
    assert.match(await statusText(page), /could not accept/);
    assert.equal(posts, 1);
  } finally {
    await page.close();
    await new Promise((resolve) => refusing.close(resolve));
  }
});

test('issue 5 in the inbox page: a fraud handoff appears live, shows what the bot collected, and the reply reaches the widget', async () => {
  const desk = await startDesk({ allowOrigins: [suite.origin] });
  const inbox = await suite.browser.context.newPage();
  const inboxProblems = watchPage(inbox);
  let customer;
  try {
    // Opened before the handoff, so the conversation can only arrive by the page's own refresh.
    await inbox.goto(`${desk.url}/inbox?token=${desk.agentToken}`);
    assert.equal(new URL(inbox.url()).pathname, '/inbox');
    assert.ok(!inbox.url().includes(desk.agentToken), 'the redirect drops the token from the address bar');
    await inbox.locator('#conversations .empty').waitFor();

    customer = await pageWithEndpoint(`${desk.url}/v1/handoffs`);
    await typeAndSend(customer, FRAUD);
    assert.match(await part(customer, 'message-bot').last().innerText(), /email/i);
    await typeAndSend(customer, EMAIL);
    await waitForStatus(customer, /reached our team/);

    const link = inbox.locator('#conversations a[data-id]');
    await link.first().waitFor({ timeout: 8000 });
    assert.equal(await link.count(), 1);
    const id = await link.first().getAttribute('data-id');
    const { bundle } = await agentRequest(desk, 'GET', `/v1/agent/conversations/${id}`);
    assert.equal(bundle.reason.code, 'sensitive');
    assert.equal(bundle.intent.candidates[0].id, 'fraud_report');
    assert.equal(await link.first().locator('.summary').innerText(), bundle.summary);

    await link.first().click();
    const pane = inbox.locator('#conversation');
    await pane.locator('h2').waitFor();
    assert.equal(await pane.locator('h2').innerText(), bundle.summary);
    const field = (name) => pane.locator('dl').first().locator(`dt:text-is("${name}") + dd`);
    assert.match(await field('reason').innerText(), /^sensitive: .*fraud/);
    const details = pane.locator('h3:text-is("Details") + dl');
    assert.equal(await details.locator('dt:text-is("email") + dd').innerText(), EMAIL);
    const customerTurns = pane.locator('.turn.customer');
    assert.match(await customerTurns.first().innerText(), /never ordered/);
    assert.match(await pane.locator('.turn.bot').first().locator('.meta').innerText(), /fraud_report \d+% · collect/);

    // The agent answers from the reply box; the widget shows it as the agent's message.
    await pane.locator('textarea[name="text"]').fill('Hi, Sam here from the fraud team. I have frozen the card.');
    await pane.locator('button[type="submit"]').click();
    await part(customer, 'message-agent').first().waitFor({ timeout: 30000 });
    assert.match(await part(customer, 'message-agent').first().innerText(), /frozen the card/);
    await pane.locator('.turn.agent', { hasText: 'frozen the card' }).waitFor();
    assert.equal(await pane.locator('textarea[name="text"]').inputValue(), '', 'the reply box is cleared once sent');
    assert.deepEqual(inboxProblems, []);
  } finally {
    await customer?.close();
    await inbox.close();
    await desk.stop();
  }
});
