import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '../src/history/event-hash.js';
import { STANCES } from '../src/parties/stance.js';
import { allowedTransitions } from '../src/workflow/workflow.machine.js';
import type { TransitionRule, WorkflowState } from '../src/workflow/workflow.definition.js';

export interface DatasetSize {
  readonly items: number;
  readonly events: number;
}

export interface Dataset extends DatasetSize {
  readonly path: string;
  readonly slugs: readonly string[];
  readonly firstDay: string;
  readonly lastDay: string;
}

const CATEGORIES = ['missile-defense', 'counter-narcotics', 'arms-control', 'transparency', 'security-review'];
const PROPOSERS = ['United States', 'NATO', 'Russia', 'France', 'Germany'];
// The parties taking positions, and the share of an item's later events that are positions.
const PARTIES = ['united-states', 'nato', 'russia', 'france', 'germany'].map((slug) => ({ id: randomUUID(), slug }));
const POSITION_SHARE = 0.3;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

// A small deterministic generator, so that two runs build the same data set.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function day(offset: number): string {
  return new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10);
}

interface PlannedEvent extends Omit<HashedEventFields, 'prevHash' | 'recordedAt'> {
  readonly dayOffset: number;
}

type EventSpecifics = Pick<PlannedEvent, 'itemId' | 'seq' | 'action' | 'fromState' | 'toState' | 'changes' | 'reason'> &
  Partial<Pick<PlannedEvent, 'partyId' | 'stance'>>;

// A bench event: no meeting, source, batch or correction; a party only where it is a position.
function plannedEvent(event: EventSpecifics, dayOffset: number): PlannedEvent {
  return {
    ...event,
    effectiveOn: day(dayOffset),
    meetingId: null,
    source: null,
    batchId: null,
    corrects: null,
    retracts: null,
    actor: 'bench',
    partyId: event.partyId ?? null,
    stance: event.stance ?? null,
    dayOffset,
  };
}

// Builds a tracker database the way the service would have: migrated schema, items whose rows agree
// with their history, transitions that follow the workflow with forward-moving dates, and one valid
// hash chain over all events in recorded order. Written straight through better-sqlite3 for speed.
export async function buildDataset(path: string, size: DatasetSize, seed = 2010): Promise<Dataset> {
  const migrator = new DataSource(dataSourceOptions({ type: 'sqlite', path }));
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();

  const next = random(seed);
  const perItem = Math.max(1, Math.floor(size.events / size.items));
  const spanDays = 365 * 10;
  const planned: PlannedEvent[] = [];
  const items: Array<Record<string, unknown>> = [];
  const slugs: string[] = [];

  for (let index = 0; index < size.items; index += 1) {
    const id = randomUUID();
    const slug = `bench-item-${index}`;
    slugs.push(slug);
    let offset = Math.floor(next() * spanDays * 0.5);
    const proposedOn = day(offset);
    const fields = {
      slug,
      title: `Cooperation area ${index}`,
      summary: `Generated cooperation area number ${index} for benchmarks.`,
      category: CATEGORIES[index % CATEGORIES.length],
      proposedBy: PROPOSERS[index % PROPOSERS.length],
      proposedOn,
      sourceUrl: null,
      state: 'proposed',
    };
    const changes: Record<string, { from: null; to: unknown }> = {};
    for (const [field, value] of Object.entries(fields)) {
      changes[field] = { from: null, to: value };
    }
    planned.push(
      plannedEvent(
        {
          itemId: id,
          seq: 1,
          action: 'created',
          fromState: null,
          toState: 'proposed',
          changes: JSON.stringify(changes),
          reason: null,
        },
        offset,
      ),
    );
    let state: WorkflowState = 'proposed';
    let stateSince = proposedOn;
    let seq = 1;
    // Walk the workflow, keeping away from terminal states so every item can take all its events.
    const stances = new Map<string, string>();
    while (seq < perItem) {
      if (next() < POSITION_SHARE) {
        const party = PARTIES[Math.floor(next() * PARTIES.length)];
        const stance = STANCES[Math.floor(next() * STANCES.length)];
        offset += Math.floor(next() * 3);
        seq += 1;
        planned.push(
          plannedEvent(
            {
              itemId: id,
              seq,
              action: 'positioned',
              fromState: state,
              toState: state,
              changes: JSON.stringify({ stance: { from: stances.get(party.id) ?? null, to: stance } }),
              reason: `Statement ${seq} of ${party.slug} on ${slug}.`,
              partyId: party.id,
              stance,
            },
            offset,
          ),
        );
        stances.set(party.id, stance);
        continue;
      }
      const moves: readonly TransitionRule[] = allowedTransitions(state).filter(
        (rule) => allowedTransitions(rule.to).length > 0,
      );
      const rule: TransitionRule = moves[Math.floor(next() * moves.length)];
      offset += 1 + Math.floor(next() * 5);
      seq += 1;
      planned.push(
        plannedEvent(
          {
            itemId: id,
            seq,
            action: 'transitioned',
            fromState: state,
            toState: rule.to,
            changes: JSON.stringify({ state: { from: state, to: rule.to } }),
            reason: rule.requiresReason ? `Reason ${seq} for ${slug}, with "quotes", commas and <b>markup</b>.` : null,
          },
          offset,
        ),
      );
      state = rule.to;
      stateSince = day(offset);
    }
    items.push({
      id,
      ...fields,
      state,
      state_since: stateSince,
      version: seq,
      created_at: `${proposedOn}T09:00:00.000Z`,
    });
  }

  // Recorded in the order the world saw them; ties keep each item's own order.
  planned.sort(
    (a, b) => a.dayOffset - b.dayOffset || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.seq - b.seq),
  );

  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertItem = db.prepare(
    `INSERT INTO items (id, slug, title, summary, category, proposed_by, proposed_on, source_url, state, state_since, version, created_at, updated_at)
     VALUES (@id, @slug, @title, @summary, @category, @proposedBy, @proposedOn, @sourceUrl, @state, @state_since, @version, @created_at, @created_at)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO history_events (item_id, seq, action, from_state, to_state, changes, reason, effective_on, meeting_id, source, batch_id, actor, recorded_at, prev_hash, hash, party_id, stance)
     VALUES (@itemId, @seq, @action, @fromState, @toState, @changes, @reason, @effectiveOn, @meetingId, @source, @batchId, @actor, @recordedAt, @prevHash, @hash, @partyId, @stance)`,
  );
  const insertParty = db.prepare(
    `INSERT INTO parties (id, slug, name, kind, created_at) VALUES (@id, @slug, @slug, 'state', @createdAt)`,
  );
  db.transaction(() => {
    for (const party of PARTIES) {
      insertParty.run({ ...party, createdAt: `${day(0)}T00:00:00.000Z` });
    }
    for (const item of items) {
      insertItem.run(item);
    }
    let prevHash = GENESIS_HASH;
    planned.forEach(({ dayOffset, ...event }, index) => {
      const recordedAt = new Date(FIRST_DAY + dayOffset * DAY_MS + (index % DAY_MS)).toISOString();
      const fields: HashedEventFields = { ...event, recordedAt, prevHash };
      const hash = eventHash(fields);
      insertEvent.run({ ...fields, hash });
      prevHash = hash;
    });
  })();
  db.pragma('synchronous = FULL');
  db.close();

  const lastOffset = planned.at(-1)?.dayOffset ?? 0;
  return { path, items: size.items, events: planned.length, slugs, firstDay: day(0), lastDay: day(lastOffset) };
}
