import { foldTimeline, ItemTimeline, STATE_KIND, timelineKind, type TimelineEvent } from './item-timeline.js';

function event(spec: Partial<TimelineEvent> & Pick<TimelineEvent, 'seq' | 'action'>): TimelineEvent {
  return {
    fromState: 'proposed',
    toState: 'proposed',
    changes: {},
    reason: null,
    effectiveOn: '2010-09-22',
    party: null,
    stance: null,
    corrects: null,
    retracts: null,
    ...spec,
  };
}

const created = event({ seq: 1, action: 'created', fromState: null });
const discussed = event({
  seq: 2,
  action: 'transitioned',
  toState: 'under_discussion',
  changes: { state: { from: 'proposed', to: 'under_discussion' } },
  effectiveOn: '2010-10-01',
});
const natoUndecided = event({
  seq: 3,
  action: 'positioned',
  fromState: 'under_discussion',
  toState: 'under_discussion',
  party: 'nato',
  stance: 'undecided',
  changes: { stance: { from: null, to: 'undecided' } },
  effectiveOn: '2010-10-05',
});
const agreed = event({
  seq: 4,
  action: 'transitioned',
  fromState: 'under_discussion',
  toState: 'agreed',
  changes: { state: { from: 'under_discussion', to: 'agreed' } },
  effectiveOn: '2010-11-20',
});

