/**
 * Builds dist/ (tsc, then the CLI bundle) once before the tests, so end-to-end tests run the real `lla`
 * executable on the current sources. Type errors are printed but do not stop the tests (tsc still
 * emits): the type check is its own gate (`npm run typecheck`, run first by `.ci/run`), and a type
 * error in one unfinished file should not hide every test result.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    process.stderr.write('\n[global-setup] tsc reported type errors (see above); dist/ was emitted anyway. Run `npm run typecheck`.\n\n');
  }
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-cli.mjs')], { cwd: root, stdio: 'inherit' });
}
