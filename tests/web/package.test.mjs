// The packed npm package (build/tandem-chat-*.tgz, from `npm pack`) as a site
// gets it: extracted, served from a second loopback origin like a CDN, with
// the host page and its knowledge base on the first; and bundled by esbuild
// from an `import '@tandem/chat'`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { startServer } from '../../web/tools/serve.mjs';
import { launchBrowser, ROOT, WEB_DIR, watchPage } from './harness.mjs';

const PACK_DIR = path.resolve(ROOT, process.env.TANDEM_PACKAGE_DIR ?? 'build');
const QUESTION = 'how do I reset my password?';
const ERROR_INTEGRITY = 'The assistant is unavailable: its files did not pass this site’s security check. Please try again later.';

const state = {};

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function extractPackage(dir) {
  const tarball = (await readdir(PACK_DIR)).find((name) => /^tandem-chat-.*\.tgz$/.test(name));
  assert.ok(tarball, `no tandem-chat-*.tgz in ${PACK_DIR}: run npm pack build/package --pack-destination build`);
  execFileSync('tar', ['-xzf', path.join(PACK_DIR, tarball), '-C', dir]);
  return path.join(dir, 'package'); // npm pack's folder inside every tarball
}

function hostPage(script, attributes) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="${script}"></script></head>
<body><tandem-chat kb="site.tandem" ${attributes}></tandem-chat></body></html>\n`;
}

before(async () => {
  state.tmp = await mkdtemp(path.join(tmpdir(), 'tandem-package-'));
  state.pkg = await extractPackage(state.tmp);
  state.site = path.join(state.tmp, 'site');
  await mkdir(state.site);
  for (const name of ['site.tandem', 'site.onnx']) await cp(path.join(WEB_DIR, name), path.join(state.site, name));
  state.cdn = await startServer({ root: state.pkg, cors: true });
  state.host = await startServer({ root: state.site });
  state.browser = await launchBrowser();
  state.integrity = JSON.parse(await readFile(path.join(state.pkg, 'integrity.json'), 'utf8'));
  state.kbHash = sha384(await readFile(path.join(state.site, 'site.tandem')));
});

after(async () => {
  await state.browser?.close();
  await state.cdn?.close();
  await state.host?.close();
  if (state.tmp) await rm(state.tmp, { recursive: true, force: true });
});

// Loads a host page with the widget from the CDN origin; returns the page and
// every request it made, with the events the element sent.
async function openHost(name, attributes = '') {
  await writeFile(path.join(state.site, name), hostPage(`${state.cdn.url}tandem.js`, attributes));
  const page = await state.browser.context.newPage();
  const problems = watchPage(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    localStorage.clear(); // no conversation from an earlier test on this origin
    window.tandemEvents = [];
    for (const type of ['tandem:ready', 'tandem:error', 'tandem:neural']) {
      document.addEventListener(type, (event) => window.tandemEvents.push({ type, detail: event.detail }));
    }
  });
  await page.goto(`${state.host.url}${name}`);
  await page.waitForFunction(() => customElements.get('tandem-chat'));
  return { page, problems, requests };
}

const ask = (page, text) => page.evaluate((message) => document.querySelector('tandem-chat').send(message), text);

test('the package ships what its exports and files name, with types, a manifest and hashes', async () => {
  const manifest = JSON.parse(await readFile(path.join(state.pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (file.includes('*')) continue;
    await readFile(path.join(state.pkg, file)); // throws when the tarball lacks it
    assert.ok(subpath.startsWith('.'), subpath);
  }
  assert.ok((await readdir(path.join(state.pkg, 'ort'))).some((name) => name.endsWith('.wasm')));
  const types = await readFile(path.join(state.pkg, 'tandem.d.ts'), 'utf8');
  assert.match(types, /interface HTMLElementTagNameMap[\s\S]*'tandem-chat': TandemChat/);
  const elements = JSON.parse(await readFile(path.join(state.pkg, 'custom-elements.json'), 'utf8'));
  const element = elements.modules[0].declarations.find((d) => d.tagName === 'tandem-chat');
  // The manifest names what the element really has: its methods and its observed attributes.
  const { page } = await openHost('manifest.html');
  const actual = await page.evaluate(() => {
    const chat = customElements.get('tandem-chat');
    return { methods: Object.getOwnPropertyNames(chat.prototype), observed: chat.observedAttributes };
  });
  // Both ways, so a method or attribute added to the element without its manifest entry fails here.
  const lifecycle = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback'];
  const members = element.members.map((m) => m.name);
  assert.deepEqual(actual.methods.filter((name) => !lifecycle.includes(name)).sort(), members.sort());
  const attributes = element.attributes.map((a) => a.name);
  for (const name of actual.observed) assert.ok(attributes.includes(name), `${name} is not in custom-elements.json`);
  const classBody = types.slice(types.indexOf('export declare class TandemChat'), types.indexOf('\n}', types.indexOf('export declare class TandemChat')));
  const declared = [...classBody.matchAll(/^ {2}(?:readonly )?(\w+)[(:]/gm)].map((m) => m[1]).filter((name) => name !== 'addEventListener' && name !== 'removeEventListener');
  assert.deepEqual([...new Set(declared)].sort(), members.sort(), 'tandem.d.ts declares the manifest\'s members');
  assert.equal(state.integrity['tandem-core.wasm'], sha384(await readFile(path.join(state.pkg, 'tandem-core.wasm'))));
  await page.close();
});

test('from another origin the widget loads its engine beside itself and answers', async () => {
  const { page, problems, requests } = await openHost('cdn.html');
  const decision = await ask(page, QUESTION);
  assert.ok(['answer', 'clarify', 'collect', 'handoff', 'fallback'].includes(decision.action));
  assert.ok(decision.reply.length > 0);
  const wasm = requests.filter((url) => url.endsWith('tandem-core.wasm'));
  assert.deepEqual(wasm, [`${state.cdn.url}tandem-core.wasm`]);
  assert.ok(requests.includes(`${state.host.url}site.tandem`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the neural worker starts from the other origin through a same-origin bootstrap', async () => {
  const { page, problems, requests } = await openHost('neural.html', 'neural="site.onnx"');
  await page.evaluate(() => document.querySelector('tandem-chat').open());
  const neural = await page.waitForFunction(() => window.tandemEvents.find((e) => e.type === 'tandem:neural')?.detail, null, { timeout: 30000 });
  assert.equal((await neural.jsonValue()).state, 'ready', JSON.stringify(await neural.jsonValue()));
  assert.ok(requests.includes(`${state.cdn.url}tandem-neural-worker.js`));
  assert.ok(requests.includes(`${state.cdn.url}ort/ort-wasm-simd-threaded.wasm`));
  assert.ok((await ask(page, QUESTION)).reply.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a neural model failing its hash is turned off, and the engine answers alone', async () => {
  const hashes = { 'site.onnx': sha384(Buffer.from('not the network')) };
  const { page } = await openHost('neural-wrong.html', `neural="site.onnx" integrity='${JSON.stringify(hashes)}'`);
  await page.evaluate(() => document.querySelector('tandem-chat').open());
  const neural = await page.waitForFunction(() => window.tandemEvents.find((e) => e.type === 'tandem:neural')?.detail, null, { timeout: 30000 });
  assert.equal((await neural.jsonValue()).state, 'off');
  assert.ok((await ask(page, QUESTION)).reply.length > 0);
  await page.close();
});

test('with the right integrity hashes the wasm and the knowledge base load', async () => {
  const hashes = { 'tandem-core.wasm': state.integrity['tandem-core.wasm'], 'site.tandem': state.kbHash };
  const { page, problems } = await openHost('integrity.html', `integrity='${JSON.stringify(hashes)}'`);
  assert.ok((await ask(page, QUESTION)).reply.length > 0);
  assert.deepEqual(await page.evaluate(() => window.tandemEvents.map((e) => e.type)), ['tandem:ready']);
  assert.deepEqual(problems, []);
  await page.close();
});

// The browser logs the refused digest itself; the widget adds no error of its own.
async function expectIntegrityFailure(name, attribute, file) {
  const { page, problems } = await openHost(name, `integrity='${attribute}'`);
  const rejected = await page.evaluate((text) => document.querySelector('tandem-chat').send(text).then(() => null, (e) => e.message), QUESTION);
  assert.match(rejected, /integrity/);
  const events = await page.evaluate(() => window.tandemEvents);
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0].type, 'tandem:error');
  assert.equal(events[0].detail.kind, 'integrity');
  if (file) assert.match(events[0].detail.message, new RegExp(`${file} does not match its integrity hash`));
  // What the panel says (its status line also holds the Try again button).
  const status = page.locator('tandem-chat >> [part~="status"]');
  assert.ok((await status.textContent()).startsWith(ERROR_INTEGRITY), await status.textContent());
  assert.deepEqual(problems.filter((p) => !/integrity|digest|Failed to fetch|net::ERR/i.test(p)), []);
  await page.close();
}

test('a wrong hash for the wasm stops loading with an integrity error the customer can read', async () => {
  const wrong = sha384(Buffer.from('not the engine'));
  await expectIntegrityFailure('wrong-wasm.html', JSON.stringify({ 'tandem-core.wasm': wrong, 'site.tandem': state.kbHash }), 'tandem-core.wasm');
});

test('a wrong hash for the knowledge base, or an unreadable option, fails the same way', async () => {
  const wrong = sha384(Buffer.from('not the model'));
  await expectIntegrityFailure('wrong-kb.html', JSON.stringify({ 'site.tandem': wrong }), 'site.tandem');
  await expectIntegrityFailure('bad-option.html', '{not json', null);
});

test('bundled by esbuild from an import of the package, with its files beside the bundle', async () => {
  const app = path.join(state.tmp, 'app');
  await mkdir(path.join(app, 'node_modules/@tandem'), { recursive: true });
  await cp(state.pkg, path.join(app, 'node_modules/@tandem/chat'), { recursive: true });
  await writeFile(
    path.join(app, 'main.js'),
    "import { TandemChat } from '@tandem/chat';\nwindow.bundledElement = customElements.get('tandem-chat') === TandemChat;\n",
  );
  const out = path.join(state.site, 'bundled');
  await build({ entryPoints: [path.join(app, 'main.js')], bundle: true, format: 'esm', outfile: path.join(out, 'app.js'), logLevel: 'warning' });
  // The files the element fetches at run time, as the docs tell a bundler user to copy them.
  for (const name of await readdir(state.pkg)) {
    if (name !== 'tandem.js' && name !== 'package.json') await cp(path.join(state.pkg, name), path.join(out, name), { recursive: true });
  }
  await writeFile(path.join(out, 'index.html'), hostPage('app.js', 'kb="../site.tandem"').replace('kb="site.tandem" ', ''));
  const page = await state.browser.context.newPage();
  const problems = watchPage(page);
  await page.addInitScript(() => localStorage.clear());
  await page.goto(`${state.host.url}bundled/`);
  await page.waitForFunction(() => window.bundledElement !== undefined);
  assert.equal(await page.evaluate(() => window.bundledElement), true);
  assert.ok((await ask(page, QUESTION)).reply.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});
