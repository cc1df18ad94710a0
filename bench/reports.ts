import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataset } from './dataset.js';
import { startInProcessService } from './in-process-service.js';

// npm run bench:reports -- [--items 10000] [--events 200000] [--requests 20] [--db data/bench.sqlite]
// Builds the data set (or reuses --db when the file exists), serves it on a free loopback port and
// times the reports over HTTP, one request at a time after a warm-up. Target: under 300 ms for the
// JSON status report, for a one-year changes report and for the positions report (5 parties, about
// three in ten events positions). A write before each timed request moves the
// history on, so every one is a first build; the same request repeated then shows the cached answer.
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
    requests: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});
const TARGET_MS = 300;
const TOKEN = 'bench-admin-token-0123456789abcdef';
const DAY_MS = 86_400_000;
// Summary edits made so far, to make each one a change (declared before the top-level awaits run).
let edits = 0;

const scratch = values.db ? undefined : mkdtempSync(join(tmpdir(), 'policy-tracker-bench-'));
const path = values.db ?? join(scratch ?? '.', 'bench.sqlite');
const started = performance.now();
if (!existsSync(path)) {
  const dataset = await buildDataset(path, { items: Number(values.items), events: Number(values.events) });
  process.stdout.write(
    `Built ${dataset.items} items and ${dataset.events} events in ${Math.round(performance.now() - started)} ms\n`,
  );
}

// The builds are timed at the sizes this bench has always asked for (a year of changes, every
// item's positions matrix as HTML), which are above what a deployment answers by default
// (REPORT_MAX_EVENTS, REPORT_MAX_BYTES: docs/performance.md), so the figures stay comparable.
const { app, base } = await startInProcessService(path, TOKEN, {
  REPORT_MAX_EVENTS: '1000000',
  REPORT_MAX_BYTES: String(256 * 1024 * 1024),
});

try {
  const span = (
    await app.get(DataSource).query<Array<{ first: string; last: string }>>(
      // Not the summary edits of earlier runs on a reused --db, dated the day they ran.
      `SELECT MIN("effective_on") AS "first", MAX("effective_on") AS "last" FROM "history_events" WHERE "action" <> 'updated'`,
    )
  ).at(0);
  if (!span) {
    throw new Error('the data set has no events');
  }
  // A one-year window in the middle of the data set, where it is busiest.
  const middle = (Date.parse(span.first) + Date.parse(span.last)) / 2;
  const from = new Date(middle - 182 * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(middle + 182 * DAY_MS).toISOString().slice(0, 10);
  const asOf = new Date(middle).toISOString().slice(0, 10);
  const knownAt = `${asOf}T12:00:00Z`;

  const cases: Array<[string, string, boolean]> = [
    ['status, JSON, today', '/api/reports/status', true],
    [`changes, JSON, ${from} to ${to}`, `/api/reports/changes?from=${from}&to=${to}`, true],
    ['positions, JSON, today', '/api/reports/positions', true],
    [`positions, JSON, as of ${asOf}, knownAt`, `/api/reports/positions?asOf=${asOf}&knownAt=${knownAt}`, true],
    [`positions, JSON, as of ${asOf}, divergent`, `/api/reports/positions?asOf=${asOf}&divergent=true`, false],
    ['positions, HTML, today', '/api/reports/positions?format=html', false],
    [`status, JSON, as of ${asOf}`, `/api/reports/status?asOf=${asOf}`, false],
    [`status, JSON, as of ${asOf}, knownAt`, `/api/reports/status?asOf=${asOf}&knownAt=${knownAt}`, false],
    ['status, CSV', '/api/reports/status?format=csv', false],
    ['status, HTML', '/api/reports/status?format=html', false],
    [`changes, HTML, ${from} to ${to}`, `/api/reports/changes?from=${from}&to=${to}&format=html`, false],
  ];
  process.stdout.write(
    `\n${Number(values.requests)} requests each after ${Number(values.warmup)} warm-up requests; target ${TARGET_MS} ms\n\n`,
  );
  process.stdout.write(
    `${'report'.padEnd(52)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'cpu'.padStart(8)} ${'cached'.padStart(8)} ${'size'.padStart(10)}\n`,
  );
  for (const [label, requestPath, targeted] of cases) {
    const result = await time(requestPath);
    const verdict = targeted ? (result.p95 < TARGET_MS ? '  within target' : '  OVER TARGET') : '';
    process.stdout.write(
      `${label.padEnd(52)} ${`${result.median} ms`.padStart(8)} ${`${result.p95} ms`.padStart(8)} ${`${result.cpu} ms`.padStart(8)} ${`${result.cached} ms`.padStart(8)} ${`${Math.round(result.bytes / 1024)} KiB`.padStart(10)}${verdict}\n`,
    );
  }
} finally {
  await app.close();
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function request(requestPath: string, init: RequestInit = {}): Promise<ArrayBuffer> {
  const response = await fetch(`${base}${requestPath}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`${requestPath} answered ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  }
  return body;
}

// A change to one item's summary: a new event, so no report built before it is served again.
async function moveHistoryOn(): Promise<void> {
  const first = (
    JSON.parse(Buffer.from(await request('/api/items?limit=1')).toString('utf8')) as {
      data: Array<{ slug: string; version: number }>;
    }
  ).data.at(0);
  if (!first) {
    throw new Error('the data set has no items');
  }
  edits += 1;
  await request(`/api/items/${first.slug}`, {
    method: 'PATCH',
    headers: { 'if-match': `"${first.version}"` },
    body: JSON.stringify({ summary: `Edited by the reports bench (${edits}).` }),
  });
}

// Wall-clock time per first build, the median CPU time this process (server and client) spent on
// one (on a shared machine the first depends on the neighbours, the second much less), and the
// median time of the same request answered from the cache.
async function time(
  requestPath: string,
): Promise<{ median: number; p95: number; cpu: number; cached: number; bytes: number }> {
  for (let index = 0; index < Number(values.warmup); index += 1) {
    await moveHistoryOn();
    await request(requestPath);
  }
  const durations: number[] = [];
  const cpu: number[] = [];
  const cached: number[] = [];
  let bytes = 0;
  for (let index = 0; index < Number(values.requests); index += 1) {
    await moveHistoryOn();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    bytes = (await request(requestPath)).byteLength;
    const used = process.cpuUsage(startCpu);
    durations.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    const again = performance.now();
    await request(requestPath);
    cached.push(performance.now() - again);
  }
  return {
    median: rank(durations, 0.5),
    p95: rank(durations, 0.95),
    cpu: rank(cpu, 0.5),
    cached: rank(cached, 0.5),
    bytes,
  };
}

// Nearest rank.
function rank(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0);
}
