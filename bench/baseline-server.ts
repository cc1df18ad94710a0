import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '../src/history/event-hash.js';
import { hashTokenSecret } from '../src/auth/token-secret.js';
import type { ItemEntity } from '../src/items/item.entity.js';
import { itemFromRow, type ItemRow } from '../src/items/item.repository.js';
import { presentItemDetail } from '../src/items/item.presenter.js';
import type { WorkflowState } from '../src/workflow/workflow.definition.js';

// The ceilings the service is measured against, each run in its own process:
//   --mode http     a bare Fastify server answering a constant item: the cost of the HTTP layer alone;
//   --mode storage  a bare Fastify server running the service's SQL for reading one item and for a
//                   transition straight through better-sqlite3, with the service's pragmas and its
//                   group commit; like the service, it looks up the request's token (--token) first.
const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    port: { type: 'string' },
    database: { type: 'string' },
    token: { type: 'string' },
  },
});

const app = Fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));

const SAMPLE_ITEM: ItemEntity = {
  id: '6f1c2a52-3d4e-4c1b-9a57-0d2f9b8e4a11',
  slug: 'bench-item-0',
  title: 'Cooperation area 0',
  summary: 'Generated cooperation area number 0 for benchmarks.',
  category: 'missile-defense',
  proposedBy: 'United States',
  proposedOn: '2003-05-14',
  sourceUrl: null,
  state: 'under_discussion',
  stateSince: '2004-02-01',
  version: 20,
  createdAt: '2003-05-14T09:00:00.000Z',
  updatedAt: '2003-05-14T09:00:00.000Z',
};

if (values.mode === 'http') {
  app.get('/item', () => presentItemDetail(SAMPLE_ITEM, []));
} else if (values.mode === 'storage' && values.database && values.token) {
  serveStorage(values.database, values.token);
} else {
  throw new Error('usage: baseline-server --mode http|storage --port <port> [--database <sqlite file>]');
}
await app.listen({ port: Number(values.port), host: '127.0.0.1' });

interface QueuedTransition {
  readonly key: string;
  readonly to: WorkflowState;
  readonly reason: string | null;
  resolve(item: ItemEntity | undefined): void;
  reject(error: unknown): void;
}

function serveStorage(path: string, token: string): void {
  const db = new Database(path, { fileMustExist: true, timeout: 5000 });
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');

  // The service's token lookup, on a token row of the ceiling's own.
  db.prepare(
    "INSERT OR IGNORE INTO api_tokens (name, role, secret_hash, created_at) VALUES ('bench', 'admin', ?, ?)",
  ).run(hashTokenSecret(token), new Date().toISOString());
  const selectToken = db.prepare<[string], { name: string; role: string }>(
    'SELECT name, role FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL',
  );
  app.addHook('onRequest', async (request, reply) => {
    const secret = request.headers.authorization?.slice('Bearer '.length) ?? '';
    if (request.url !== '/health' && !selectToken.get(hashTokenSecret(secret))) {
      await reply.code(401).send({ status: 401 });
    }
  });

  const selectItem = db.prepare<[string, string], ItemRow>('SELECT * FROM items WHERE id = ? OR slug = ?');
  const updateItem = db.prepare(
    'UPDATE items SET state = @state, state_since = @stateSince, version = @version, updated_at = @updatedAt WHERE id = @id AND version = @previous',
  );
  const headHash = db.prepare<[], { hash: string }>('SELECT hash FROM history_events ORDER BY id DESC LIMIT 1');
  const insertEvent = db.prepare(
    `INSERT INTO history_events (item_id, seq, action, from_state, to_state, changes, reason, effective_on, meeting_id, source, batch_id, actor, recorded_at, prev_hash, hash)
     VALUES (@itemId, @seq, @action, @fromState, @toState, @changes, @reason, @effectiveOn, @meetingId, @source, @batchId, @actor, @recordedAt, @prevHash, @hash)`,
  );

  const transition = db.transaction((key: string, to: WorkflowState, reason: string | null): ItemEntity | undefined => {
    const row = selectItem.get(key, key);
    if (!row) {
      return undefined;
    }
    const recordedAt = new Date().toISOString();
    const item = itemFromRow(row);
    const updated: ItemEntity = {
      ...item,
      state: to,
      stateSince: recordedAt.slice(0, 10),
      version: item.version + 1,
      updatedAt: recordedAt,
    };
    const result = updateItem.run({ ...updated, previous: item.version });
    if (result.changes !== 1) {
      throw new Error('version changed under the transaction');
    }
    const fields: HashedEventFields = {
      itemId: item.id,
      seq: updated.version,
      action: 'transitioned',
      fromState: item.state,
      toState: to,
      changes: JSON.stringify({ state: { from: item.state, to } }),
      reason,
      effectiveOn: updated.stateSince,
      meetingId: null,
      source: null,
      partyId: null,
      stance: null,
      batchId: null,
      actor: 'bench',
      recordedAt,
      corrects: null,
      retracts: null,
      prevHash: headHash.get()?.hash ?? GENESIS_HASH,
    };
    insertEvent.run({ ...fields, hash: eventHash(fields) });
    return updated;
  });

  // Group commit, as the service does it: transitions that arrive while a group is being written
  // run in the next group, each in its own savepoint (a nested better-sqlite3 transaction), and
  // share one COMMIT, so one fsync.
  const queue: QueuedTransition[] = [];
  const commitGroup = db.transaction((group: readonly QueuedTransition[]) =>
    group.map((write) => {
      try {
        return { item: transition(write.key, write.to, write.reason) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const flush = () => {
    const group = queue.splice(0);
    try {
      commitGroup
        .immediate(group)
        .forEach((outcome, index) =>
          'error' in outcome ? group[index].reject(outcome.error) : group[index].resolve(outcome.item),
        );
    } catch (error) {
      group.forEach((write) => write.reject(error));
    }
  };
  const transitionSoon = (key: string, to: WorkflowState, reason: string | null) =>
    new Promise<ItemEntity | undefined>((resolve, reject) => {
      queue.push({ key, to, reason, resolve, reject });
      if (queue.length === 1) {
        setImmediate(flush);
      }
    });

  app.get<{ Params: { key: string } }>('/api/items/:key', async (request, reply) => {
    const row = selectItem.get(request.params.key, request.params.key);
    return row ? presentItemDetail(itemFromRow(row), []) : reply.code(404).send({ status: 404 });
  });
  app.post<{ Params: { key: string }; Body: { to: WorkflowState; reason?: string } }>(
    '/api/items/:key/transitions',
    async (request, reply) => {
      const item = await transitionSoon(request.params.key, request.body.to, request.body.reason ?? null);
      return item ? presentItemDetail(item, []) : reply.code(404).send({ status: 404 });
    },
  );
}
