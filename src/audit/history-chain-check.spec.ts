import { GENESIS_HASH, eventHash, type HashedEventFields } from '../history/event-hash.js';
import { explainFinding, type ChainLookups } from './finding-explanation.js';
import { HistoryChainCheck, type Finding, type StoredEvent, type StoredItem } from './history-chain-check.js';

type EventSpec = Partial<HashedEventFields> & Pick<HashedEventFields, 'itemId' | 'seq' | 'action'>;

// A valid chain: ids from 1, each event hashed and linked to the one before.
function chain(specs: readonly EventSpec[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const spec of specs) {
    events.push(sealed(spec, events.length + 1, events.at(-1)?.hash ?? GENESIS_HASH));
  }
  return events;
}

function sealed(spec: EventSpec, id: number, prevHash: string): StoredEvent {
  const fields: HashedEventFields = {
    fromState: null,
    toState: null,
    changes: '{}',
    reason: null,
    effectiveOn: '2010-09-22',
    meetingId: null,
    source: null,
    batchId: null,
    actor: 'bootstrap',
    recordedAt: '2010-09-22T10:00:00.000Z',
    partyId: null,
    stance: null,
    corrects: null,
    retracts: null,
    ...spec,
    prevHash,
  };
  return { ...fields, id, hash: eventHash(fields) };
}

const created = (itemId: string): EventSpec => ({ itemId, seq: 1, action: 'created', toState: 'proposed' });
const moved = (itemId: string, seq: number, fromState: string, toState: string, effectiveOn = '2010-11-20') => ({
  itemId,
  seq,
  action: 'transitioned',
  fromState,
  toState,
  changes: JSON.stringify({ state: { from: fromState, to: toState } }),
  effectiveOn,
});

const HISTORY = chain([
  created('a'),
  created('b'),
  moved('a', 2, 'proposed', 'under_discussion'),
  {
    itemId: 'a',
    seq: 3,
    action: 'updated',
    fromState: 'under_discussion',
    toState: 'under_discussion',
    changes: JSON.stringify({ title: { from: 'Link radars', to: 'Link early-warning radars' } }),
    effectiveOn: '2025-01-01',
  },
  moved('b', 2, 'proposed', 'agreed'),
  moved('a', 4, 'under_discussion', 'agreed'),
]);

function firstFinding(events: readonly StoredEvent[], check = new HistoryChainCheck()): Finding | undefined {
  for (const event of events) {
    const finding = check.event(event);
    if (finding) {
      return finding;
    }
  }
  return check.end();
}

function problemOf(finding: Finding | undefined) {
  expect(finding?.kind).toBe('problem');
  return finding?.kind === 'problem' ? finding.problem : undefined;
}

