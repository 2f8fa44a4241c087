// Loads the WebAssembly engine and the compiled knowledge base, once, when the
// widget first needs them. Failures become a kind the view can explain in the
// customer's language instead of a dead panel.
import { loadEngine } from '../../wasm/tandem-engine.js';

export const LOAD_ERROR = { modelMissing: 'model-missing', modelCorrupt: 'model-corrupt', engine: 'engine' };

const MODEL_MAGIC = [0x54, 0x4e, 0x44, 0x4d]; // "TNDM", docs/model-file.md

export class EngineLoadError extends Error {
  constructor(kind, detail) {
    super(`${kind}: ${detail}`);
    this.name = 'EngineLoadError';
    this.kind = kind;
  }
}

// The model is the one large download, so it alone reports progress (0..1,
// or null when the server does not say how big it is).
async function fetchModel(url, onProgress, fetchImpl) {
  let response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new EngineLoadError(LOAD_ERROR.modelMissing, `${url}: ${error.message}`);
  }
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

// dependencies are injectable so the loader's error handling can be checked
// without a browser; the widget passes none.
export function createEngineLoader({ kbUrl, coreUrl, onProgress = () => {}, deps = {} }) {
  const {
    fetchImpl = (...args) => globalThis.fetch(...args),
    importCore = (url) => import(/* webpackIgnore: true */ url),
    load = loadEngine,
  } = deps;
  let pending = null;

  async function start() {
    const corePromise = importCore(coreUrl).then(
      (module) => module.default,
      (error) => {
        throw new EngineLoadError(LOAD_ERROR.engine, `${coreUrl}: ${error.message}`);
      },
    );
    corePromise.catch(() => {}); // awaited below; avoids an unhandled rejection meanwhile
    const modelBytes = await fetchModel(kbUrl, onProgress, fetchImpl);
    checkMagic(modelBytes);
    const moduleFactory = await corePromise;
    try {
      return await load({
        modelBytes,
        moduleFactory,
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
