// The reports page of docs/screenshots/reports.png, filled by real demo
// conversations: each script below is played in the widget against a fresh
// tandem-desk, its outcome events sent as the page is hidden, then /reports
// is captured. Needs the built demo and tandem-desk (bash scripts/demo.sh --build).
//
//   node web/tools/reports-screenshot.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPage, launchBrowser, openWidget, part, serve } from '../../tests/web/harness.mjs';
import { AGENT_TOKEN, startDesk } from './desk-process.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots/reports.png');

// [message, then: 'yes' | 'no' | a CSAT score after "yes" | nothing]
const SCRIPTS = [
  [['What are your opening hours?', 'yes', 5]],
  [['What are your opening hours?', 'yes', 4]],
  [['Where is my refund?', 'yes', 3]],
  [['Can I pay with a gift card?']],
  [['How do I change my payment date?'], ['thanks']],
  [['Is there any interest?', 'no']],
  [['zxqv blorp snark']],
  [['I want to talk to a human agent please']],
  [['Someone used my card without permission, this is fraud']],
  [['Where is my refund?']],
];

const server = await serve();
const desk = await startDesk({ allowOrigins: [new URL(server.url).origin] });
const browser = await launchBrowser({ viewport: { width: 1100, height: 900 }, reducedMotion: 'reduce' });
try {
  for (const script of SCRIPTS) {
    const page = await freshPage(browser.context, server.url);
    await page.evaluate((endpoint) => document.querySelector('tandem-chat').setAttribute('endpoint', endpoint), `${desk.url}/v1/handoffs`);
    await openWidget(page);
    for (const [message, feedback, score] of script) {
      await page.evaluate((text) => document.querySelector('tandem-chat').send(text), message);
      const last = part(page, 'message-bot').last();
      if (feedback && (await last.locator(`[data-feedback="${feedback}"]`).count())) {
        await last.locator(`[data-feedback="${feedback}"]`).click();
        if (score) await part(page, 'csat').locator(`[data-score="${score}"]`).click();
      }
    }
    await page.evaluate(() => globalThis.dispatchEvent(new PageTransitionEvent('pagehide')));
    await page.waitForTimeout(300);
    await page.close();
  }
  const page = await browser.context.newPage();
  await page.goto(`${desk.url}/inbox?token=${AGENT_TOKEN}`);
  await page.goto(`${desk.url}/reports`);
  await page.locator('#status').filter({ hasText: 'conversations' }).waitFor();
  await page.screenshot({ path: OUT, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
  await desk.stop();
  await server.close();
}
