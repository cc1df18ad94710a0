import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { WorkflowState } from '../src/workflow/workflow.definition.js';

// One allowed move out of every state the data set holds, chosen so that items keep cycling and never
// reach a terminal state: proposed → under_discussion ⇄ deferred, agreed → under_discussion, rejected → proposed.
const NEXT_MOVE: Partial<Record<WorkflowState, WorkflowState>> = {
  proposed: 'under_discussion',
  under_discussion: 'deferred',
  deferred: 'under_discussion',
  agreed: 'under_discussion',
  rejected: 'proposed',
};

interface PooledItem {
  readonly slug: string;
  readonly state: WorkflowState;
}

export interface Move {
  readonly slug: string;
  readonly to: WorkflowState;
}

export interface Lease {
  readonly moves: readonly Move[];
  // Applied moves return their items in the new state; an item whose move failed is dropped, so
  // one wrong guess about its state does not turn into a stream of refusals.
  settle(applied: boolean): void;
}

// Hands every write request items that no other connection is moving at that moment, so that
// each transition sent is one the workflow allows and the run measures successful writes.
export class ItemPool {
  private constructor(
    private items: PooledItem[],
    private head = 0,
  ) {}

  // The items' states as the database holds them now.
  static load(databasePath: string): ItemPool {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT slug, state FROM items').all() as PooledItem[];
      return new ItemPool(rows.filter((row) => NEXT_MOVE[row.state] !== undefined));
    } finally {
      db.close();
    }
  }

  get size(): number {
    return this.items.length - this.head;
  }

  lease(count: number): Lease | undefined {
    if (this.size < count) {
      return undefined;
    }
    const taken = this.items.slice(this.head, this.head + count);
    this.head += count;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    const moves = taken.map(({ slug, state }) => ({ slug, to: NEXT_MOVE[state] ?? state }));
    return {
      moves,
      settle: (applied) => {
        if (applied) {
          this.items.push(...moves.map(({ slug, to }) => ({ slug, state: to })));
        }
      },
    };
  }
}

// After a load run stops, requests it had in flight may still be committing. Waits until the
// newest history event stays the same for a while, so the next pool load sees their outcome.
export async function waitForWritesToSettle(databasePath: string, quietMs = 300, timeoutMs = 30_000): Promise<void> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  const newest = db.prepare('SELECT MAX(id) AS id FROM history_events');
  try {
    const deadline = Date.now() + timeoutMs;
    let last = (newest.get() as { id: number | null }).id;
    while (Date.now() < deadline) {
      await sleep(quietMs);
      const now = (newest.get() as { id: number | null }).id;
      if (now === last) {
        return;
      }
      last = now;
    }
  } finally {
    db.close();
  }
}
