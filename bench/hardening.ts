import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startChildServer, type ChildServer } from './child-server.js';
import { buildDataset } from './dataset.js';

// npm run bench:hardening: the figures of issue 12 on loopback, against the built server as npm
// start runs it. Every loop is bounded by a count or a deadline.
//   1. slow clients: 1,000 connections sending a request body one byte every 10 s;
//   2. /health and item-read latency while 40 clients ask for different HTML status reports;
//   3. resident memory after 40 parallel reads of a history of 1,500 PATCHes of 5 KB.
const TOKEN = 'bench-admin-token-0123456789abcdef';
const MB = 1024 * 1024;
const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-hardening-'));

async function server(name: string, database: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const port = await freePort();
  return startChildServer({
    name,
    script: 'dist/src/main.js',
    nodeOptions: ['--max-semi-space-size=8'],
    env: {
      DATABASE_URL: `sqlite:${database}`,
      TRACKER_ADMIN_TOKEN: TOKEN,
      TRACKER_SEED: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...env,
    },
    port,
    healthPath: '/health',
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

// A GET from another loopback address: the slow clients use up 127.0.0.1's connection cap, as an
// attacker would use up their own address's, and other clients must still be served.
function timedFrom(localAddress: string, url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { localAddress, agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
    }).once('error', reject);
  });
}

async function slowClients(): Promise<void> {
  const tracker = await server('slow clients', join(directory, 'slow.sqlite'));
  const port = Number(new URL(tracker.url).port);
  const connections = 1000;
  const started = performance.now();
  // Per connection: how long it was open (from the handshake to its close) and how it ended.
  const closed: { ms: number; timedOut: boolean }[] = [];
  const sockets: Socket[] = [];
  for (let index = 0; index < connections; index += 1) {
    let connectedAt = performance.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => {
      connectedAt = performance.now();
      socket.write(
        'POST /api/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
    });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('close', () =>
      closed.push({ ms: performance.now() - connectedAt, timedOut: answer.startsWith('HTTP/1.1 408') }),
    );
    sockets.push(socket);
  }
  const drip = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write(' ')), 10_000);
  const health: number[] = [];
  const deadline = performance.now() + 70_000;
  while (closed.length < connections && performance.now() < deadline) {
    health.push((await timedFrom('127.0.0.2', `${tracker.url}/health`)).ms);
    await sleep(250);
  }
  clearInterval(drip);
  sockets.forEach((socket) => socket.destroy());
  const timedOut = closed.filter((one) => one.timedOut).map((one) => one.ms);
  const capped = closed.filter((one) => !one.timedOut).map((one) => one.ms);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `1. slow clients: ${connections} connections from 127.0.0.1, each dripping a body byte every 10 s\n` +
      `   held by the server, then 408 and closed: ${timedOut.length}, after ${seconds(Math.min(...timedOut))}-` +
      `${seconds(Math.max(...timedOut))} s (REQUEST_TIMEOUT_MS)\n` +
      `   closed unanswered (over MAX_CONNECTIONS_PER_CLIENT): ${capped.length}, after at most ` +
      `${seconds(Math.max(...capped))} s; still open at the end: ${connections - closed.length}\n` +
      `   /health from 127.0.0.2 meanwhile: p50 ${percentile(health, 50).toFixed(1)} ms, max ` +
      `${Math.max(...health).toFixed(1)} ms over ${health.length} probes; ${Math.round((performance.now() - started) / 1000)} s in all`,
  );
  await tracker.stop();
}

