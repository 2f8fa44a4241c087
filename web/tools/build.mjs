// Builds the files a site deploys into one folder (default build/web):
//   tandem.js        the widget, bundled and minified (web/widget/index.js)
//   tandem.css       its stylesheet (web/widget/widget.css)
//   tandem-core.mjs  the Emscripten ES module and its .wasm (from the wasm build)
//   tandem-analytics.js  the outcome-event recorder, fetched on the first event
//   tandem-neural.js, tandem-neural-worker.js, ort/   the optional neural model's
//                    glue, worker and ONNX Runtime Web's CPU-only files (fetched
//                    only by sites that opt in)
//   tandem-encoder.js + .mjs + .wasm  a company encoder's tokenizer and index (idem)
//   index.html ...   the demo page and its assets (web/demo, not kb.json)
// The model (site.tandem) is written there by `tandem train`, see scripts/demo.sh.
//
//   node web/tools/build.mjs [--out build/web] [--core build/wasm/web]
import { build } from 'esbuild';
import { copyFile, cp, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORE_FILES = ['tandem-core.mjs', 'tandem-core.wasm'];
const ENCODER_FILES = ['tandem-encoder.mjs', 'tandem-encoder.wasm'];
const SIZE_REPORT = ['tandem.js', 'tandem.css', ...CORE_FILES, 'site.tandem'];
// ONNX Runtime Web's minimal CPU set (docs/neural.md): its module and the wasm it loads.
const ORT_DIST = path.join(ROOT, 'node_modules/onnxruntime-web/dist');
const ORT_FILES = ['ort.wasm.bundle.min.mjs', 'ort-wasm-simd-threaded.wasm'];
const LAZY_REPORT = [
  'tandem-analytics.js',
  'tandem-neural.js',
  'tandem-neural-worker.js',
  ...ORT_FILES.map((name) => `ort/${name}`),
  'site.onnx',
  'tandem-encoder.js',
  ...ENCODER_FILES,
];

function parseArgs(argv) {
  const options = { out: 'build/web', core: 'build/wasm/web' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = argv[++i];
    else if (argv[i] === '--core') options.core = argv[++i];
    else throw new Error(`build: unknown argument ${argv[i]}`);
  }
  return { out: path.resolve(ROOT, options.out), core: path.resolve(ROOT, options.core) };
}

async function exists(file) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function bundle(out) {
  const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'web/widget/index.js')],
    outfile: path.join(out, 'tandem.js'),
    format: 'esm',
    target: ['es2022', 'chrome100', 'safari15.4', 'firefox100'],
  });
  for (const [entry, name] of [
    ['web/widget/neural-context.js', 'tandem-neural.js'],
    ['web/widget/neural-worker.js', 'tandem-neural-worker.js'],
    ['web/widget/recorder.js', 'tandem-analytics.js'],
    ['wasm/tandem-encoder.js', 'tandem-encoder.js'],
  ]) {
    await build({
      ...common,
      entryPoints: [path.join(ROOT, entry)],
      outfile: path.join(out, name),
      format: 'esm',
      target: ['es2022', 'chrome100', 'safari15.4', 'firefox100'],
    });
  }
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'web/widget/widget.css')],
    outfile: path.join(out, 'tandem.css'),
    target: ['chrome100', 'safari15.4', 'firefox100'],
  });
}

async function copyCore(core, out) {
  for (const name of [...CORE_FILES, ...ENCODER_FILES]) {
    const source = path.join(core, name);
    if (!(await exists(source))) {
      throw new Error(`build: ${source} is missing; build the wasm preset first (cmake --build --preset wasm)`);
    }
    await copyFile(source, path.join(out, name));
  }
}

async function copyRuntime(out) {
  await mkdir(path.join(out, 'ort'), { recursive: true });
  for (const name of ORT_FILES) await copyFile(path.join(ORT_DIST, name), path.join(out, 'ort', name));
}

async function copyDemo(out) {
  await cp(path.join(ROOT, 'web/demo'), out, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'kb.json',
  });
}

async function sizeOf(file) {
  const bytes = await readFile(file);
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

async function reportSizes(out) {
  let raw = 0;
  let gz = 0;
  for (const name of SIZE_REPORT) {
    const file = path.join(out, name);
    if (!(await exists(file))) continue;
    const size = await sizeOf(file);
    if (name !== 'site.tandem') {
      raw += size.raw;
      gz += size.gz;
    }
    console.log(`  ${name.padEnd(18)} ${String(size.raw).padStart(8)} B  ${String(size.gz).padStart(7)} B gzip`);
  }
  console.log(`  ${'widget total'.padEnd(18)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip (without the model)`);
  console.log('  loaded later (analytics on the first event; the rest only with the neural model):');
  for (const name of LAZY_REPORT) {
    const file = path.join(out, name);
    if (!(await exists(file))) continue;
    const size = await sizeOf(file);
    console.log(`  ${name.padEnd(36)} ${String(size.raw).padStart(9)} B  ${String(size.gz).padStart(8)} B gzip`);
  }
}

const { out, core } = parseArgs(process.argv.slice(2));
await mkdir(out, { recursive: true });
await bundle(out);
await copyCore(core, out);
await copyRuntime(out);
await copyDemo(out);
console.log(`build: wrote ${path.relative(ROOT, out)}/`);
await reportSizes(out);
