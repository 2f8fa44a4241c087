// Screenshots of the demo for docs/screenshots/, driven like the browser tests
// (Debian's Chromium, the built demo in build/web or $TANDEM_WEB_DIR).
//
//   node web/tools/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ask, findClarification, freshPage, launchBrowser, openWidget, serve } from '../../tests/web/harness.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

const SHOTS = [
  {
    name: 'demo-desktop.png',
    context: { viewport: { width: 1280, height: 800 } },
    async drive(page) {
      await ask(page, 'When is my next payment due?');
      await findClarification(page);
    },
  },
  {
    name: 'demo-mobile.png',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    async drive(page) {
      await ask(page, 'How do I change my payment date?');
    },
  },
];

await mkdir(OUT, { recursive: true });
const server = await serve();
try {
  for (const shot of SHOTS) {
    const browser = await launchBrowser({ ...shot.context, reducedMotion: 'reduce' });
    try {
      const page = await freshPage(browser.context, server.url);
      await openWidget(page);
      await shot.drive(page);
      await page.evaluate(() => document.activeElement?.blur());
      await page.screenshot({ path: path.join(OUT, shot.name) });
      console.log(`wrote docs/screenshots/${shot.name}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
