// A named agent's day in the inbox (issue 15 item 4) in Chromium at 390 px,
// against a real tandem-desk and the demo widget: the agent made with
// `tandem-desk agents add` signs in on the sign-in page, takes the handed-off
// conversation, leaves an internal note, replies, and resolves. The customer's
// widget shows the agent's chosen first name on the reply and never the note;
// the conversation view shows who did what; axe finds nothing serious.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { startDesk } from '../../web/tools/desk-process.mjs';
import { ROOT, demoSuite, freshPage, openWidget, part, typeAndSend, watchPage } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESK_BIN = process.env.TANDEM_DESK_BIN ?? path.join(ROOT, 'build/release/bin/tandem-desk');
const suite = demoSuite();

async function seriousViolations(page) {
  // Evaluated by the driver, not as a page script: the page's CSP stays strict.
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async () => (await globalThis.axe.run(document)).violations
    .filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`));
}

async function addAgent(desk, name, displayName) {
  const { stdout } = await promisify(execFile)(DESK_BIN, ['agents', 'add', name, '--display-name', displayName, '--db', path.join(desk.dbDir, 'desk.db')]);
  return stdout.match(/^secret \(shown once[^:]*\): (\S+)$/m)[1];
}

test('a named agent signs in, takes, notes, replies as their first name and resolves; at 390 px, axe clean', async () => {
  const desk = await startDesk({ allowOrigins: [suite.origin] });
  const secret = await addAgent(desk, 'maya', 'Maya');
  const inbox = await suite.browser.context.newPage();
  await inbox.setViewportSize({ width: 390, height: 844 }); // a phone: the media query's two views
  const problems = watchPage(inbox);
  let customer;
  try {
    customer = await freshPage(suite.browser.context, suite.server.url);
    await customer.evaluate((url) => document.querySelector('tandem-chat').setAttribute('endpoint', url), `${desk.url}/v1/handoffs`);
    await openWidget(customer);
    await typeAndSend(customer, 'I was charged twice for order LP-48213');
    await typeAndSend(customer, 'I want to talk to a human agent please');

    // Not signed in: the inbox sends the browser to the sign-in form.
    await inbox.goto(`${desk.url}/inbox`);
    assert.equal(new URL(inbox.url()).pathname, '/signin');
    assert.deepEqual(await seriousViolations(inbox), []);
    await inbox.getByLabel('Agent name').fill('maya');
    await inbox.getByLabel('Secret').fill('not the secret');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.getByRole('alert').filter({ hasText: 'wrong agent name or secret' }).waitFor();
    assert.deepEqual(problems, ['console: Failed to load resource: the server responded with a status of 403 (Forbidden)'], 'the refused sign-in, and nothing else');
    problems.splice(0);
    await inbox.getByLabel('Secret').fill(secret);
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.waitForURL(`${desk.url}/inbox`);
    assert.match(await inbox.locator('#me').innerText(), /maya \(customers see Maya\)/);

    const row = inbox.locator('#conversations a[data-id]').first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
    const pane = inbox.locator('#conversation');
    await pane.getByRole('button', { name: 'Take' }).click();
    await pane.locator('.assignment', { hasText: 'Assigned to you' }).waitFor();
    await inbox.locator('.back').click();
    await inbox.getByLabel('Assigned to me').check();
    await inbox.locator('#conversations .assignee', { hasText: 'yours' }).waitFor();
    assert.equal(await inbox.locator('#conversations a[data-id]').count(), 1);
    await inbox.locator('#conversations a[data-id]').first().click();

    await pane.getByLabel('Internal note (never sent to the customer)').fill('Double charge confirmed with the bank, refund 2 days');
    await pane.getByRole('button', { name: 'Add note' }).click();
    await pane.locator('.note', { hasText: 'Double charge confirmed' }).waitFor();
    await pane.getByLabel('Reply').fill('Hello, I have refunded the second charge.');
    await pane.getByRole('button', { name: 'Send' }).click();
    await pane.locator('.turn.agent', { hasText: 'refunded the second charge' }).waitFor();
    assert.match(await pane.locator('.turn.agent .meta').first().innerText(), /maya, shown as Maya/);

    // The customer sees the reply signed "Maya", and nothing of the note.
    const reply = part(customer, 'message-agent').first();
    await reply.waitFor({ timeout: 30000 });
    assert.match(await reply.innerText(), /^Maya\n/);
    assert.match(await reply.innerText(), /refunded the second charge/);
    assert.ok(!(await part(customer, 'log').innerText()).includes('Double charge confirmed'), 'the note never reaches the customer');

    await pane.getByRole('button', { name: 'Resolve' }).click();
    await pane.locator('ol.audit li', { hasText: 'maya resolved it' }).waitFor();
    assert.deepEqual((await pane.locator('ol.audit li').allInnerTexts()).map((t) => t.replace(/^.*? (?=maya)/, '')),
      ['maya took it', 'maya added a note', 'maya replied', 'maya resolved it']);
    const paneBox = await pane.boundingBox();
    assert.ok(paneBox.width >= 380, `the conversation is ${paneBox.width} px wide`);
    assert.deepEqual(await seriousViolations(inbox), []);
    assert.deepEqual(problems, [], 'no CSP violation or script error');
  } finally {
    await customer?.close();
    await inbox.close();
    await desk.stop();
  }
});
