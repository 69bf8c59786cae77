#!/usr/bin/env node
// The `lla` executable. The TypeScript is compiled to dist/ by `npm ci` / `npm install` (prepare).
import { cliMsg, main } from '../dist/lla-cli/main.js';

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0); // `lla … | head`
  throw err;
});

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${cliMsg.unexpected(err?.stack ?? String(err))}\n`);
    process.exitCode = 1;
  },
);
