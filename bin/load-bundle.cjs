// Loads the CLI's start-up bundle (dist/lla-cli/main.cjs) with V8's code
// cache: the build runs the bundle once (`lla --help`) and keeps what V8
// compiled in main.cjs.v8cache, so a later start skips most of the
// compiling (measured: `lla --help` about 5 % faster, from 1.27 to 1.22
// times a bare `node -e ""`). The cache is used only when its header
// matches the SHA-256 of the bundle's source with this Node version and
// architecture (a rebuilt bundle, another Node: compiled as usual) and the
// SHA-256 of the data itself: V8 does not check that in release builds, and
// a damaged cache ends the process (test/cli-bundle.test.ts).
//
//   const { loadBundle } = require('./load-bundle.cjs');
//   const { exports } = loadBundle(file);
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const HASH = 32; // a SHA-256
const HEADER = 2 * HASH; // of the source (with Node version and architecture), of the data
// No newline in the prefix: line numbers in stack traces stay those of the file.
const PREFIX = '(function (exports, require, module, __filename, __dirname) { ';
const SUFFIX = '\n});';
// Dynamic import() from a vm.Script needs this loader (Node 20.12+); without it, plain require.
const mainLoader = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;

const cacheFile = (file) => `${file}.v8cache`;
const digest = (source) => createHash('sha256').update(process.version).update(process.arch).update(source).digest();
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

function readCache(file, hash) {
  try {
    const raw = fs.readFileSync(cacheFile(file));
    if (raw.length <= HEADER || !raw.subarray(0, HASH).equals(hash)) return undefined;
    const data = raw.subarray(HEADER);
    return sha256(data).equals(raw.subarray(HASH, HEADER)) ? data : undefined;
  } catch {
    return undefined; // no cache: compile as usual
  }
}

/** Load a CommonJS bundle; `script` is null when it was loaded by plain require. */
function loadBundle(file) {
  if (!mainLoader) return { exports: require(file), script: null, hash: null };
  const bytes = fs.readFileSync(file);
  const hash = digest(bytes); // of the bytes: hashing the decoded string costs a conversion
  const source = bytes.toString('utf8');
  const script = new vm.Script(PREFIX + source + SUFFIX, { filename: file, cachedData: readCache(file, hash), importModuleDynamically: mainLoader });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, hash };
}

/** Write the code cache of a loaded bundle; call it after the bundle ran, so what it compiled on the way is in it. */
function writeCodeCache(file, loaded) {
  if (!loaded.script) return false;
  // Beside it, then renamed: a start at the same moment finds the old cache or the new one.
  const tmp = `${cacheFile(file)}.${process.pid}.tmp`;
  const data = loaded.script.createCachedData();
  fs.writeFileSync(tmp, Buffer.concat([loaded.hash, sha256(data), data]));
  fs.renameSync(tmp, cacheFile(file));
  return true;
}

module.exports = { loadBundle, writeCodeCache, cacheFile };
