// Keyboard-only use, an axe-core scan and right-to-left layout.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { demoSuite, findClarification, freshPage, panelSettled, part } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const suite = demoSuite();

// The element focused inside the widget's shadow root, described by its part or aria-label.
function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName !== 'tandem-chat') return active?.localName ?? null;
    const inner = active.shadowRoot.activeElement;
    return inner?.getAttribute('part') || inner?.getAttribute('aria-label') || inner?.textContent || null;
  });
}

async function tabTo(page, target, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${target}`);
}

test('keyboard only: open, ask, rate, pick a suggestion, close with Escape', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await tabTo(page, 'launcher');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'input', 'opening moves focus to the input');
  assert.equal(await part(page, 'launcher').getAttribute('aria-expanded'), 'true');

  // With the order number given, the policy answers instead of asking for it.
  await page.keyboard.type('How do I pay off order LP-48213 early?');
  await page.keyboard.press('Enter');
  const answer = part(page, 'message-bot').nth(1);
  await answer.waitFor();
  assert.match(await answer.innerText(), /pay off an order early/);
  assert.equal(await focused(page), 'input', 'focus stays in the input after sending');

  await page.keyboard.down('Shift');
  await tabTo(page, 'Yes'); // "No" would hand off to a person (the policy)
  await page.keyboard.up('Shift');
  await page.keyboard.press('Enter');
  assert.match(await answer.innerText(), /Thanks for your feedback/);
  assert.equal(await focused(page), 'input');

  // Reaching a chip by keyboard and choosing it with Space.
  const found = await findClarification(page);
  assert.ok(found);
  await page.keyboard.down('Shift');
  await tabTo(page, 'suggestion');
  await page.keyboard.up('Shift');
  const asked = await part(page, 'message-customer').count();
  await page.keyboard.press('Space');
  await part(page, 'message-customer').nth(asked).waitFor();

  await page.keyboard.press('Escape');
  await part(page, 'panel').waitFor({ state: 'hidden' });
  assert.equal(await focused(page), 'launcher', 'closing returns focus to the launcher');
  await page.close();
});

test('axe-core finds no serious or critical violations, panel closed or open', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await page.addScriptTag({ path: AXE });
  const scan = () =>
    page.evaluate(async () => {
      const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  assert.deepEqual(await scan(), []);
  await part(page, 'launcher').click();
  await page.evaluate(() => document.querySelector('tandem-chat').send('Are there any late fees?'));
  await findClarification(page);
  await page.evaluate(() => document.querySelector('tandem-chat').send('I want to talk to a person'));
  await page.evaluate(() => document.querySelector('tandem-chat').send('help with my account'));
  await panelSettled(page);
  assert.deepEqual(await scan(), []);
  await page.close();
});

test('the log announces new messages only, and every control has a name', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  const log = part(page, 'log');
  assert.equal(await log.getAttribute('role'), 'log');
  assert.equal(await log.getAttribute('aria-live'), 'polite');
  assert.equal(await log.getAttribute('aria-relevant'), 'additions');
  await part(page, 'launcher').click();
  const unnamed = await page.evaluate(() =>
    [...document.querySelector('tandem-chat').shadowRoot.querySelectorAll('button, textarea')]
      .filter((el) => !el.hidden && !el.getAttribute('aria-label') && !el.textContent.trim() && !el.labels?.length)
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  await page.close();
});

test('locale="ar" lays the panel out right to left with Arabic labels', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await page.evaluate(() => document.querySelector('tandem-chat').setAttribute('locale', 'ar'));
  await part(page, 'launcher').click();
  const layout = await page.evaluate(() => {
    const root = document.querySelector('tandem-chat').shadowRoot;
    const panel = root.querySelector('[part~="panel"]').getBoundingClientRect();
    return {
      dir: root.querySelector('.root').getAttribute('dir'),
      send: root.querySelector('[part~="send"]').getAttribute('aria-label'),
      panelLeft: panel.left,
      viewport: innerWidth,
    };
  });
  assert.equal(layout.dir, 'rtl');
  assert.equal(layout.send, 'إرسال');
  assert.ok(layout.panelLeft < layout.viewport / 2, 'the panel sits on the left in RTL');
  await page.evaluate(() => document.querySelector('tandem-chat').setAttribute('locale', 'fr-CA'));
  assert.equal(await part(page, 'send').getAttribute('aria-label'), 'Envoyer');
  await page.close();
});
