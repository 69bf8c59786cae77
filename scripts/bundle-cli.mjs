/**
 * Bundles the start-up of the `lla` CLI into one CommonJS file,
 * dist/lla-cli/main.cjs (CommonJS loads faster than an ES module at start):
 * commander, the command definitions and the message catalog. Everything a
 * command loads with `await import(...)` (its actions, core, the store, the
 * prompt library) stays outside the bundle and is loaded from tsc's output in
 * dist/ when the command runs. One small file to load = fast `lla --help`.
 */
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
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
const lazyToDist = {
  name: 'lazy-to-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.resolve(args.resolveDir, args.path); // …/cli/commands/people-actions.js
      const target = path.join(dist, path.relative(root, source));
      return { path: `./${path.relative(finalDir, target).split(path.sep).join('/')}`, external: true };
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
const oldDir = `${finalDir}.old-${process.pid}`;
try {
  renameSync(finalDir, oldDir);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(outdir, finalDir);
rmSync(oldDir, { recursive: true, force: true });