async function reportLoad(): Promise<void> {
  const path = join(directory, 'reports.sqlite');
  const dataset = await buildDataset(path, { items: 3000, events: 60_000 });
  // Every client here comes from 127.0.0.1, with undici's pools of keep-alive connections: lift the
  // per-address cap, which is measured in the first part.
  const tracker = await server('report load', path, { MAX_CONNECTIONS_PER_CLIENT: '1000' });
  const auth = { authorization: `Bearer ${TOKEN}` };
  const first = Date.parse(dataset.firstDay);
  const days = Math.max(1, Math.round((Date.parse(dataset.lastDay) - first) / 86_400_000));
  const quiet = await Promise.all(Array.from({ length: 20 }, () => timed(`${tracker.url}/health`)));
  const deadline = performance.now() + 20_000;
  const statuses = new Map<number, number>();
  let asked = 0;
  const askers = Array.from({ length: 40 }, async () => {
    while (performance.now() < deadline) {
      const asOf = new Date(first + Math.floor(Math.random() * days) * 86_400_000).toISOString().slice(0, 10);
      asked += 1;
      const { status } = await timed(`${tracker.url}/api/reports/status?asOf=${asOf}&format=html`, auth);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 503) {
        await sleep(200);
      }
    }
  });
  const health: number[] = [];
  const reads: number[] = [];
  while (performance.now() < deadline) {
    health.push((await timed(`${tracker.url}/health`)).ms);
    reads.push((await timed(`${tracker.url}/api/items?limit=20`, auth)).ms);
  }
  await Promise.all(askers);
  const answered = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
  console.log(
    `2. report load: 40 clients asking HTML status reports with random asOf for 20 s (${dataset.items} items, ` +
      `${dataset.events} events): ${asked} asked, ${answered}\n` +
      `   /health idle: p50 ${percentile(
        quiet.map((one) => one.ms),
        50,
      ).toFixed(1)} ms\n` +
      `   /health under load: p50 ${percentile(health, 50).toFixed(1)} ms, p95 ${percentile(health, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...health).toFixed(1)} ms over ${health.length} probes\n` +
      `   GET /api/items under load: p50 ${percentile(reads, 50).toFixed(1)} ms, p95 ${percentile(reads, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...reads).toFixed(1)} ms`,
  );
  await tracker.stop();
}

async function historyMemory(): Promise<void> {
  const tracker = await server('history reads', join(directory, 'history.sqlite'), {
    MAX_CONNECTIONS_PER_CLIENT: '1000',
  });
  const json = { ...{ authorization: `Bearer ${TOKEN}` }, 'content-type': 'application/json' };
  const created = await fetch(`${tracker.url}/api/items`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      slug: 'edited-often',
      title: 'Edited often',
      summary: 'x',
      category: 'c',
      proposedBy: 'p',
      proposedOn: '2010-01-01',
    }),
  });
  if (created.status !== 201) {
    throw new Error(`create: ${created.status}`);
  }
  for (let version = 1; version <= 1500; version += 1) {
    const summary = `${version} `.padEnd(5000, 'abcdefghij');
    const answer = await fetch(`${tracker.url}/api/items/edited-often`, {
      method: 'PATCH',
      headers: { ...json, 'if-match': `"${version}"` },
      body: JSON.stringify({ summary }),
    });
    await answer.arrayBuffer();
  }
  const before = tracker.rssBytes() ?? 0;
  const auth = { authorization: `Bearer ${TOKEN}` };
  let bytes = 0;
  let pages = 0;
  // 40 readers at once, each walking the whole history page by page, five times over.
  for (let round = 0; round < 5; round += 1) {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        let next: string | null = '/api/items/edited-often/history';
        while (next) {
          const response: Response = await fetch(tracker.url + next, { headers: auth });
          const text: string = await response.text();
          bytes += text.length;
          pages += 1;
          next = (JSON.parse(text) as { next: string | null }).next;
        }
      }),
    );
  }
  const after = tracker.rssBytes() ?? 0;
  console.log(
    `3. history reads: an item with 1,501 events (1,500 PATCHes of 5 KB); 40 parallel readers walking it, 5 rounds: ` +
      `${pages} pages, ${Math.round(bytes / MB)} MB read\n` +
      `   RSS before ${Math.round(before / MB)} MB, after ${Math.round(after / MB)} MB, ` +
      `peak ${Math.round((tracker.peakRssBytes() ?? 0) / MB)} MB`,
  );
  await tracker.stop();
}

try {
  const only = process.argv[2];
  if (!only || only === 'slow') await slowClients();
  if (!only || only === 'reports') await reportLoad();
  if (!only || only === 'history') await historyMemory();
} finally {
  rmSync(directory, { recursive: true, force: true });
}
