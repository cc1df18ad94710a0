// Two server processes on one database, as behind a load balancer: the guarantees of one instance
// must hold across both. Runs the built server (npm run test:instances builds it) on PostgreSQL when
// TEST_DATABASE_URL=postgres://… names a server (a fresh database is created and dropped), else on
// a fresh SQLite file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, URLSearchParams } from 'node:url';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { GENESIS_HASH, eventHash } from '../../dist/src/history/event-hash.js';
import { hashedEventFields } from '../support/event-row.mjs';
import { freePort } from '../support/free-port.mjs';
import { withClient } from '../support/pg-client.mjs';

const { fetch, AbortSignal } = globalThis;
const ADMIN = `instances-${randomBytes(12).toString('hex')}`;
const RACERS = 20;
// Edits of 5,000 characters to one item: its history is larger than one page of 256 KiB.
const FAT_EDITS = 40;
const database = await freshDatabase();
let instances = [];
// Every process started, even one whose sibling failed to start, so that none outlives the test.
const children = [];

before(async () => {
  if (database.kind === 'postgres') {
    // Both at once on the empty database: migrations, the bootstrap token and the seed all race.
    instances = await Promise.all([startInstance('a'), startInstance('b')]);
  } else {
    // SQLite serves one machine: its migrations are not serialised across processes, so the
    // second process (like the CLI beside a server) starts on a migrated file.
    instances = [await startInstance('a'), await startInstance('b')];
  }
});

after(async () => {
  await Promise.all(children.map(stop));
  await database.drop();
});

test('both instances start on one empty database: migrated, bootstrapped and seeded once', async () => {
  for (const instance of instances) {
    const items = await instance.call('GET', '/api/items?limit=200');
    assert.equal(items.status, 200, items.text);
    assert.equal(items.json.total, 8, 'the 2010 seed, loaded once');
  }
  for (const instance of instances) {
    // Not even an error healed by a retry (Nest retries a failed database start).
    assert.doesNotMatch(instance.output(), /"level":(50|60)/, instance.output());
  }
  const migrations = await database.query('SELECT name FROM migrations');
  assert.equal(migrations.length, new Set(migrations.map((row) => row.name)).size, 'each migration ran once');
  const tokens = await database.query('SELECT name FROM api_tokens');
  assert.deepEqual(tokens, [{ name: 'bootstrap' }]);
});

