import type { ChangesReport } from '../../src/reports/changes-report.view.js';
import type { PositionsReport } from '../../src/reports/positions-report.view.js';
import { partyNames } from '../../src/reports/render/party-names.js';
import type { StatusReport } from '../../src/reports/status-report.view.js';
import { emptyStateCounts } from '../../src/workflow/workflow.machine.js';

// Reports as the service builds them, with the text that renderers must not break on.
export const AWKWARD_TITLE = 'Radars, "early warning" | <script>alert(1)</script>';
export const AWKWARD_REASON = 'Agreed in principle,\nbut "details" later | see annex';

const scope = {
  knownAt: null,
  category: null,
  proposedBy: null,
  head: { hash: 'a'.repeat(64), events: 5 },
};

export function sampleStatusReport(): StatusReport {
  return {
    asOf: '2010-11-21',
    ...scope,
    counts: { ...emptyStateCounts(), proposed: 1, agreed: 1 },
    items: [
      {
        slug: 'radar-linking',
        title: AWKWARD_TITLE,
        category: 'missile-defense',
        proposedBy: 'United States',
        state: 'agreed',
        since: '2010-11-20',
        lastReason: AWKWARD_REASON,
      },
      {
        slug: 'cfe-treaty-update',
        title: 'Update the CFE treaty',
        category: 'arms-control',
        proposedBy: 'United States',
        state: 'proposed',
        since: '2010-09-22',
        lastReason: null,
      },
    ],
  };
}

// The parties as recorded: `germany` has none, as a party the view names but the reader did not find.
export const SAMPLE_PARTY_NAMES = partyNames([
  { slug: 'russia', name: 'Russian Federation' },
  { slug: 'united-states', name: 'United States' },
]);

export function samplePositionsReport(): PositionsReport {
  return {
    asOf: '2010-11-21',
    ...scope,
    divergent: false,
    parties: ['germany', 'russia', 'united-states'],
    items: [
      {
        slug: 'radar-linking',
        title: AWKWARD_TITLE,
        state: 'agreed',
        positions: {
          germany: null,
          russia: { stance: 'conditional', since: '2010-11-20' },
          'united-states': { stance: 'supports', since: '2010-09-22' },
        },
      },
    ],
  };
}

export function sampleChangesReport(): ChangesReport {
  return {
    from: '2010-11-20',
    to: '2010-11-30',
    ...scope,
    countsBefore: { ...emptyStateCounts(), proposed: 2 },
    countsAfter: { ...emptyStateCounts(), proposed: 1, agreed: 1 },
    transitions: [
      {
        item: 'radar-linking',
        title: AWKWARD_TITLE,
        fromState: 'proposed',
        toState: 'agreed',
        effectiveOn: '2010-11-20',
        reason: AWKWARD_REASON,
        meeting: 'lisbon-summit-2010',
        source: 'NRC joint statement, Lisbon, para. 4',
        actor: 'bootstrap',
        recordedAt: '2010-11-27T09:00:00.000Z',
      },
    ],
    positions: [
      {
        item: 'radar-linking',
        title: AWKWARD_TITLE,
        party: 'russia',
        fromStance: null,
        toStance: 'conditional',
        effectiveOn: '2010-11-20',
        statement: 'Ready to link radars <if> the data are shared',
        meeting: 'lisbon-summit-2010',
        source: null,
        actor: 'bootstrap',
        recordedAt: '2010-11-27T09:00:00.000Z',
      },
    ],
    timeline: [{ day: '2010-11-20', counts: { ...emptyStateCounts(), proposed: 1, agreed: 1 } }],
  };
}
