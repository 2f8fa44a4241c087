// Builds the files a site deploys into one folder (default build/web):
//   tandem.js        the widget, bundled and minified (web/widget/index.js)
//   tandem.css       its stylesheet (web/widget/widget.css)
//   tandem-core.mjs  the Emscripten ES module and its .wasm (from the wasm build)
//   tandem-analytics.js  the outcome-event recorder, fetched on the first event
//   tandem-notices.js + .css  after-sales notices, fetched on the first notify()
//   tandem-actions.js  runs a knowledge base's action calls, fetched on the first one
//   tandem-neural.js, tandem-neural-worker.js, ort/   the optional neural model's
//                    glue, worker and ONNX Runtime Web's CPU-only files (fetched
//                    only by sites that opt in)
//   tandem-encoder.js + .mjs + .wasm  a company encoder's tokenizer and index (idem)
//   index.html ...   the demo page and its assets (web/demo, not kb.json)
//   integrity.json   the SHA-384 of every file above and of the site's models,
//                    for the element's `integrity` attribute
// The model (site.tandem) is written there by `tandem train`, see scripts/demo.sh.
// The widget's files also go, with web/package, into the npm package folder
// (default build/package; `npm pack build/package` packs it).
//
//   node web/tools/build.mjs [--out build/web] [--core build/wasm/web] [--package build/package]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
  'tandem-notices.js',
  'tandem-notices.css',
  'tandem-actions.js',
  'tandem-neural.js',
  'tandem-neural-worker.js',
  ...ORT_FILES.map((name) => `ort/${name}`),
  'site.onnx',
  'tandem-encoder.js',
  ...ENCODER_FILES,
];

// What the npm package ships (web/package/package.json lists the same in `files`).
const PACKAGE_FILES = ['tandem.js', 'tandem.css', ...CORE_FILES, 'tandem-analytics.js', 'tandem-notices.js', 'tandem-notices.css', 'tandem-actions.js', 'tandem-neural.js', 'tandem-neural-worker.js', 'tandem-encoder.js', ...ENCODER_FILES];
const PACKAGE_META = ['package.json', 'README.md', 'tandem.d.ts', 'custom-elements.json'];
const SITE_FILES = ['site.tandem', 'site.onnx'];

function parseArgs(argv) {
  const options = { out: 'build/web', core: 'build/wasm/web', package: 'build/package' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = argv[++i];
    else if (argv[i] === '--core') options.core = argv[++i];
    else if (argv[i] === '--package') options.package = argv[++i];
    else throw new Error(`build: unknown argument ${argv[i]}`);
  }
  return {
    out: path.resolve(ROOT, options.out),
    core: path.resolve(ROOT, options.core),
    pkg: path.resolve(ROOT, options.package),
  };
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
    ['web/widget/notices.js', 'tandem-notices.js'],
    ['web/widget/actions.js', 'tandem-actions.js'],
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
  for (const [entry, name] of [
    ['web/widget/widget.css', 'tandem.css'],
    ['web/widget/notices.css', 'tandem-notices.css'],
  ]) {
    await build({ ...common, entryPoints: [path.join(ROOT, entry)], outfile: path.join(out, name), target: ['chrome100', 'safari15.4', 'firefox100'] });
  }
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

// Subresource Integrity hashes by file name (the key the widget looks up).
async function integrityOf(dir, names) {
  const hashes = {};
  for (const name of names) {
    const file = path.join(dir, name);
    if (!(await exists(file))) continue;
    hashes[path.basename(name)] = `sha384-${createHash('sha384').update(await readFile(file)).digest('base64')}`;
  }
  return hashes;
}

async function shipped(out) {
  const ort = (await readdir(path.join(out, 'ort'))).map((name) => `ort/${name}`);
  return [...PACKAGE_FILES, ...ort];
}

async function writeIntegrity(out) {
  const hashes = await integrityOf(out, [...(await shipped(out)), ...SITE_FILES]);
  await writeFile(path.join(out, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  for (const name of ['tandem-core.wasm', ...SITE_FILES]) if (hashes[name]) console.log(`  ${name.padEnd(18)} ${hashes[name]}`);
}

// A fresh folder each time, so a file dropped from the package does not linger.
async function writePackage(out, pkg) {
  await rm(pkg, { recursive: true, force: true });
  await mkdir(path.join(pkg, 'ort'), { recursive: true });
  const files = await shipped(out);
  for (const name of files) await copyFile(path.join(out, name), path.join(pkg, name));
  for (const name of PACKAGE_META) await copyFile(path.join(ROOT, 'web/package', name), path.join(pkg, name));
  const hashes = await integrityOf(pkg, files);
  await writeFile(path.join(pkg, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
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
  console.log('  loaded later (analytics on the first event, notices on the first notify(); the rest only with the neural model):');
  for (const name of LAZY_REPORT) {
    const file = path.join(out, name);
    if (!(await exists(file))) continue;
    const size = await sizeOf(file);
    console.log(`  ${name.padEnd(36)} ${String(size.raw).padStart(9)} B  ${String(size.gz).padStart(8)} B gzip`);
  }
}

const { out, core, pkg } = parseArgs(process.argv.slice(2));
await mkdir(out, { recursive: true });
await bundle(out);
await copyCore(core, out);
await copyRuntime(out);
await copyDemo(out);
await writePackage(out, pkg);
console.log(`build: wrote ${path.relative(ROOT, out)}/ and the npm package ${path.relative(ROOT, pkg)}/`);
await reportSizes(out);
console.log(`  integrity (all files: ${path.relative(ROOT, out)}/integrity.json):`);
await writeIntegrity(out);
