import { checkItemTransition } from './transition-check.js';

describe('checkItemTransition', () => {
  const proposed = { state: 'proposed', stateSince: '2010-09-22' } as const;

  it('accepts an allowed move on or after the last change', () => {
    expect(checkItemTransition(proposed, { to: 'agreed', effectiveOn: '2010-09-22' })).toBeUndefined();
    expect(checkItemTransition(proposed, { to: 'agreed', effectiveOn: '2010-11-20' })).toBeUndefined();
  });

  it('refuses a move the workflow does not allow and lists the allowed ones', () => {
    const problem = checkItemTransition(proposed, { to: 'implemented', effectiveOn: '2010-11-20' });
    expect(problem?.kind).toBe('not_allowed');
    expect(problem && 'allowedTransitions' in problem && problem.allowedTransitions.map((t) => t.to)).toEqual([
      'under_discussion',
      'agreed',
      'rejected',
      'deferred',
      'withdrawn',
    ]);
  });

  it('asks for a reason where the workflow does', () => {
    expect(checkItemTransition(proposed, { to: 'rejected', effectiveOn: '2010-11-20' })?.kind).toBe('reason_required');
    expect(checkItemTransition(proposed, { to: 'rejected', reason: 'No.', effectiveOn: '2010-11-20' })).toBeUndefined();
  });

  it('never lets the timeline move backwards', () => {
    expect(checkItemTransition(proposed, { to: 'agreed', effectiveOn: '2010-09-21' })?.kind).toBe(
      'effective_date_before_state_since',
    );
  });
});