describe('ItemTimeline', () => {
  it('folds the state, its date and each party timeline, oldest first', () => {
    const timeline = foldTimeline([agreed, natoUndecided, created, discussed]);
    expect({ seq: timeline.seq, state: timeline.state, since: timeline.stateSince }).toEqual({
      seq: 4,
      state: 'agreed',
      since: '2010-11-20',
    });
    expect(timeline.standing(STATE_KIND).map((step) => step.seq)).toEqual([1, 2, 4]);
    expect(timeline.standing('position:nato')).toEqual([
      { seq: 3, kind: 'position:nato', state: 'under_discussion', value: 'undecided', effectiveOn: '2010-10-05' },
    ]);
  });

  it('says where a correction may move an event and what stands after it, never for the creation', () => {
    const timeline = foldTimeline([created, discussed, natoUndecided, agreed]);
    expect(timeline.correctionBounds(2)).toMatchObject({ earliest: '2010-09-22', latest: '2010-11-20' });
    expect(timeline.correctionBounds(4)).toMatchObject({ earliest: '2010-10-01', latest: null });
    // A party's first position: from the item's proposal, with nothing after it in its own timeline.
    expect(timeline.correctionBounds(3)).toMatchObject({ earliest: '2010-09-22', latest: null });
    expect(timeline.correctionBounds(1)).toBeUndefined();
    expect(timeline.laterThan(2)).toEqual([4]);
    expect(timeline.laterThan(3)).toEqual([]);
  });

  it('refuses an event that breaks a rule and leaves the timeline as it was', () => {
    const timeline = foldTimeline([created, discussed]);
    const backwards = event({ ...agreed, seq: 3, effectiveOn: '2010-09-30' });
    expect(timeline.apply(backwards)).toMatch(/earlier than the item's last change on 2010-10-01/);
    expect({ seq: timeline.seq, state: timeline.state }).toEqual({ seq: 2, state: 'under_discussion' });
    const retraction = event({
      seq: 3,
      action: 'retracted',
      fromState: 'under_discussion',
      toState: 'proposed',
      changes: { state: { from: 'under_discussion', to: 'proposed' } },
      retracts: 2,
    });
    expect(timeline.apply(retraction)).toBeUndefined();
    expect({ state: timeline.state, since: timeline.stateSince }).toEqual({ state: 'proposed', since: '2010-09-22' });
  });

  it('refuses a transition whose changes are not the move it makes', () => {
    const timeline = foldTimeline([created, discussed]);
    const move = { ...agreed, seq: 3 };
    for (const changes of [
      {},
      { state: { from: 'proposed', to: 'agreed' } },
      { state: { from: 'under_discussion', to: 'implemented' } },
      { state: { from: 'under_discussion', to: 'agreed' }, title: { from: 'a', to: 'b' } },
      { stance: { from: 'under_discussion', to: 'agreed' } },
    ]) {
      expect(timeline.apply({ ...move, changes })).toMatch(
        /records "transitioned" with changes .*, but what it moves is \{"state":\{"from":"under_discussion","to":"agreed"\}\}/,
      );
    }
    expect(timeline.seq).toBe(2);
    expect(timeline.apply(move)).toBeUndefined();
  });

  it('refuses an update that changes nothing, or what an update may not change', () => {
    const timeline = foldTimeline([created]);
    const update = (changes: unknown) => event({ seq: 2, action: 'updated', changes });
    for (const changes of [
      {},
      { title: { from: 'Link radars', to: 'Link radars' } },
      { slug: { from: 'radars', to: 'other-item' } },
      { title: { from: 'a', to: 'b' }, proposedOn: { from: '2010-09-22', to: '2010-01-01' } },
      { state: { from: 'proposed', to: 'agreed' } },
    ]) {
      expect(timeline.apply(update(changes))).toMatch(
        /is an update whose changes are .*: an update changes title, summary, category, proposedBy, sourceUrl, each to a new value/,
      );
    }
    expect(timeline.apply(update({ sourceUrl: { from: null, to: 'https://example.org' } }))).toBeUndefined();
    expect(timeline.seq).toBe(2);
  });

  describe('a retraction records what it moves back', () => {
    const supports = event({
      seq: 5,
      action: 'positioned',
      fromState: 'agreed',
      toState: 'agreed',
      party: 'nato',
      stance: 'supports',
      changes: { stance: { from: 'undecided', to: 'supports' } },
      effectiveOn: '2010-11-21',
    });
    const history = [created, discussed, natoUndecided, agreed, supports];
    const retraction = (retracts: number, toState: string, changes: unknown) =>
      event({ seq: 6, action: 'retracted', fromState: 'agreed', toState, retracts, changes });

    it('a transition: the state it returns to', () => {
      const timeline = foldTimeline(history);
      for (const changes of [
        {},
        { state: { from: 'agreed', to: 'proposed' } },
        { state: { to: 'under_discussion', from: 'proposed' } },
        { state: { from: 'agreed', to: 'under_discussion' }, stance: { from: 'supports', to: 'undecided' } },
      ]) {
        expect(timeline.apply(retraction(4, 'under_discussion', changes))).toMatch(
          /records "retracted" with changes .*, but what it moves is \{"state":\{"from":"agreed","to":"under_discussion"\}\}/,
        );
      }
      expect(
        timeline.apply(retraction(4, 'under_discussion', { state: { from: 'agreed', to: 'under_discussion' } })),
      ).toBeUndefined();
      expect(timeline.state).toBe('under_discussion');
    });

    it("a party's position: the stance before it, or none", () => {
      const timeline = foldTimeline(history);
      for (const changes of [
        {},
        { state: { from: 'agreed', to: 'agreed' } },
        { stance: { from: 'supports', to: null } },
        { stance: { from: 'opposes', to: 'undecided' } },
      ]) {
        expect(timeline.apply(retraction(5, 'agreed', changes))).toMatch(
          /but what it moves is \{"stance":\{"from":"supports","to":"undecided"\}\}/,
        );
      }
      expect(
        timeline.apply(retraction(5, 'agreed', { stance: { from: 'supports', to: 'undecided' } })),
      ).toBeUndefined();
      const first = event({ ...retraction(3, 'agreed', { stance: { from: 'undecided', to: null } }), seq: 7 });
      expect(timeline.apply(first)).toBeUndefined();
      expect(timeline.standing('position:nato')).toEqual([]);
    });

    it("a party's assessment: the score before it, as read", () => {
      const assessed = (seq: number, score: number | string, from: number | string | null) =>
        event({
          seq,
          action: 'assessed',
          fromState: 'agreed',
          toState: 'agreed',
          party: 'nato',
          score: String(score),
          changes: { score: { from, to: score } },
          effectiveOn: '2010-11-22',
        });
      const timeline = foldTimeline([...history, assessed(6, 'n/a', null), assessed(7, 1, 'n/a')]);
      const withdraw = (changes: unknown) =>
        event({ seq: 8, action: 'retracted', fromState: 'agreed', toState: 'agreed', retracts: 7, changes });
      expect(timeline.apply(withdraw({ score: { from: '1', to: 'n/a' } }))).toMatch(
        /but what it moves is \{"score":\{"from":1,"to":"n\/a"\}\}/,
      );
      expect(timeline.apply(withdraw({ score: { from: 1, to: 'n/a' } }))).toBeUndefined();
    });
  });

  it('leaves out what it refuses when folding a stored history, and folds the rest', () => {
    const unknown = event({ seq: 2, action: 'deleted' });
    const timeline = foldTimeline([created, unknown]);
    expect(timeline.seq).toBe(1);
    expect(new ItemTimeline().apply(unknown)).toMatch(/is number 2 of its item, expected 1/);
  });

  it("keeps each party's events in a timeline of their own kind", () => {
    expect(timelineKind('created', null)).toBe(STATE_KIND);
    expect(timelineKind('transitioned', null)).toBe(STATE_KIND);
    expect(timelineKind('positioned', 'nato')).toBe('position:nato');
    expect(timelineKind('corrected', null)).toBeUndefined();
  });
});
