import type { RecordedEvent } from '../../src/history/amended-history.js';

// Events as the corrected history reads them, for the unit tests of the rules built on it.
export function recorded(event: Partial<RecordedEvent> & Pick<RecordedEvent, 'seq' | 'action'>): RecordedEvent {
  return {
    id: event.seq,
    fromState: null,
    toState: null,
    changes: {},
    reason: null,
    effectiveOn: '2010-09-22',
    meeting: null,
    source: null,
    batch: null,
    actor: 'bootstrap',
    recordedAt: `2010-12-01T00:00:0${event.seq}.000Z`,
    party: null,
    stance: null,
    score: null,
    corrects: null,
    retracts: null,
    ...event,
  };
}

// Proposed on 2010-09-22, under discussion from 2010-10-01, agreed at the summit on 2010-11-20.
export const SUMMIT: RecordedEvent[] = [
  recorded({ seq: 1, action: 'created', toState: 'proposed' }),
  recorded({
    seq: 2,
    action: 'transitioned',
    fromState: 'proposed',
    toState: 'under_discussion',
    effectiveOn: '2010-10-01',
    changes: { state: { from: 'proposed', to: 'under_discussion' } },
  }),
  recorded({
    seq: 3,
    action: 'transitioned',
    fromState: 'under_discussion',
    toState: 'agreed',
    effectiveOn: '2010-11-20',
    changes: { state: { from: 'under_discussion', to: 'agreed' } },
    meeting: 'lisbon-summit-2010',
  }),
];

// The summit's agreement (event 3) withdrawn by event 4: the item back under discussion.
export function summitRetracted(overrides: Partial<RecordedEvent> = {}): RecordedEvent[] {
  return [
    ...SUMMIT,
    recorded({
      seq: 4,
      action: 'retracted',
      retracts: 3,
      fromState: 'agreed',
      toState: 'under_discussion',
      changes: { state: { from: 'agreed', to: 'under_discussion' } },
      ...overrides,
    }),
  ];
}
