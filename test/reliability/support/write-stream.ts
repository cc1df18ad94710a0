import type Database from 'better-sqlite3';
import { itemBody } from '../../support/factories.js';
import { adminHeaders } from './processes.js';

export type Presence = 'all' | 'none' | 'partial';

// One write request, and how to find it in the database afterwards: an acknowledged write must be
// all there, and any write, answered or not, all there or not at all.
export interface Write {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly body: unknown;
  presence(db: Database.Database): Presence;
}

export interface Attempt {
  readonly write: Write;
  // Undefined when no answer came: the server died or closed the connection first.
  readonly status?: number;
  readonly retryAfter?: string | null;
  readonly contentType?: string | null;
  readonly sentAt: number;
  readonly answeredAt: number;
}

export class WriteLog {
  readonly attempts: Attempt[] = [];

  constructor(private readonly url: string) {}

  get acknowledged(): Attempt[] {
    return this.attempts.filter((attempt) => attempt.status !== undefined && attempt.status < 300);
  }

  get unanswered(): Attempt[] {
    return this.attempts.filter((attempt) => attempt.status === undefined);
  }

  get serverErrors(): Attempt[] {
    return this.attempts.filter((attempt) => attempt.status !== undefined && attempt.status >= 500);
  }

  async send(write: Write): Promise<Attempt> {
    const sentAt = performance.now();
    let attempt: Attempt;
    try {
      const response = await fetch(`${this.url}${write.path}`, {
        method: write.method,
        headers: adminHeaders(),
        body: JSON.stringify(write.body),
      });
      await response.arrayBuffer();
      const answeredAt = performance.now();
      attempt = {
        write,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        contentType: response.headers.get('content-type'),
        sentAt,
        answeredAt,
      };
    } catch {
      attempt = { write, sentAt, answeredAt: performance.now() };
    }
    this.attempts.push(attempt);
    return attempt;
  }
}

// A worker sends one write at a time, each depending on the answer to the one before, until it is
// told to stop or the server stops answering.
export type Worker = (log: WriteLog, stopped: () => boolean) => Promise<void>;

export async function runWorkers(log: WriteLog, workers: readonly Worker[], stopped: () => boolean): Promise<void> {
  await Promise.all(workers.map((worker) => worker(log, stopped)));
}

export function itemCreation(slug: string): Write {
  return {
    method: 'POST',
    path: '/api/items',
    body: itemBody({ slug }),
    presence: (db) => {
      const row = db.prepare('SELECT id FROM items WHERE slug = ?').get(slug) as { id: string } | undefined;
      if (!row) {
        return 'none';
      }
      const created = db.prepare("SELECT 1 FROM history_events WHERE item_id = ? AND action = 'created'").get(row.id);
      return created ? 'all' : 'partial';
    },
  };
}

// Each transition carries a reason no other request uses, so its event can be found.
export function transition(slug: string, to: string, reason: string): Write {
  return {
    method: 'POST',
    path: `/api/items/${slug}/transitions`,
    body: { to, reason },
    presence: (db) => (db.prepare('SELECT 1 FROM history_events WHERE reason = ?').get(reason) ? 'all' : 'none'),
  };
}

export function creatingItems(prefix: string): Worker {
  return async (log, stopped) => {
    for (let n = 0; !stopped(); n += 1) {
      const attempt = await log.send(itemCreation(`${prefix}-${n}`));
      if (attempt.status === undefined) {
        return;
      }
    }
  };
}

// Moves one item (created beforehand, in state proposed) to and fro: deferred, under discussion, deferred…
export function movingItem(slug: string): Worker {
  return async (log, stopped) => {
    let to = 'deferred';
    for (let n = 0; !stopped(); n += 1) {
      const attempt = await log.send(transition(slug, to, `${slug} move ${n} to ${to}`));
      if (attempt.status === undefined) {
        return;
      }
      // 409: the item is there already (a test before left it so), so it moves the other way.
      if (attempt.status < 300 || attempt.status === 409) {
        to = to === 'deferred' ? 'under_discussion' : 'deferred';
      }
    }
  };
}

export function meetingCreation(slug: string): Write {
  return {
    method: 'POST',
    path: '/api/meetings',
    body: { slug, name: 'NATO-Russia Council summit', location: 'Lisbon', heldOn: '2010-11-20' },
    presence: (db) => (db.prepare('SELECT 1 FROM meetings WHERE slug = ?').get(slug) ? 'all' : 'none'),
  };
}

// One meeting-outcomes batch; each outcome has a reason no other request uses. A batch is 'partial'
// when some but not all of its outcomes reached the history: half-applied.
export function outcomeBatch(meeting: string, slugs: readonly string[], to: string, tag: string): Write {
  const outcomes = slugs.map((slug) => ({ item: slug, to, reason: `${tag}: ${slug} to ${to}` }));
  return {
    method: 'POST',
    path: `/api/meetings/${meeting}/outcomes`,
    body: { outcomes },
    presence: (db) => {
      const found = outcomes.filter(({ reason }) =>
        db.prepare('SELECT 1 FROM history_events WHERE reason = ?').get(reason),
      ).length;
      return found === 0 ? 'none' : found === outcomes.length ? 'all' : 'partial';
    },
  };
}

// Moves a group of items (in state proposed) to and fro in whole batches: deferred, under discussion…
export function applyingOutcomes(meeting: string, slugs: readonly string[]): Worker {
  return async (log, stopped) => {
    let to = 'deferred';
    for (let n = 0; !stopped(); n += 1) {
      const attempt = await log.send(outcomeBatch(meeting, slugs, to, `${meeting} batch ${n}`));
      if (attempt.status === undefined) {
        return;
      }
      if (attempt.status < 300) {
        to = to === 'deferred' ? 'under_discussion' : 'deferred';
      }
    }
  };
}

// The writes the database does not hold as it should, described for a readable failure.
export function writesNotKept(db: Database.Database, attempts: readonly Attempt[]): string[] {
  return attempts
    .filter((attempt) => {
      const presence = attempt.write.presence(db);
      return presence === 'partial' || (presence === 'none' && attempt.status !== undefined && attempt.status < 300);
    })
    .map(
      ({ write, status }) =>
        `${write.method} ${write.path} ${JSON.stringify(write.body)} answered ${status ?? 'nothing'}`,
    );
}

export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
