#!/usr/bin/env node
// Runs every ```sh block of a Markdown file, in order, as one bash script (-euo pipefail), the way
// a new user would follow it: in a fresh copy of the project, with an empty HOME, against a freshly
// started `npm start` whose printed admin token is exported as TRACKER_ADMIN_TOKEN. It fails when a
// block fails, when the server does not answer, or when the examples leave files in the project
// that git would see. Blocks in ```console (or any other language) are shown, not run.
//
//   node scripts/readme-walkthrough.mjs [README.md docs/other.md ...]   (each file on its own tracker)
//
// `http://127.0.0.1:3000` in the blocks is replaced by the port the server was started on (a free
// one, so a tracker already running on 3000 is left alone). In HOME, curl is configured to fail
// on an HTTP error and say why (~/.curlrc), so a refused example stops the walk.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build.mjs';
import { freePort } from '../test/support/free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const README_PORT = 3000;
const START_LIMIT_MS = 30_000;
// No "new npm available" notices among the examples' output.
const QUIET_NPM = { NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_FUND: 'false' };
// A new user's shell has none of the tracker's settings (CI exports some for its other steps).
const TRACKER_SETTINGS =
  /^(PORT|HOST|DATABASE_URL|DATABASE_POOL_SIZE|TRACKER_.*|LOG_LEVEL|BODY_LIMIT_BYTES|IDEMPOTENCY_TTL_HOURS|CORS_ORIGINS|AUTH_FAILURE_.*|TEST_DATABASE_URL)$/;
const userEnvironment = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !TRACKER_SETTINGS.test(name)),
);

// The ```sh blocks of a Markdown file, each with the line it starts on and the heading above it.
export function shellBlocks(markdown) {
  const blocks = [];
  let heading = '(top)';
  // The fenced block being read: collected when it is ```sh, passed over otherwise.
  let fence;
  markdown.split('\n').forEach((line, index) => {
    if (fence) {
      if (/^\s*```\s*$/.test(line)) {
        if (fence.run) {
          blocks.push(fence);
        }
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      return;
    }
    const opening = /^\s*```(\S*)\s*$/.exec(line);
    if (opening) {
      fence = { run: opening[1] === 'sh', line: index + 1, heading, lines: [] };
      return;
    }
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title) {
      heading = title[1];
    }
  });
  return blocks;
}

// The project as a fresh clone would have it: every file git tracks or would track (with the
// changes not yet committed), timestamps kept so the build stays current, node_modules shared.
function copyProject(target) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(target, file), { preserveTimestamps: true });
    } catch (error) {
      // A file deleted but not yet committed is listed by git and gone from disk.
      if (error.code !== 'ENOENT') {
        throw error;
      }
    }
  }
  // What `npm ci` builds in a clone (prepare): the current build, stamped as newer than the copies.
  buildIfStale();
  cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
  const now = new Date();
  utimesSync(join(target, 'dist', '.built'), now, now);
  symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'));
  // A repository of its own, to list afterwards what the examples left behind.
  const git = (...args) => execFileSync('git', args, { cwd: target, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=walkthrough', '-c', 'user.email=walkthrough@localhost', 'commit', '-q', '-m', 'fresh clone');
}

async function startServer(project, port, log) {
  const started = Date.now();
  const server = spawn('npm', ['start'], {
    cwd: project,
    env: { ...userEnvironment, ...QUIET_NPM, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that npm and the server it started stop together.
    detached: true,
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    writeFileSync(log, output);
  };
  server.stdout.on('data', collect);
  server.stderr.on('data', collect);
  while (Date.now() - started < START_LIMIT_MS) {
    if (server.exitCode !== null) {
      throw new Error(`npm start exited with ${server.exitCode}:\n${output}`);
    }
    try {
      const health = await globalThis.fetch(`http://127.0.0.1:${port}/health`);
      if (health.ok) {
        const token = /Admin token "bootstrap"[^\n]*\n\s*\n\s*(\S+)/.exec(output)?.[1];
        if (!token) {
          throw new Error(`npm start printed no admin token:\n${output}`);
        }
        return { server, token, startMs: Date.now() - started };
      }
    } catch (error) {
      if (error.message.includes('admin token')) {
        throw error;
      }
    }
    await delay(100);
  }
  throw new Error(`npm start did not answer /health within ${START_LIMIT_MS / 1000} s:\n${output}`);
}

async function stopServer(server, port) {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  // npm itself dies of the signal; the server must finish and let go of its port.
  for (let waited = 0; waited < 10_000; waited += 100) {
    try {
      await globalThis.fetch(`http://127.0.0.1:${port}/health`);
    } catch {
      return;
    }
    await delay(100);
  }
  throw new Error(`the server on port ${port} was still answering 10 s after SIGTERM`);
}

function scriptOf(file, blocks, baseUrl) {
  const lines = [
    'set -euo pipefail',
    'readme_block="(none)"',
    `trap 'printf "\\nwalkthrough: ${file}: the block at %s failed (exit %s)\\n" "$readme_block" "$?" >&2' ERR`,
  ];
  for (const block of blocks) {
    const where = `line ${block.line} (${block.heading.replaceAll("'", '')})`;
    lines.push(`readme_block='${where}'`, `printf '\\n== ${file} %s\\n' "$readme_block" >&2`);
    lines.push(...block.lines.map((line) => line.replaceAll(`http://127.0.0.1:${README_PORT}`, baseUrl)));
  }
  return `${lines.join('\n')}\n`;
}

async function walk(file) {
  const markdown = readFileSync(join(root, file), 'utf8');
  const blocks = shellBlocks(markdown);
  const work = mkdtempSync(join(tmpdir(), 'readme-walkthrough-'));
  const project = join(work, 'policy-tracker');
  const home = join(work, 'home');
  mkdirSync(project);
  mkdirSync(home);
  writeFileSync(join(home, '.curlrc'), 'fail-with-body\nshow-error\n');
  let server;
  const port = await freePort();
  try {
    copyProject(project);
    const baseUrl = `http://127.0.0.1:${port}`;
    const started = await startServer(project, port, join(work, 'server.log'));
    server = started.server;
    process.stderr.write(
      `${file}: ${blocks.length} sh blocks, against npm start on ${baseUrl} (answered /health after ${started.startMs} ms)\n`,
    );
    const script = join(work, 'walkthrough.sh');
    writeFileSync(script, scriptOf(file, blocks, baseUrl));
    const run = spawnSync('bash', [script], {
      cwd: project,
      stdio: 'inherit',
      env: { ...userEnvironment, ...QUIET_NPM, HOME: home, TRACKER_ADMIN_TOKEN: started.token, PORT: String(port) },
    });
    if (run.status !== 0) {
      throw new Error(
        `${file}: a block failed; the server's output:\n${readFileSync(join(work, 'server.log'), 'utf8')}`,
      );
    }
    const leftovers = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
      cwd: project,
      encoding: 'utf8',
    }).trim();
    if (leftovers) {
      throw new Error(
        `${file}: the examples changed or left files in the project (write them elsewhere):\n${leftovers}`,
      );
    }
    await stopServer(server, port);
    server = undefined;
    process.stderr.write(`${file}: every block ran\n`);
  } finally {
    if (server) {
      await stopServer(server, port);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['README.md'];
  try {
    for (const file of files) {
      await walk(relative(root, resolve(file)));
    }
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
