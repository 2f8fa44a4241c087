// A phone-sized viewport (390x844, touch): the panel takes the whole screen
// and the input stays reachable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSuite, freshPage, panelSettled, part } from './harness.mjs';

const suite = demoSuite({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});

test('on a 390x844 phone the panel is full screen and the chat works by touch', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  const launcher = await part(page, 'launcher').boundingBox();
  assert.ok(launcher.x + launcher.width <= 390 && launcher.y + launcher.height <= 844, 'launcher on screen');
  assert.ok(launcher.width >= 44 && launcher.height >= 44, 'launcher is a comfortable touch target');
  await part(page, 'launcher').tap();
  await part(page, 'panel').waitFor({ state: 'visible' });
  await panelSettled(page);
  const panel = await part(page, 'panel').boundingBox();
  assert.deepEqual([panel.x, panel.y, panel.width, panel.height].map(Math.round), [0, 0, 390, 844]);
  assert.equal(await part(page, 'launcher').isVisible(), false, 'the launcher hides under the panel');

  await part(page, 'input').tap();
  await part(page, 'input').fill('How do I change my payment date? Order LP-48213');
  await part(page, 'send').tap();
  const reply = part(page, 'message-bot').nth(1);
  await reply.waitFor();
  assert.match(await reply.innerText(), /Reschedule/);
  const input = await part(page, 'input').boundingBox();
  assert.ok(input.y + input.height <= 844, 'the input is inside the viewport');
  const overflow = await page.evaluate(() => {
    const log = document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="log"]');
    return log.scrollWidth - log.clientWidth;
  });
  assert.equal(overflow, 0, 'no sideways scrolling in the log');
  await page.close();
});

test('the panel follows the visual viewport when the keyboard shrinks it', async () => {
  const page = await freshPage(suite.browser.context, suite.server.url);
  await part(page, 'launcher').tap();
  // Headless Chromium shows no on-screen keyboard; a smaller viewport is
  // what the visualViewport reports when one opens.
  await page.setViewportSize({ width: 390, height: 500 });
  await page.waitForFunction(() => {
    const panel = document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="panel"]');
    return Math.round(panel.getBoundingClientRect().height) === Math.round(visualViewport.height);
  });
  const input = await part(page, 'input').boundingBox();
  assert.ok(input.y + input.height <= 500, `input bottom ${input.y + input.height} is above the keyboard`);
  await page.close();
});
