import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startInProcessService } from './in-process-service.js';

// npm run bench:compliance -- [--items 200] [--parties 25] [--rounds 5] [--requests 10]
// Scores every item for every party in each of several monitoring periods (through the API, one
// matrix per round), then times the JSON compliance report over HTTP. A write before each timed
// request moves the history on, so every one is a first build. Target: under 300 ms.
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '200' },
    parties: { type: 'string', default: '25' },
    rounds: { type: 'string', default: '5' },
    requests: { type: 'string', default: '10' },
  },
});
const TARGET_MS = 300;
const TOKEN = 'bench-admin-token-0123456789abcdef';
const items = Array.from(
  { length: Number(values.items) },
  (_, index) => `commitment-${String(index + 1).padStart(4, '0')}`,
);
const parties = Array.from(
  { length: Number(values.parties) },
  (_, index) => `member-${String(index + 1).padStart(2, '0')}`,
);
const SCORES = ['1', '0', '-1', 'n/a', '1', '1', '0'];

const scratch = mkdtempSync(join(tmpdir(), 'policy-tracker-bench-'));
const { app, base } = await startInProcessService(join(scratch, 'bench.sqlite'), TOKEN);
try {
  const started = performance.now();
  for (const slug of parties) {
    await request('/api/parties', 'POST', JSON.stringify({ slug, name: slug, kind: 'state' }));
  }
  for (const slug of items) {
    await request(
      '/api/items',
      'POST',
      JSON.stringify({
        slug,
        title: slug,
        summary: 'A commitment',
        category: 'bench',
        proposedBy: 'NRC',
        proposedOn: '2010-11-20',
      }),
    );
  }
  for (let round = 0; round < Number(values.rounds); round += 1) {
    const rows = items.map((item, row) => [
      item,
      ...parties.map((_, column) => SCORES[(row * 7 + column * 3 + round) % SCORES.length]),
    ]);
    const csv = [['item', ...parties], ...rows].map((row) => row.join(',')).join('\n');
    await request(`/api/assessments?effectiveOn=${2011 + round}-06-30`, 'POST', csv, 'text/csv');
  }
  process.stdout.write(
    `${items.length} items × ${parties.length} parties × ${values.rounds} rounds recorded in ${Math.round(performance.now() - started)} ms\n`,
  );
  const times: number[] = [];
  for (let index = 0; index < Number(values.requests); index += 1) {
    // A new event before each request, so that no report built before it is served again.
    const item = JSON.parse(Buffer.from(await request(`/api/items/${items[0]}`)).toString('utf8')) as {
      version: number;
    };
    await request(
      `/api/items/${items[0]}`,
      'PATCH',
      JSON.stringify({ summary: `Edited (${index})` }),
      'application/json',
      {
        'if-match': `"${item.version}"`,
      },
    );
    const start = performance.now();
    await request('/api/reports/compliance');
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
  const worst = Math.round(sorted.at(-1) ?? 0);
  process.stdout.write(
    `compliance report, JSON, first builds: median ${median} ms, worst ${worst} ms; target ${TARGET_MS} ms: ${worst < TARGET_MS ? 'within target' : 'OVER TARGET'}\n`,
  );
} finally {
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
}

async function request(
  path: string,
  method = 'GET',
  body?: string,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): Promise<ArrayBuffer> {
  const response = await fetch(`${base}${path}`, {
    method,
    body,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
      ...headers,
    },
  });
  const answer = await response.arrayBuffer();
  if (response.status >= 300) {
    throw new Error(
      `${method} ${path} answered ${response.status}: ${Buffer.from(answer).toString('utf8').slice(0, 300)}`,
    );
  }
  return answer;
}