test(`${RACERS} racing transitions on one item across both instances: exactly one wins`, async () => {
  const [a, b] = instances;
  const created = await a.call('POST', '/api/items', { body: itemBody() });
  assert.equal(created.status, 201, created.text);
  const answers = await Promise.all(
    Array.from({ length: RACERS }, (_, i) =>
      (i % 2 ? a : b).call('POST', `/api/items/${created.json.slug}/transitions`, {
        body: { to: i % 4 < 2 ? 'under_discussion' : 'agreed', effectiveOn: '2010-10-01' },
        headers: { 'if-match': '"1"' },
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 200).length, 1, `statuses: ${statuses}`);
  assert.ok(
    statuses.every((status) => status === 200 || status === 412 || status === 409),
    `the losers hear 412 or 409, never an error: ${statuses}`,
  );
  for (const instance of instances) {
    const history = await instance.call('GET', `/api/items/${created.json.slug}/history`);
    assert.equal(history.json.data.length, 2, 'one creation and one transition');
  }
});

test('writes spread over both instances keep one valid history chain', async () => {
  const before = (await database.query('SELECT id FROM history_events')).length;
  const answers = await Promise.all(
    Array.from({ length: RACERS }, (_, i) => instances[i % 2].call('POST', '/api/items', { body: itemBody() })),
  );
  assert.deepEqual(
    answers.map((answer) => answer.status),
    answers.map(() => 201),
  );
  const events = await database.query('SELECT * FROM history_events ORDER BY id');
  let head = GENESIS_HASH;
  const lastSeq = new Map();
  for (const row of events) {
    const event = hashedEventFields(row);
    assert.equal(event.prevHash, head, `event ${row.id} links to the event before it`);
    assert.equal(eventHash(event), row.hash, `event ${row.id} matches its hash`);
    assert.equal(event.seq, (lastSeq.get(event.itemId) ?? 0) + 1, `event ${row.id} is next in its item`);
    lastSeq.set(event.itemId, event.seq);
    head = row.hash;
  }
  assert.equal(events.length, before + RACERS, 'one event for each new item');
});

test('an outcome batch and its Idempotency-Key hold across instances', async () => {
  const [a, b] = instances;
  const meeting = await a.call('POST', '/api/meetings', {
    body: { slug: `inst-${randomBytes(5).toString('hex')}`, name: 'Summit', location: 'Lisbon', heldOn: '2010-11-20' },
  });
  assert.equal(meeting.status, 201, meeting.text);
  const items = await Promise.all([a, b].map((instance) => instance.call('POST', '/api/items', { body: itemBody() })));
  const batch = { outcomes: items.map((item) => ({ item: item.json.slug, to: 'agreed' })) };
  const path = `/api/meetings/${meeting.json.slug}/outcomes`;
  const headers = { 'idempotency-key': `inst-${randomBytes(8).toString('hex')}` };
  // The same request sent to both at once (a client retrying on another instance): applied once.
  const [first, retry] = await Promise.all(
    [a, b].map((instance) => instance.call('POST', path, { body: batch, headers })),
  );
  assert.equal(first.status, 200, first.text);
  assert.equal(retry.status, 200, retry.text);
  assert.deepEqual(retry.json, first.json, 'the retry replays the first answer');
  const later = await b.call('POST', path, { body: batch, headers });
  assert.deepEqual(later.json, first.json, 'and so does a later retry');
  const events = await database.query(`SELECT batch_id FROM history_events WHERE batch_id IS NOT NULL`);
  assert.deepEqual(
    events.map((event) => event.batch_id),
    items.map(() => first.json.batch),
    'one event per outcome, in one batch',
  );
  const other = await a.call('POST', path, { body: { outcomes: batch.outcomes.slice(1) }, headers });
  assert.equal(other.status, 422, 'the key reused with a different request is refused');
});

test("a party created on one instance is in the other's positions report, cached before it", async () => {
  const [a, b] = instances;
  const before = await b.call('GET', '/api/reports/positions?asOf=2010-12-31');
  assert.equal(before.status, 200, before.text);
  const slug = `inst-party-${randomBytes(4).toString('hex')}`;
  const party = await a.call('POST', '/api/parties', { body: { slug, name: 'Late party', kind: 'state' } });
  assert.equal(party.status, 201, party.text);
  assert.ok(!before.json.parties.includes(slug));
  const after = await b.call('GET', '/api/reports/positions?asOf=2010-12-31');
  assert.ok(after.json.parties.includes(slug), `instance b answers the new party: ${after.json.parties}`);
});

// The reader storm's shape (bench/reader-storm.ts), small: reports of every kind (one refused as
// too large, in its worker), large history pages of an item edited with long texts, lists filtered
// by stance and the console's report pages, from three tokens on both instances at once. Outcomes
// only, no timings (the machines are noisy; the storm bench measures them): every answer is an
// answer or a refusal that says when to come back, never a 5xx or a hang, and /health answers on
// both instances throughout.
test('a storm of expensive reads on both instances: built in worker threads, admitted per token, /health answers', async () => {
  const [a, b] = instances;
  for (let created = 0; created < 120; created += 12) {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => instances[i % 2].call('POST', '/api/items', { body: itemBody() })),
    );
    assert.ok(answers.every((answer) => answer.status === 201));
  }
  // An item edited with 5,000-character summaries: its history comes to ~10 kB an event.
  const fat = await a.call('POST', '/api/items', { body: itemBody() });
  for (let version = 1; version <= FAT_EDITS; version += 1) {
    const edit = await instances[version % 2].call('PATCH', `/api/items/${fat.json.slug}`, {
      body: { summary: `${version} `.padEnd(5000, 'x') },
      headers: { 'if-match': `"${version}"` },
    });
    assert.equal(edit.status, 200, edit.text);
  }
  const tokens = [];
  for (const name of ['one', 'two', 'three']) {
    const token = await a.call('POST', '/api/tokens', {
      body: { name: `reader-${name}-${randomBytes(3).toString('hex')}`, role: 'viewer' },
    });
    assert.equal(token.status, 201, token.text);
    tokens.push(token.json.token);
  }
  const cookie = await signIn(b, tokens[2]);

  let storming = true;
  const health = [];
  const probe = async (instance) => {
    while (storming) {
      const answer = await fetch(`${instance.base}/health`, { signal: AbortSignal.timeout(60_000) });
      await answer.arrayBuffer();
      health.push(answer.status);
      await sleep(50);
    }
  };
  const probes = [probe(a), probe(b)];
  const readers = [
    ['report', 'status?asOf=2010-12-31&format=html'],
    ['report', 'positions?asOf=2010-12-31&format=html'],
    ['report', 'changes?from=2011-01-01&to=2011-12-31&format=csv'],
    // More events than REPORT_MAX_EVENTS: refused by the worker, the problem crossing the thread.
    ['revisions', 'revisions?from=1970-01-01T00:00:00Z'],
    ['history', `/api/items/${fat.json.slug}/history?limit=1000`],
    ['list', '/api/items?stance=opposes&limit=200'],
    ['console', '/reports?report=status&asOf=2010-12-31&page=2'],
  ];
  const answers = await Promise.all(
    Array.from({ length: 3 * readers.length }, async (_, i) => {
      const [kind, path] = readers[i % readers.length];
      const url = instances[i % 2].base + (kind === 'report' || kind === 'revisions' ? `/api/reports/${path}` : path);
      const headers = kind === 'console' ? { cookie } : { authorization: `Bearer ${tokens[i % 3]}` };
      const seen = [];
      for (let round = 0; round < 4; round += 1) {
        const response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
        const text = await response.text();
        seen.push({ kind, status: response.status, retryAfter: response.headers.get('retry-after'), text });
      }
      return seen;
    }),
  );
  const workerConnections =
    database.kind === 'postgres'
      ? await database.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'policy-tracker-reports'`)
      : undefined;
  storming = false;
  await Promise.all(probes);

  const all = answers.flat();
  const summary = all.map((answer) => `${answer.kind} ${answer.status}`).join(', ');
  for (const answer of all) {
    assert.ok(
      [200, 429, 503].includes(answer.status) || (answer.kind === 'revisions' && answer.status === 422),
      `answered or refused, never an error: ${summary}\n${answer.text.slice(0, 500)}`,
    );
    if (answer.status === 429 || answer.status === 503) {
      assert.ok(Number(answer.retryAfter) > 0, `a refusal says when to come back: ${answer.kind} ${answer.status}`);
    }
  }
  for (const kind of ['report', 'history', 'list', 'console']) {
    assert.ok(
      all.some((answer) => answer.kind === kind && answer.status === 200),
      `some ${kind} reads are answered: ${summary}`,
    );
  }
  const refused = all.filter((answer) => answer.status === 422);
  assert.ok(refused.length > 0, `the revisions from the beginning are refused: ${summary}`);
  for (const answer of refused) {
    assert.match(JSON.parse(answer.text).detail, /later from/);
  }
  // A history page ends at about 256 KiB, however many events were asked for.
  const page = all.find((answer) => answer.kind === 'history' && answer.status === 200);
  const events = JSON.parse(page.text);
  assert.ok(events.data.length < FAT_EDITS, `a page of ${events.data.length} events`);
  assert.ok(page.text.length < 512 * 1024, `a page of ${page.text.length} characters`);
  assert.ok(events.next, 'the next page is linked');
  // The console's page shows the second hundred rows of the report, counted over the whole.
  const shown = all.find((answer) => answer.kind === 'console' && answer.status === 200);
  assert.match(shown.text, /Rows 101 to \d+ of \d+\./);
  assert.ok(health.length > 0 && health.every((status) => status === 200), `/health answered: ${health}`);
  if (workerConnections) {
    // Each instance's report workers read on connections of their own.
    assert.ok(workerConnections.length >= 2, `report worker connections: ${workerConnections.length}`);
  }
});

// Signs in to the console as a browser does: the session cookie to send.
async function signIn(instance, token) {
  const response = await fetch(`${instance.base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  await response.arrayBuffer();
  assert.equal(response.status, 303);
  return response.headers.get('set-cookie').split(';')[0];
}

function itemBody() {
  return {
    slug: `inst-${randomBytes(5).toString('hex')}`,
    title: 'Joint exercise',
    summary: 'Made by the multi-instance test.',
    category: 'exercises',
    proposedBy: 'NATO',
    proposedOn: '2010-09-22',
  };
}

async function startInstance(name) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRACKER_ADMIN_TOKEN: ADMIN,
      TRACKER_SEED: 'true',
      LOG_LEVEL: 'warn',
      // Fewer than the events these tests record: a revisions report over them all is too large.
      REPORT_MAX_EVENTS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // After 'close' the output is complete; 'exit' may come before the last of it.
  child.closed = new Promise((resolve) => child.once('close', resolve));
  const call = async (method, path, { body, headers = {} } = {}) => {
    const response = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
  };
  // The machine is shared and slow at times: a generous bound, polled.
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) {
      await child.closed;
      throw new Error(`instance ${name} exited while starting:\n${output}`);
    }
    const healthy = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      break;
    }
    if (attempt > 600) {
      throw new Error(`instance ${name} did not start:\n${output}`);
    }
    await sleep(100);
  }
  return { base, call, output: () => output };
}

async function stop(child) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
  }
  await child.closed;
}

async function freshDatabase() {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-instances-'));
    const path = join(directory, 'tracker.sqlite');
    return {
      kind: 'sqlite',
      url: `sqlite:${path}`,
      query: async (sql) => {
        const direct = new Database(path, { readonly: true });
        try {
          return direct.prepare(sql).all();
        } finally {
          direct.close();
        }
      },
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `tracker_instances_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    query: (sql) => withClient(url.toString(), async (client) => (await client.query(sql)).rows),
    drop: () => withClient(admin, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`)),
  };
}
