// Loads the WebAssembly engine and the compiled knowledge base, once, when the
// widget first needs them. Failures become a kind the view can explain in the
// customer's language instead of a dead panel.
import { loadEngine } from '../../wasm/tandem-engine.js';
import { integrityOf, parseIntegrity } from './integrity.js';

export const LOAD_ERROR = {
  modelMissing: 'model-missing',
  modelCorrupt: 'model-corrupt',
  engine: 'engine',
  integrity: 'integrity',
};

const MODEL_MAGIC = [0x54, 0x4e, 0x44, 0x4d]; // "TNDM", docs/model-file.md

export class EngineLoadError extends Error {
  constructor(kind, detail) {
    super(`${kind}: ${detail}`);
    this.name = 'EngineLoadError';
    this.kind = kind;
  }
}

// fetch() rejects a digest mismatch as it does a network failure; a second,
// bodiless request tells the two apart, so the customer hears which it was.
async function fetchChecked(url, integrity, missingKind, fetchImpl) {
  try {
    return await fetchImpl(url, { credentials: 'same-origin', integrity });
  } catch (error) {
    const reachable = integrity && (await fetchImpl(url, { method: 'HEAD' }).then((r) => r.ok, () => false));
    if (reachable) throw new EngineLoadError(LOAD_ERROR.integrity, `${url} does not match its integrity hash ${integrity}`);
    throw new EngineLoadError(missingKind, `${url}: ${error.message}`);
  }
}

// The model is the one large download, so it alone reports progress (0..1,
// or null when the server does not say how big it is).
async function fetchModel(url, integrity, onProgress, fetchImpl) {
  const response = await fetchChecked(url, integrity, LOAD_ERROR.modelMissing, fetchImpl);
  if (!response.ok) throw new EngineLoadError(LOAD_ERROR.modelMissing, `${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body?.getReader) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(total ? Math.min(received / total, 1) : null);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function checkMagic(bytes) {
  if (bytes.length < 16 || MODEL_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new EngineLoadError(LOAD_ERROR.modelCorrupt, 'not a Tandem model file');
  }
}

function isWasmFailure(error) {
  const wasm = globalThis.WebAssembly;
  return (
    (wasm && [wasm.CompileError, wasm.LinkError, wasm.RuntimeError].some((t) => t && error instanceof t)) ||
    /webassembly|\.wasm\b/i.test(String(error?.message ?? error))
  );
}

// With a hash for the wasm it is fetched here, checked, then compiled (not
// compiled while it downloads, as Emscripten's own fetch does).
async function fetchWasm(url, integrity, fetchImpl) {
  if (!integrity) return undefined;
  const response = await fetchChecked(url, integrity, LOAD_ERROR.engine, fetchImpl);
  if (!response.ok) throw new EngineLoadError(LOAD_ERROR.engine, `${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// dependencies are injectable so the loader's error handling can be checked
// without a browser; the widget passes none. integrity: the element's
// attribute as written (integrity.js).
export function createEngineLoader({ kbUrl, coreUrl, integrity = '', onProgress = () => {}, deps = {} }) {
  const {
    fetchImpl = (...args) => globalThis.fetch(...args),
    importCore = (url) => import(/* webpackIgnore: true */ url),
    load = loadEngine,
  } = deps;
  let pending = null;

  async function start() {
    const hashes = parseIntegrity(integrity);
    // Fails closed: a page that asked for checks it wrote wrongly gets no engine.
    if (!hashes) throw new EngineLoadError(LOAD_ERROR.integrity, 'integrity must be a JSON object of file name -> "sha384-..."');
    const corePromise = importCore(coreUrl).then(
      (module) => module.default,
      (error) => {
        throw new EngineLoadError(LOAD_ERROR.engine, `${coreUrl}: ${error.message}`);
      },
    );
    const wasmUrl = new URL('tandem-core.wasm', coreUrl).href;
    const wasmPromise = fetchWasm(wasmUrl, integrityOf(hashes, wasmUrl), fetchImpl);
    // awaited below; avoids an unhandled rejection meanwhile
    for (const promise of [corePromise, wasmPromise]) promise.catch(() => {});
    const modelBytes = await fetchModel(kbUrl, integrityOf(hashes, kbUrl), onProgress, fetchImpl);
    checkMagic(modelBytes);
    const moduleFactory = await corePromise;
    const wasmBinary = await wasmPromise;
    try {
      return await load({
        modelBytes,
        moduleFactory,
        wasmBinary,
        locateFile: (path) => new URL(path, coreUrl).href,
      });
    } catch (error) {
      const kind = isWasmFailure(error) ? LOAD_ERROR.engine : LOAD_ERROR.modelCorrupt;
      throw new EngineLoadError(kind, error?.message ?? String(error));
    }
  }

  return {
    load() {
      // A failed load is forgotten so that the next open tries again.
      pending ??= start().catch((error) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    get started() {
      return pending !== null;
    },
  };
}
