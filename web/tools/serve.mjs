// A small static file server for the demo and the browser tests, on loopback
// only. Options: cross-origin isolation headers (for precise timers in
// benchmarks) and a strict Content-Security-Policy (to prove the widget needs
// no inline code or styles), and CORS for any origin (to serve the npm package
// as a CDN does).
//
//   node web/tools/serve.mjs [--root build/web] [--port 8080] [--isolate] [--csp] [--cors]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.tandem': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function resolveFile(root, urlPath) {
  let relative;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return resolveFile(root, `${relative.replace(/\/?$/, '/')}index.html`);
    return info.isFile() ? { file, size: info.size } : null;
  } catch {
    return null;
  }
}

export function startServer({ root, port = 0, host = '127.0.0.1', isolate = false, csp = false, cors = false } = {}) {
  const absoluteRoot = path.resolve(root);
  const server = createServer(async (request, response) => {
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (isolate) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
      headers['Cross-Origin-Resource-Policy'] = 'same-origin';
    }
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (csp) headers['Content-Security-Policy'] = typeof csp === 'string' ? csp : STRICT_CSP;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const found = await resolveFile(absoluteRoot, new URL(request.url, 'http://localhost').pathname);
    if (!found) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': found.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found.file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        server,
        url: `http://${host}:${address.port}/`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections(); // idle keep-alive sockets would hold close() open
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = { root: 'build/web', port: 8080, isolate: false, csp: false, cors: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root') options.root = argv[++i];
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--isolate') options.isolate = true;
    else if (arg === '--csp') options.csp = true;
    else if (arg === '--cors') options.cors = true;
    else throw new Error(`serve: unknown argument ${arg}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const { url } = await startServer(options);
  console.log(`Serving ${options.root} at ${url}${options.csp ? ' (strict CSP)' : ''}${options.isolate ? ' (cross-origin isolated)' : ''}`);
}
