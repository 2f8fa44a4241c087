// The loopback static server: MIME types, optional headers, no escape from the root.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, STRICT_CSP } from '../../web/tools/serve.mjs';

let dir;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-serve-'));
  await mkdir(path.join(dir, 'root/sub'), { recursive: true });
  await writeFile(path.join(dir, 'secret.txt'), 'outside the root');
  await writeFile(path.join(dir, 'root/index.html'), '<!doctype html>');
  await writeFile(path.join(dir, 'root/sub/index.html'), 'sub');
  await writeFile(path.join(dir, 'root/a.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(dir, 'root/b.mjs'), 'export {}');
  await writeFile(path.join(dir, 'root/site.tandem'), 'TNDM');
});

after(() => rm(dir, { recursive: true, force: true }));

// Raw paths, so "../" reaches the server as typed rather than normalised by fetch.
function get(url, rawPath) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), { path: rawPath }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves files with their MIME types, index.html for folders', async () => {
  const { url, close } = await startServer({ root: path.join(dir, 'root') });
  try {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const types = {};
    for (const file of ['/', '/a.wasm', '/b.mjs', '/site.tandem', '/sub/']) types[file] = (await get(url, file)).headers['content-type'];
    assert.deepEqual(types, {
      '/': 'text/html; charset=utf-8',
      '/a.wasm': 'application/wasm',
      '/b.mjs': 'text/javascript; charset=utf-8',
      '/site.tandem': 'application/octet-stream',
      '/sub/': 'text/html; charset=utf-8',
    });
    assert.equal((await get(url, '/sub')).body, 'sub');
    assert.equal((await get(url, '/missing.js')).status, 404);
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/%E0%A4%A']) {
      const response = await get(url, escape);
      assert.equal(response.status, 404, escape);
      assert.doesNotMatch(response.body, /outside/);
    }
    assert.equal((await get(url, '/')).headers['content-security-policy'], undefined);
  } finally {
    await close();
  }
});

test('adds CSP and cross-origin isolation headers when asked', async () => {
  const { url, close } = await startServer({ root: path.join(dir, 'root'), csp: true, isolate: true });
  try {
    const { headers } = await get(url, '/');
    assert.equal(headers['content-security-policy'], STRICT_CSP);
    assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(headers['cross-origin-embedder-policy'], 'require-corp');
  } finally {
    await close();
  }
});
