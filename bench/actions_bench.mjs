// Action answers in Chromium (issue 14: an answered lookup within 100 ms of
// the API's response): the demo with a real lumenpay-api on loopback, a
// signed-in customer, N sends of "when is my next payment due?". Prints
// p50/p99 of send() to the reply, and of the API's response end (Resource
// Timing) to the reply: the widget's own share.
//
//   bash scripts/demo.sh --build && node bench/actions_bench.mjs [N]
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../web/tools/serve.mjs';
import { startShopApi } from '../web/tools/shop-api-process.mjs';
import { freshPage, launchBrowser, ROOT, siteCopy } from '../tests/web/harness.mjs';

const N = Number(process.argv[2] ?? 50);
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const site = await siteCopy();
const shop = await startServer({ root: site.dir });
const api = await startShopApi({ allowOrigins: [new URL(shop.url).origin] });
const browser = await launchBrowser();
try {
  const kb = (await readFile(path.join(ROOT, 'web/demo/kb.json'), 'utf8')).replaceAll('127.0.0.1:8082', `127.0.0.1:${api.port}`);
  await writeFile(path.join(site.dir, 'kb.json'), kb);
  await promisify(execFile)(path.join(ROOT, 'build/release/bin/tandem'), ['train', path.join(site.dir, 'kb.json'), '-o', path.join(site.dir, 'site.tandem')]);
  const page = await freshPage(browser.context, shop.url);
  const { token } = await api.signIn('ada@example.com');
  const times = await page.evaluate(
    async ([n, value]) => {
      const chat = document.querySelector('tandem-chat');
      chat.removeAttribute('endpoint');
      chat.identify({ token: value });
      await chat.send('hello'); // loads the engine
      const out = [];
      for (let i = 0; i < n; i++) {
        performance.clearResourceTimings();
        const start = performance.now();
        const reply = await chat.send('when is my next payment due?');
        const end = performance.now();
        const call = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/v1/instalments/next'));
        if (reply.action !== 'answer' || !call) throw new Error(`not answered from the API: ${reply.reply}`);
        out.push({ total: end - start, after: end - call.responseEnd, api: call.responseEnd - call.startTime });
        chat.clear();
      }
      return out;
    },
    [N, token],
  );
  const show = (label, xs) => console.log(`${label.padEnd(34)} p50 ${percentile(xs, 50).toFixed(1)} ms  p99 ${percentile(xs, 99).toFixed(1)} ms`);
  console.log(`action answers (next instalment), ${N} sends, Chromium, API on loopback`);
  show('send() to reply', times.map((t) => t.total));
  show('API request (fetch, incl. preflight)', times.map((t) => t.api));
  show('API response end to reply', times.map((t) => t.after));
} finally {
  await browser.close();
  await api.stop();
  await shop.close();
  await site.remove();
}
