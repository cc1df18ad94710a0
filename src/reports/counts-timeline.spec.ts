import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { countsTimeline } from './counts-timeline.js';

describe('countsTimeline', () => {
  it('replays proposals and transitions day by day on the counts before the window', () => {
    const before = { ...emptyStateCounts(), proposed: 2 };
    const timeline = countsTimeline(before, [
      { fromState: 'proposed', toState: 'agreed', effectiveOn: '2010-11-20' },
      { fromState: null, toState: 'proposed', effectiveOn: '2010-11-20' },
      { fromState: 'proposed', toState: 'deferred', effectiveOn: '2010-11-20' },
      { fromState: 'agreed', toState: 'implemented', effectiveOn: '2010-12-01' },
    ]);
    expect(timeline.points).toEqual([
      { day: '2010-11-20', counts: { ...emptyStateCounts(), proposed: 1, agreed: 1, deferred: 1 } },
      { day: '2010-12-01', counts: { ...emptyStateCounts(), proposed: 1, implemented: 1, deferred: 1 } },
    ]);
    expect(timeline.countsAfter).toEqual({ ...emptyStateCounts(), proposed: 1, implemented: 1, deferred: 1 });
    expect(before).toEqual({ ...emptyStateCounts(), proposed: 2 });
  });

  it('has no points and unchanged counts for a quiet window', () => {
    const before = { ...emptyStateCounts(), agreed: 3 };
    expect(countsTimeline(before, [])).toEqual({ points: [], countsAfter: before });
  });
});