describe('HistoryChainCheck', () => {
  it('accepts a well-formed history and reports its head', () => {
    const check = new HistoryChainCheck();
    expect(firstFinding(HISTORY, check)).toBeUndefined();
    expect(check.events).toBe(6);
    expect(check.head).toBe(HISTORY[5].hash);
    expect(check.item({ id: 'a', state: 'agreed', stateSince: '2010-11-20', version: 4 })).toBeUndefined();
    expect(check.item({ id: 'b', state: 'agreed', stateSince: '2010-11-20', version: 2 })).toBeUndefined();
    expect(check.itemsWithoutRow()).toBeUndefined();
  });

  it('names an event whose content no longer matches its hash', () => {
    const edited = HISTORY.map((event) => (event.id === 3 ? { ...event, reason: 'Rewritten later.' } : event));
    expect(problemOf(firstFinding(edited))).toMatchObject({ kind: 'changed_content', eventId: 3, itemId: 'a', seq: 2 });
  });

  it('reports a link to something other than the previous event for the auditor to explain', () => {
    const finding = firstFinding(HISTORY.filter((event) => event.id !== 3));
    expect(finding).toMatchObject({ kind: 'broken_link', event: { id: 4 }, previous: { id: 2 } });
  });

  it('reports a gap in an item sequence of a chain rehashed after a deletion', () => {
    const rehashed = chain([created('a'), moved('a', 3, 'proposed', 'agreed')]);
    expect(firstFinding(rehashed)).toMatchObject({ kind: 'seq_gap', event: { id: 2 }, expectedSeq: 2 });
  });

  it('refuses events that contradict the item history before them', () => {
    const cases: [EventSpec[], RegExp][] = [
      [[moved('a', 1, 'proposed', 'agreed')], /first event but records "transitioned"/],
      [[created('a'), moved('a', 2, 'agreed', 'implemented')], /says the item was agreed/],
      [[created('a'), { ...created('a'), seq: 2 }], /records a second creation/],
      [[{ ...created('a'), partyId: 'nato' }], /names a party/],
      [[created('a'), moved('a', 2, 'proposed', 'agreed', '2010-09-21')], /earlier than the item's last change/],
      [[created('a'), { itemId: 'a', seq: 2, action: 'deleted', fromState: 'proposed' }], /unknown action "deleted"/],
      [
        [created('a'), { itemId: 'a', seq: 2, action: 'updated', fromState: 'proposed', toState: 'agreed' }],
        /records "updated" but moves/,
      ],
      // The workflow and the field rules, as every write keeps them.
      [
        [
          created('a'),
          { ...moved('a', 2, 'proposed', 'rejected'), reason: 'No.' },
          moved('a', 3, 'rejected', 'implemented'),
        ],
        /An item in state rejected cannot move to implemented/,
      ],
      [[created('a'), moved('a', 2, 'proposed', 'agreed', 'not-a-date')], /"not-a-date", which is not a calendar date/],
      [[created('a'), { ...moved('a', 2, 'proposed', 'agreed'), changes: 'not json {' }], /changes that are not JSON/],
      [[created('a'), { ...moved('a', 2, 'proposed', 'agreed'), changes: '[1]' }], /not a JSON object/],
      [
        [created('a'), { itemId: 'a', seq: 2, action: 'retracted', fromState: 'proposed', retracts: 1 }],
        /retracts event 1/,
      ],
      [[{ ...created('a'), toState: 'agreed' }], /not "created" to proposed/],
    ];
    for (const [specs, message] of cases) {
      const found = problemOf(firstFinding(chain(specs)));
      expect(found).toMatchObject({ kind: 'inconsistent_event', eventId: specs.length });
      expect(found?.message).toMatch(message);
    }
  });

  it('follows positions: state left alone, a party and a known stance, never back in time for their party', () => {
    // `from`: the party's standing stance before, which its changes record.
    const positioned = (
      seq: number,
      partyId: string | null,
      stance: string | null,
      effectiveOn: string,
      from: string | null = null,
    ) => ({
      itemId: 'a',
      seq,
      action: 'positioned',
      fromState: 'proposed',
      toState: 'proposed',
      changes: JSON.stringify({ stance: { from, to: stance } }),
      effectiveOn,
      partyId,
      stance,
    });
    const check = new HistoryChainCheck();
    const valid = chain([
      created('a'),
      positioned(2, 'russia', 'supports', '2010-10-10'),
      positioned(3, 'nato', 'opposes', '2010-10-01'),
      positioned(4, 'russia', 'opposes', '2010-10-10', 'supports'),
    ]);
    expect(firstFinding(valid, check)).toBeUndefined();
    expect(check.item({ id: 'a', state: 'proposed', stateSince: '2010-09-22', version: 4 })).toBeUndefined();
    const cases: [EventSpec[], RegExp][] = [
      [[created('a'), positioned(2, null, 'supports', '2010-10-10')], /without a party/],
      [[created('a'), positioned(2, 'russia', 'lukewarm', '2010-10-10')], /known stance/],
      [[created('a'), positioned(2, 'russia', 'supports', '2010-10-10', 'opposes')], /changed from null to supports/],
      [
        [created('a'), { ...positioned(2, 'russia', 'supports', '2010-10-10'), toState: 'agreed' }],
        /records "positioned" but moves/,
      ],
      [
        [
          created('a'),
          positioned(2, 'russia', 'supports', '2010-10-10'),
          positioned(3, 'russia', 'opposes', '2010-10-09', 'supports'),
        ],
        /before the party's previous position/,
      ],
      [[created('a'), { ...moved('a', 2, 'proposed', 'agreed'), partyId: 'russia' }], /names a party or a stance/],
    ];
    for (const [specs, message] of cases) {
      const found = problemOf(firstFinding(chain(specs)));
      expect(found).toMatchObject({ kind: 'inconsistent_event', eventId: specs.length });
      expect(found?.message).toMatch(message);
    }
  });

  it('compares item rows with their history, and history with item rows', () => {
    const check = new HistoryChainCheck();
    firstFinding(HISTORY, check);
    expect(problemOf(check.item({ id: 'a', state: 'rejected', stateSince: '2010-11-20', version: 4 }))).toMatchObject({
      kind: 'item_mismatch',
      itemId: 'a',
      message:
        'The item row says rejected since 2010-11-20, version 4; its history says agreed since 2010-11-20, version 4.',
    });
    expect(problemOf(check.item({ id: 'c', state: 'proposed', stateSince: '2010-09-22', version: 1 }))?.message).toBe(
      'The item has no history events.',
    );
    expect(problemOf(check.itemsWithoutRow())).toMatchObject({ kind: 'item_mismatch', itemId: 'b' });
  });

  it('matches published checkpoints and names the range a rewritten history diverges in', () => {
    const checkpoints = [
      { hash: HISTORY[1].hash, events: 2 },
      { hash: HISTORY[4].hash, events: 5 },
    ];
    expect(firstFinding(HISTORY, new HistoryChainCheck(checkpoints))).toBeUndefined();

    const forged = chain([
      created('a'),
      created('b'),
      { ...moved('a', 2, 'proposed', 'under_discussion'), reason: 'Forged.' },
      ...HISTORY.slice(3),
    ]);
    const found = problemOf(firstFinding(forged, new HistoryChainCheck(checkpoints)));
    expect(found).toMatchObject({ kind: 'checkpoint_mismatch', eventId: 5 });
    expect(found?.message).toMatch(/Either that checkpoint was copied wrong, or an event from #3 to #5 was changed/);
  });

  it('notices a history shorter than a checkpoint', () => {
    const found = problemOf(
      firstFinding(HISTORY.slice(0, 4), new HistoryChainCheck([{ hash: HISTORY[5].hash, events: 6 }])),
    );
    expect(found).toMatchObject({ kind: 'missing_event' });
    expect(found?.message).toMatch(/counts 6 events, but the history holds only 4/);
  });
});

describe('explainFinding', () => {
  const lookups = (byHash: Record<string, number>, bySeq: Record<string, number> = {}): ChainLookups => ({
    eventIdWithHash: async (hash) => byHash[hash],
    eventIdOfItemSeq: async (itemId, seq) => bySeq[`${itemId}/${seq}`],
  });
  const [first, second, third] = HISTORY;

  it('calls a link to a vanished event across a gap in the ids a deletion', async () => {
    const finding: Finding = { kind: 'broken_link', event: third, previous: first };
    expect(await explainFinding(finding, lookups({}))).toMatchObject({ kind: 'missing_event', eventId: 3 });
  });

  it('calls a link to a vanished hash without a gap a rewrite of the previous event', async () => {
    const finding: Finding = { kind: 'broken_link', event: third, previous: second };
    expect(await explainFinding(finding, lookups({}))).toMatchObject({
      kind: 'changed_content',
      eventId: 2,
      itemId: 'b',
    });
  });

  it('calls a link to a later event a reordering, and to an earlier one a broken link', async () => {
    const finding: Finding = { kind: 'broken_link', event: third, previous: second };
    expect(await explainFinding(finding, lookups({ [third.prevHash]: 5 }))).toMatchObject({ kind: 'reordered' });
    expect(await explainFinding(finding, lookups({ [third.prevHash]: 1 }))).toMatchObject({ kind: 'broken_link' });
  });

  it('tells a missing item event from one stored later', async () => {
    const finding: Finding = { kind: 'seq_gap', event: third, expectedSeq: 2 };
    expect(await explainFinding(finding, lookups({}))).toMatchObject({ kind: 'missing_event', eventId: 3 });
    expect(await explainFinding(finding, lookups({}, { 'a/2': 9 }))).toMatchObject({
      kind: 'reordered',
      message: expect.stringContaining('comes later (event #9)'),
    });
  });
});

describe('HistoryChainCheck with corrections and retractions', () => {
  const corrected = (seq: number, corrects: number, changes: object, state = 'agreed'): EventSpec => ({
    itemId: 'a',
    seq,
    action: 'corrected',
    fromState: state,
    toState: state,
    changes: JSON.stringify(changes),
    corrects,
  });
  // What it moves back: the item's state, or (`changes` given) a party's stance.
  const retracted = (
    seq: number,
    retracts: number,
    fromState: string,
    toState: string,
    changes: object = fromState === toState ? {} : { state: { from: fromState, to: toState } },
  ): EventSpec => ({
    itemId: 'a',
    seq,
    action: 'retracted',
    fromState,
    toState,
    changes: JSON.stringify(changes),
    retracts,
  });
  const base = [
    created('a'),
    moved('a', 2, 'proposed', 'under_discussion', '2010-10-01'),
    moved('a', 3, 'under_discussion', 'agreed', '2010-11-20'),
  ];

  function verified(specs: EventSpec[], row: StoredItem) {
    const check = new HistoryChainCheck();
    return firstFinding(chain(specs), check) ?? check.item(row);
  }

  it('follows corrected dates and retractions to the state and stateSince the item row must have', () => {
    const specs = [
      ...base,
      corrected(4, 3, { effectiveOn: { from: '2010-11-20', to: '2010-11-21' } }),
      retracted(5, 3, 'agreed', 'under_discussion'),
      corrected(6, 2, { effectiveOn: { from: '2010-10-01', to: '2010-10-15' } }, 'under_discussion'),
    ];
    expect(
      verified(specs, { id: 'a', state: 'under_discussion', stateSince: '2010-10-15', version: 6 }),
    ).toBeUndefined();
    expect(
      problemOf(verified(specs, { id: 'a', state: 'agreed', stateSince: '2010-11-21', version: 6 })),
    ).toMatchObject({ kind: 'item_mismatch' });
  });

  it('finds a correction of an event that is not a standing transition', () => {
    expect(problemOf(verified([...base, corrected(4, 1, { reason: { from: null, to: 'x' } })], ITEM))).toMatchObject({
      kind: 'inconsistent_event',
      seq: 4,
      message: expect.stringMatching(/not a standing transition/),
    });
    const afterRetraction = [
      ...base,
      retracted(4, 3, 'agreed', 'under_discussion'),
      corrected(5, 3, {}, 'under_discussion'),
    ];
    expect(problemOf(verified(afterRetraction, ITEM))).toMatchObject({ kind: 'inconsistent_event', seq: 5 });
  });

  it('finds a corrected date that breaks the order of the timeline', () => {
    const outOfOrder = corrected(4, 2, { effectiveOn: { from: '2010-10-01', to: '2010-12-01' } });
    expect(problemOf(verified([...base, outOfOrder], ITEM))).toMatchObject({
      kind: 'inconsistent_event',
      message: expect.stringMatching(/lose its order/),
    });
  });

  it('finds a retraction of anything but the latest standing transition, or to the wrong state', () => {
    expect(problemOf(verified([...base, retracted(4, 2, 'agreed', 'proposed')], ITEM))).toMatchObject({
      kind: 'inconsistent_event',
      message: expect.stringMatching(/not its item's latest standing transition/),
    });
    expect(problemOf(verified([...base, retracted(4, 3, 'agreed', 'proposed')], ITEM))).toMatchObject({
      kind: 'inconsistent_event',
      message: expect.stringMatching(/before event 3 it was under_discussion/),
    });
  });

  describe('of positions', () => {
    const positioned = (
      seq: number,
      partyId: string,
      stance: string,
      effectiveOn: string,
      from: string | null = null,
    ): EventSpec => ({
      itemId: 'a',
      seq,
      action: 'positioned',
      fromState: 'agreed',
      toState: 'agreed',
      changes: JSON.stringify({ stance: { from, to: stance } }),
      partyId,
      stance,
      effectiveOn,
    });
    const withPositions = [
      ...base,
      positioned(4, 'nato', 'undecided', '2010-11-01'),
      positioned(5, 'nato', 'supports', '2010-11-25', 'undecided'),
      positioned(6, 'russia', 'opposes', '2010-11-30'),
    ];
    const row = (version: number): StoredItem => ({ ...ITEM, version });

    it("follows each party's positions as a timeline of its own", () => {
      const specs = [
        ...withPositions,
        // NATO's first position may move up to its second, whatever Russia's dates.
        corrected(7, 4, { effectiveOn: { from: '2010-11-01', to: '2010-11-24' } }),
        retracted(8, 5, 'agreed', 'agreed', { stance: { from: 'supports', to: 'undecided' } }),
        // With its later position withdrawn, NATO's next one is checked against the corrected first.
        positioned(9, 'nato', 'opposes', '2010-11-24', 'undecided'),
        retracted(10, 6, 'agreed', 'agreed', { stance: { from: 'opposes', to: null } }),
      ];
      expect(verified(specs, row(10))).toBeUndefined();
      expect(
        problemOf(verified([...specs, positioned(11, 'nato', 'supports', '2010-11-23', 'opposes')], row(11))),
      ).toMatchObject({
        kind: 'inconsistent_event',
        message: expect.stringMatching(/before the party's previous position/),
      });
    });

    it("finds a corrected date beyond the party's next position, or before the proposal", () => {
      const late = corrected(7, 4, { effectiveOn: { from: '2010-11-01', to: '2010-11-26' } });
      expect(problemOf(verified([...withPositions, late], row(7)))).toMatchObject({
        message: expect.stringMatching(/lose its order/),
      });
      const early = corrected(7, 4, { effectiveOn: { from: '2010-11-01', to: '2010-09-01' } });
      expect(problemOf(verified([...withPositions, early], row(7)))).toMatchObject({
        message: expect.stringMatching(/lose its order/),
      });
    });

    it("finds a retraction of a party's earlier position, or one that moves the item's state", () => {
      expect(problemOf(verified([...withPositions, retracted(7, 4, 'agreed', 'agreed')], row(7)))).toMatchObject({
        message: expect.stringMatching(/nor a party's latest standing position/),
      });
      expect(problemOf(verified([...withPositions, retracted(7, 6, 'agreed', 'proposed')], row(7)))).toMatchObject({
        message: expect.stringMatching(/returns the item to proposed/),
      });
    });
  });

  it('finds a reference on an event that is neither a correction nor a retraction', () => {
    expect(
      problemOf(verified([...base, { ...moved('a', 4, 'agreed', 'implemented'), corrects: 2 }], ITEM)),
    ).toMatchObject({
      kind: 'inconsistent_event',
      seq: 4,
    });
  });
});

const ITEM: StoredItem = { id: 'a', state: 'agreed', stateSince: '2010-11-20', version: 9 };
