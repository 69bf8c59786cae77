#!/usr/bin/env node
// The `lla` executable. `npm ci` / `npm install` builds dist/ (prepare): the
// start-up bundle dist/lla-cli/main.cjs with its code cache, and the modules
// commands load lazily.
'use strict';
const path = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');

const { cliMsg, main } = loadBundle(path.join(__dirname, '..', 'dist', 'lla-cli', 'main.cjs')).exports;

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
    process.stderr.write(`${cliMsg.unexpected((err && err.stack) || String(err))}\n`);
    process.exitCode = 1;
  },
);
