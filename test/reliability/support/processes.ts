import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { ADMIN_TOKEN } from '../../support/test-app.js';

// These tests run the BUILT service (`npm run test:reliability` builds first), as production does.
const SERVER = 'dist/src/main.js';
const CLI = 'dist/src/cli/main.js';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  output(): string;
}

function environment(databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `sqlite:${databasePath}`,
    TRACKER_ADMIN_TOKEN: ADMIN_TOKEN,
    TRACKER_SEED: 'false',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

// A port nobody listens on right now, so that parallel runs on one machine do not collide.
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') {
    throw new Error('no TCP port to listen on');
  }
  return address.port;
}

export async function startServer(databasePath: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: environment(databasePath, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = exitOf(child);
  const url = `http://127.0.0.1:${port}`;
  let running = true as boolean;
  void exited.then(() => (running = false));
  while (running) {
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health?.ok) {
      return { url, child, exited, output: () => output };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server died while starting:\n${output}`);
}

export interface CliResult extends Exit {
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(
  databasePath: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: environment(databasePath, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { ...(await exitOf(child)), stdout, stderr };
}

async function exitOf(child: ChildProcess): Promise<Exit> {
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

export function adminHeaders(): Record<string, string> {
  return { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
}
