/**
 * Bundles the start-up of the `lla` CLI into one CommonJS file,
 * dist/lla-cli/main.cjs (CommonJS loads faster than an ES module at start):
 * commander, the command definitions and the message catalog. Everything a
 * command loads with `await import(...)` (its actions, core, the store, the
 * prompt library) stays outside the bundle and is loaded from tsc's output in
 * dist/ when the command runs. One small file to load = fast `lla --help`.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const finalDir = path.join(dist, 'lla-cli');
// Build beside the live bundle and swap it in, so an `lla` that is running
// (another test run, a user) never finds a half-written bundle.
const outdir = `${finalDir}.new-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });

/** Dynamic imports of our own modules point at tsc's output in dist/. */
const lazyTargets = new Set();
const lazyToDist = {
  name: 'lazy-to-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.resolve(args.resolveDir, args.path); // …/cli/commands/people-actions.js
      const target = path.join(dist, path.relative(root, source));
      const lazy = `./${path.relative(finalDir, target).split(path.sep).join('/')}`;
      lazyTargets.add(lazy);
      return { path: lazy, external: true };
    });
  },
};

/**
 * commander requires child_process at load only for executable subcommands,
 * which lla does not use; loading it costs milliseconds at every start.
 * Hand commander a stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'lazy-child-process', namespace: 'lla-shim' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lla-shim' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_t, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [path.join(root, 'cli', 'main.ts')],
  outfile: path.join(outdir, 'main.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [lazyToDist, lazyChildProcess],
});

/**
 * The bundle's lazy imports go through lazy-import.cjs beside it: V8's code
 * cache (below) drops what a dynamic import() inside a vm.Script needs
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20), and a plain module's
 * import() resolves from the same folder.
 */
const bundleFile = path.join(outdir, 'main.cjs');
let code = readFileSync(bundleFile, 'utf8');
let rewritten = 0;
for (const target of lazyTargets) {
  const call = `import(${JSON.stringify(target)})`;
  const parts = code.split(call);
  rewritten += parts.length - 1;
  code = parts.join(`require("./lazy-import.cjs")(${JSON.stringify(target)})`);
}
if (rewritten === 0 || /\bimport\(/.test(code)) throw new Error(`bundle-cli: ${rewritten} lazy imports rewritten, but an import( is left in the bundle or none was found`);
writeFileSync(bundleFile, code);
writeFileSync(
  path.join(outdir, 'lazy-import.cjs'),
  "'use strict';\n// The start-up bundle's lazy imports (see scripts/bundle-cli.mjs), resolved from this folder.\nmodule.exports = (specifier) => import(specifier);\n",
);

const oldDir = `${finalDir}.old-${process.pid}`;
try {
  renameSync(finalDir, oldDir);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(outdir, finalDir);
rmSync(oldDir, { recursive: true, force: true });

/**
 * The code cache (bin/load-bundle.cjs): run the new bundle once as
 * `lla --help` in a fresh process, output discarded, and keep what V8
 * compiled. Without it `lla` still works, only starts a little slower.
 * After the swap: V8 keeps the file name the cache was made under, and
 * stack traces should name the live bundle.
 */
const makeCache = `
const { Writable } = require('node:stream');
const { loadBundle, writeCodeCache } = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.cjs'))});
const file = process.argv[1];
const loaded = loadBundle(file);
const sink = new Writable({ write: (_c, _e, done) => done() });
loaded.exports.main(['--help'], { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, cwd: process.cwd() })
  .then(() => process.exit(writeCodeCache(file, loaded) ? 0 : 3), () => process.exit(1));
`;
const cached = spawnSync(process.execPath, ['-e', makeCache, path.join(finalDir, 'main.cjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (cached.status !== 0) process.stderr.write(`bundle-cli: no code cache (exit ${cached.status}); lla starts without it\n`);

