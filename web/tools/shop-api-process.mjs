// Starts a real lumenpay-api (src/demo_api, the demo shop's backend) as a
// child process on a loopback port with its own SQLite file, for the browser
// tests that call it as a site's own API would be called.
//
//   const api = await startShopApi({ allowOrigins: [pageOrigin], faults: true });
//   api.url                      // http://127.0.0.1:PORT
//   await api.signIn('ada@example.com')  // { token, expires_in, customer }
//   await api.stop();
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startListening } from './server-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_BIN = path.join(ROOT, 'build/release/bin/lumenpay-api');

// bin defaults to $LUMENPAY_API_BIN, else the release build; port 0 picks a
// free port; tokenTtl in seconds (900 by default); faults turns on the test
// orders LP-000500 (500), LP-000504 (6 s) and LP-000777 (not JSON); secret is
// the HS256 key (random when null), so a test may sign tokens itself.
export async function startShopApi({
  bin = process.env.LUMENPAY_API_BIN ?? DEFAULT_BIN,
  port = 0,
  allowOrigins = [],
  tokenTtl = null,
  faults = false,
  secret = null,
} = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lumenpay-api-'));
  const args = ['--db', path.join(dir, 'shop.db'), '--port', String(port)];
  for (const origin of allowOrigins) args.push('--allow-origin', origin);
  if (tokenTtl !== null) args.push('--token-ttl', String(tokenTtl));
  if (faults) args.push('--faults');
  const env = { ...process.env };
  delete env.TANDEM_DEMO_API_SECRET;
  if (secret) env.TANDEM_DEMO_API_SECRET = secret;
  const server = await startListening('lumenpay-api', bin, args, env);
  return {
    url: server.url,
    port: server.port,
    async signIn(customer = 'ada@example.com') {
      const response = await fetch(`${server.url}/v1/demo/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customer }),
      });
      if (!response.ok) throw new Error(`sign-in: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
