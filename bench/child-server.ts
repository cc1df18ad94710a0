import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildServerOptions {
  readonly name: string;
  readonly script: string;
  readonly args?: readonly string[];
  readonly nodeOptions?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly port: number;
  readonly healthPath: string;
}

export interface ChildServer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  // From spawning the process to its first 200 on the health path.
  readonly startupMs: number;
  peakRssBytes(): number | undefined;
  rssBytes(): number | undefined;
  stop(): Promise<void>;
}

const running = new Set<() => void>();

// A crashed or interrupted benchmark must not leave servers behind.
process.once('exit', () => running.forEach((kill) => kill()));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.script, ...(options.args ?? [])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Set to false by the exit callback.
  let alive = true as boolean;
  void exited.then(() => {
    alive = false;
  });
  const kill = () => child.kill('SIGKILL');
  running.add(kill);

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!alive) {
      running.delete(kill);
      throw new Error(`${options.name} exited while starting:\n${output.join('')}`);
    }
    if (Date.now() > deadline) {
      kill();
      throw new Error(`${options.name} did not answer ${options.healthPath} within 60 s:\n${output.join('')}`);
    }
    if (await answers(url + options.healthPath)) {
      break;
    }
    await sleep(10);
  }
  const startupMs = performance.now() - started;
  const pid = child.pid ?? 0;

  return {
    name: options.name,
    url,
    pid,
    startupMs,
    peakRssBytes: () => memoryBytes(pid, 'VmHWM'),
    rssBytes: () => memoryBytes(pid, 'VmRSS'),
    stop: async () => {
      if (alive) {
        child.kill('SIGTERM');
        // A CPU profile is written on the way out, which takes a moment.
        const timer = setTimeout(kill, 20_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(kill);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

// The process's resident memory now (VmRSS) or at its peak (VmHWM), as Linux counts it.
function memoryBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
