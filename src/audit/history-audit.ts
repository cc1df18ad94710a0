import type { EntityManager } from 'typeorm';
import type { EditionRepository } from '../editions/edition.repository.js';
import type { AuditRepository } from './audit.repository.js';
import type { AuditProblemView, AuditReport } from './audit-report.view.js';
import type { Checkpoint } from './checkpoint.js';
import { explainFinding, type ChainLookups } from './finding-explanation.js';
import { HistoryChainCheck, type ChainProblem, type Finding } from './history-chain-check.js';

// What the audit reads, all in one snapshot: its read model.
export interface AuditSource {
  readonly manager: EntityManager;
  readonly rows: AuditRepository;
  readonly editions?: EditionRepository;
}

// Reads the whole history in id order, batch by batch, checking every hash, link and item sequence,
// then every item row against its history. Call it inside one read transaction (a snapshot).
export async function auditHistory(source: AuditSource, checkpoints: readonly Checkpoint[]): Promise<AuditReport> {
  const { manager, rows } = source;
  const check = new HistoryChainCheck(checkpoints);
  const finding =
    (await firstFinding(rows.eventBatches(manager), (event) => check.event(event))) ??
    check.end() ??
    (await firstFinding(rows.itemBatches(manager), (item) => check.item(item))) ??
    check.itemsWithoutRow();
  if (!finding) {
    const edition = await editionProblem(source);
    return edition
      ? { ok: false, events: check.events, firstProblem: edition }
      : { ok: true, events: check.events, head: check.head, checkpoints: [...checkpoints] };
  }
  return { ok: false, events: check.events, firstProblem: await describe(source, finding) };
}

// Each edition was published from a head of the chain: its events-th event must have that hash.
async function editionProblem({ manager, rows, editions }: AuditSource): Promise<AuditProblemView | undefined> {
  for (const edition of (await editions?.all(manager)) ?? []) {
    if ((await rows.hashOfEventNumber(manager, edition.headEvents)) !== edition.headHash) {
      return {
        kind: 'edition_mismatch',
        message:
          `The edition ${edition.slug} was published from the head ${edition.headHash}:${edition.headEvents}, ` +
          'which is not a point of the chain: the history it was built from was rewritten, or the edition was altered.',
      };
    }
  }
  return undefined;
}

async function firstFinding<Row>(
  batches: AsyncIterable<Row[]>,
  visit: (row: Row) => Finding | undefined,
): Promise<Finding | undefined> {
  for await (const batch of batches) {
    for (const row of batch) {
      const finding = visit(row);
      if (finding) {
        return finding;
      }
    }
  }
  return undefined;
}

async function describe({ manager, rows }: AuditSource, finding: Finding): Promise<AuditProblemView> {
  const lookups: ChainLookups = {
    eventIdWithHash: (hash) => rows.eventIdWithHash(manager, hash),
    eventIdOfItemSeq: (itemId, seq) => rows.eventIdOfItemSeq(manager, itemId, seq),
  };
  const { itemId, ...problem }: ChainProblem = await explainFinding(finding, lookups);
  if (itemId === undefined) {
    return problem;
  }
  return { ...problem, item: (await rows.itemSlug(manager, itemId)) ?? itemId };
}
