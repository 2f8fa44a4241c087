// The widget under a strict Content-Security-Policy, with a missing or broken
// model file, and with hostile text in a stored conversation.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../web/tools/serve.mjs';
import { ask, freshPage, launchBrowser, openWidget, part, serve, siteCopy, typeAndSend, watchPage } from './harness.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('under a strict CSP the demo answers with no violation', async () => {
  const server = await serve({ csp: true });
  try {
    const page = await freshPage(browser.context, server.url);
    const header = (await page.reload()).headers()['content-security-policy'];
    assert.match(header, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    const problems = watchPage(page);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        globalThis.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await openWidget(page);
    const reply = await typeAndSend(page, 'My card ending 4242 was declined at checkout');
    assert.match(await reply.innerText(), /declined card/i);
    const styled = await page.evaluate(() => {
      const launcher = document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="launcher"]');
      return getComputedStyle(launcher).borderRadius;
    });
    assert.equal(styled, '50%', 'the linked stylesheet applies under style-src self');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});

async function withBrokenModel(breakModel, check) {
  const site = await siteCopy();
  const model = path.join(site.dir, 'site.tandem');
  await breakModel(model);
  const server = await startServer({ root: site.dir });
  try {
    const page = await freshPage(browser.context, server.url);
    await openWidget(page);
    const status = part(page, 'status');
    await status.waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => document.querySelector('tandem-chat').shadowRoot.querySelector('[part~="status"]').dataset.kind === 'error',
    );
    await check(page, status);
    await page.close();
  } finally {
    await server.close();
    await site.remove();
  }
}

test('a missing model file says so in the widget, and keeps the message', async () => {
  await withBrokenModel(
    (model) => rm(model),
    async (page, status) => {
      assert.match(await status.innerText(), /knowledge file could not be found/);
      assert.equal(await status.getAttribute('role'), 'alert');
      const error = await ask(page, 'where is my refund').then(
        () => null,
        (e) => e.message,
      );
      assert.match(error, /model-missing/);
      assert.equal(await part(page, 'message-customer').last().locator('.bubble').innerText(), 'where is my refund');
    },
  );
});

test('a model file that is not a model says it is damaged', async () => {
  await withBrokenModel(
    (model) => writeFile(model, '<!doctype html><title>Not found</title>'),
    async (page, status) => assert.match(await status.innerText(), /knowledge file is damaged/),
  );
});

test('a model file damaged inside (bad checksum) says it is damaged', async () => {
  await withBrokenModel(
    async (model) => {
      const bytes = await readFile(model);
      bytes[bytes.length >> 1] ^= 0xff;
      await writeFile(model, bytes);
    },
    async (page, status) => assert.match(await status.innerText(), /knowledge file is damaged/),
  );
});

test('a missing engine (wasm) says the assistant cannot start', async () => {
  await withBrokenModel(
    (model) => rm(path.join(path.dirname(model), 'tandem-core.wasm')),
    async (page, status) => assert.match(await status.innerText(), /could not start/),
  );
});

test('stored text never becomes markup: no tags, no script links', async () => {
  const server = await serve();
  try {
    const page = await freshPage(browser.context, server.url);
    await page.evaluate(() => {
      const hostile = '<img src=x onerror="window.pwned=1"> **bold** [click](javascript:window.pwned=2) [ok](https://lumenpay.example/)';
      const key = Object.keys(localStorage).find((k) => k.startsWith('tandem:')) ??
        `tandem:conversation:${new URL('site.tandem', document.baseURI).href}`;
      localStorage.setItem(key, JSON.stringify({
        version: 1,
        open: true,
        messages: [
          { id: 'a', role: 'customer', text: hostile },
          { id: 'b', role: 'bot', text: hostile, action: 'fallback' },
        ],
      }));
    });
    await page.reload();
    await part(page, 'message-bot').nth(1).waitFor();
    const found = await page.evaluate(() => {
      const root = document.querySelector('tandem-chat').shadowRoot;
      return {
        images: root.querySelectorAll('img').length,
        links: [...root.querySelectorAll('a')].map((a) => a.href),
        bold: [...root.querySelectorAll('strong')].map((b) => b.textContent),
        customerText: root.querySelector('[part~="message-customer"] .bubble').textContent,
        pwned: globalThis.pwned ?? null,
      };
    });
    assert.deepEqual(found.links, ['https://lumenpay.example/']);
    assert.equal(found.images, 0);
    assert.deepEqual(found.bold, ['bold']);
    assert.match(found.customerText, /^<img src=x/); // the customer's words stay verbatim
    assert.equal(found.pwned, null);
    await page.close();
  } finally {
    await server.close();
  }
});
