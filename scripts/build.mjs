#!/usr/bin/env node
// Builds dist/ with the Nest CLI (`nest build`, nest-cli.json) when a source is newer than the last build, and does
// nothing otherwise (a walk of a few hundred files, milliseconds), so `npm start`, the CLI and the
// benches start at once when nothing changed. `--force` rebuilds from an empty dist/.
// First: on an unsupported Node, one clear line and exit 1 (npm start, the CLI, the benches).
import './check-node.mjs';
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What dist/ is built from: the sources and the settings that shape their output.
const INPUTS = [
  'src',
  'migrations',
  'bench',
  'nest-cli.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
const STAMP = join(root, 'dist', '.built');

// The newest modification time under a path; a folder's own time changes when a file is removed.
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

export function isStale() {
  if (!existsSync(STAMP)) {
    return true;
  }
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.map((input) => join(root, input)).some((input) => existsSync(input) && newest(input) > built);
}

export function build() {
  const started = Date.now();
  // nest-cli.json empties dist/ first (deleteOutDir), so no file of a removed source survives.
  const nest = spawnSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (nest.status !== 0) {
    process.exit(nest.status ?? 1);
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export function buildIfStale() {
  if (isStale()) {
    process.stderr.write('sources changed since the last build: building dist/\n');
    build();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force')) {
    build();
  } else {
    buildIfStale();
  }
}
