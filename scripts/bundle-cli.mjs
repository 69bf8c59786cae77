/**
 * Bundles the `lla` CLI into dist/lla-cli/ (ESM with code splitting):
 * start-up loads one small file with commander and the command definitions;
 * core, the store and the prompt library stay in chunks loaded by the
 * commands that need them. Fewer files to resolve = faster `lla --help`.
 */
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = path.join(root, 'dist', 'lla-cli');
// Build beside the live bundle and swap it in, so an `lla` that is running
// (another test run, a user) never finds a half-written bundle.
const outdir = `${finalDir}.new-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'cli', 'main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __llaRequire } from 'node:module'; const require = __llaRequire(import.meta.url);" },
});
const oldDir = `${finalDir}.old-${process.pid}`;
try {
  renameSync(finalDir, oldDir);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(outdir, finalDir);
rmSync(oldDir, { recursive: true, force: true });
