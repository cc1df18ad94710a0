import { eventProblem, type ChainProblem, type Finding } from './history-chain-check.js';

// What the auditor can ask the database about an event the chain points to.
export interface ChainLookups {
  eventIdWithHash(hash: string): Promise<number | undefined>;
  eventIdOfItemSeq(itemId: string, seq: number): Promise<number | undefined>;
}

// Turns "the link is broken here" into what happened: an event deleted, rewritten, or moved.
export async function explainFinding(finding: Finding, lookups: ChainLookups): Promise<ChainProblem> {
  switch (finding.kind) {
    case 'problem':
      return finding.problem;
    case 'broken_link':
      return explainBrokenLink(finding, lookups);
    case 'seq_gap':
      return explainSeqGap(finding, lookups);
  }
}

async function explainBrokenLink(
  { event, previous }: Extract<Finding, { kind: 'broken_link' }>,
  lookups: ChainLookups,
): Promise<ChainProblem> {
  const linked = await lookups.eventIdWithHash(event.prevHash);
  const before = previous ? `event #${previous.id}` : 'the start of the history';
  if (linked === undefined) {
    // Ids are never reused, so a gap in them means rows were deleted; without a gap, the event
    // before was rewritten with a fresh hash, and this one still links to the original.
    if (!previous && event.id === 1) {
      return eventProblem(
        'changed_content',
        event,
        `Event #1 was rewritten and its hash recomputed: it no longer starts the chain.`,
      );
    }
    if (previous && event.id === previous.id + 1) {
      return eventProblem(
        'changed_content',
        previous,
        `Event #${previous.id} was rewritten and its hash recomputed: event #${event.id} still links to its original hash.`,
      );
    }
    return eventProblem(
      'missing_event',
      event,
      `Event #${event.id} links to an event that is no longer in the history: what was recorded between ${before} and #${event.id} was deleted.`,
    );
  }
  if (linked > event.id) {
    return eventProblem(
      'reordered',
      event,
      `Event #${event.id} links to event #${linked}, which is stored after it: events were reordered.`,
    );
  }
  return eventProblem(
    'broken_link',
    event,
    `Event #${event.id} links to event #${linked}, not to ${before}: the events between do not belong to the chain.`,
  );
}

async function explainSeqGap(
  { event, expectedSeq }: Extract<Finding, { kind: 'seq_gap' }>,
  lookups: ChainLookups,
): Promise<ChainProblem> {
  const later = await lookups.eventIdOfItemSeq(event.itemId, expectedSeq);
  return later === undefined
    ? eventProblem(
        'missing_event',
        event,
        `Event #${event.id} is seq ${event.seq} of its item, but seq ${expectedSeq} is not in the history: an event was deleted and the chain recomputed.`,
      )
    : eventProblem(
        'reordered',
        event,
        `Event #${event.id} is seq ${event.seq} of its item, but seq ${expectedSeq} comes later (event #${later}): events were reordered and the chain recomputed.`,
      );
}
