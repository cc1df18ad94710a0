import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { allowedTransitions } from '../src/workflow/workflow.machine.js';
import type { WorkflowState } from '../src/workflow/workflow.definition.js';
import { buildDataset } from './dataset.js';
import { startInProcessService } from './in-process-service.js';

// npm run bench:outcomes -- --outcomes 1000 --rounds 3 --items 10000 --events 100000
// Times meeting-outcomes requests (a dry run, then the real one, each round on other items)
// against a fresh database with a realistic history, through the real HTTP stack. The first
// round also pays for warming up the JIT.
const { values } = parseArgs({
  options: {
    outcomes: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    items: { type: 'string', default: '10000' },
    events: { type: 'string', default: '100000' },
  },
});
const outcomeCount = Number(values.outcomes);
const rounds = Number(values.rounds);
const token = 'bench-admin-token-0123456789abcdef';
const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-bench-'));
const path = join(directory, 'bench.sqlite');

try {
  const dataset = await buildDataset(path, { items: Number(values.items), events: Number(values.events) });
  const planned = plannedOutcomes(path, outcomeCount * rounds);
  const { app, base } = await startInProcessService(path, token);
  try {
    // After every generated change, so that no outcome moves an item's timeline backwards.
    const heldOn = new Date(Date.parse(`${dataset.lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await post(base, '/api/meetings', { slug: 'bench-summit', name: 'Bench summit', location: 'Nowhere', heldOn });
    process.stdout.write(
      `${dataset.items} items, ${dataset.events} events; ${rounds} rounds of ${outcomeCount} outcomes dated ${heldOn}\n`,
    );
    const applyTimes: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const outcomes = planned.slice(round * outcomeCount, (round + 1) * outcomeCount);
      const dryRun = await timed(base, { dryRun: true, outcomes });
      const apply = await timed(base, { outcomes });
      applyTimes.push(apply);
      process.stdout.write(
        `round ${round + 1}: ${outcomes.length} outcomes, dry run ${dryRun.toFixed(0)} ms, apply ${apply.toFixed(0)} ms\n`,
      );
    }
    const sorted = [...applyTimes].sort((a, b) => a - b);
    process.stdout.write(`apply, median of ${rounds}: ${sorted[Math.floor(rounds / 2)].toFixed(0)} ms per request\n`);
  } finally {
    await app.close();
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

// The first items that can still move, each with an allowed transition.
function plannedOutcomes(databasePath: string, count: number) {
  const db = new Database(databasePath, { readonly: true });
  const rows = db
    .prepare("SELECT slug, state FROM items WHERE state NOT IN ('implemented', 'withdrawn') ORDER BY slug LIMIT ?")
    .all(count) as { slug: string; state: WorkflowState }[];
  db.close();
  return rows.map(({ slug, state }) => {
    const [rule] = allowedTransitions(state);
    return rule.requiresReason
      ? { item: slug, to: rule.to, reason: 'Decided at the bench summit.' }
      : { item: slug, to: rule.to };
  });
}

async function timed(base: string, body: { dryRun?: boolean; outcomes: unknown[] }): Promise<number> {
  const started = performance.now();
  const answer = (await post(base, '/api/meetings/bench-summit/outcomes', body)) as { outcomes: unknown[] };
  const ms = performance.now() - started;
  if (answer.outcomes.length !== body.outcomes.length) {
    throw new Error(`expected ${body.outcomes.length} outcomes in the answer, got ${answer.outcomes.length}`);
  }
  return ms;
}

async function post(base: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(base + route, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) {
    throw new Error(`${route} answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return answer;
}
