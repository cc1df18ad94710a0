import { INITIAL_STATE, WORKFLOW_STATES, type WorkflowState } from './workflow.definition.js';
import {
  allowedTransitions,
  checkTransition,
  describeWorkflow,
  emptyStateCounts,
  isTerminal,
  isWorkflowState,
} from './workflow.machine.js';

// The table of ../shared/API.md, written out again on purpose: the test must not read the code it checks.
const EXPECTED: Record<string, Partial<Record<string, boolean>>> = {
  proposed: { under_discussion: false, agreed: false, rejected: true, deferred: true, withdrawn: true },
  under_discussion: { agreed: false, rejected: true, deferred: true, withdrawn: true },
  deferred: { under_discussion: false, rejected: true, withdrawn: true },
  agreed: { implemented: false, under_discussion: true },
  rejected: { proposed: true },
  implemented: {},
  withdrawn: {},
};

const pairs = WORKFLOW_STATES.flatMap((from) => WORKFLOW_STATES.map((to) => [from, to] as const));

describe('workflow machine', () => {
  it('has seven states and starts in proposed', () => {
    expect(WORKFLOW_STATES).toHaveLength(7);
    expect(INITIAL_STATE).toBe('proposed');
  });

  it.each(pairs)('%s -> %s follows the table', (from, to) => {
    const requiresReason = EXPECTED[from][to];
    if (requiresReason === undefined) {
      expect(checkTransition(from, to, 'a reason')).toEqual({ ok: false, problem: 'not_allowed' });
      expect(checkTransition(from, to)).toEqual({ ok: false, problem: 'not_allowed' });
      return;
    }
    expect(checkTransition(from, to, 'a reason')).toEqual({ ok: true, rule: { to, requiresReason } });
    if (requiresReason) {
      expect(checkTransition(from, to)).toEqual({ ok: false, problem: 'reason_required' });
      expect(checkTransition(from, to, '   ')).toEqual({ ok: false, problem: 'reason_required' });
    } else {
      expect(checkTransition(from, to).ok).toBe(true);
    }
  });

  it('lists allowed transitions per state and marks only implemented and withdrawn terminal', () => {
    for (const state of WORKFLOW_STATES) {
      expect(
        allowedTransitions(state)
          .map((rule) => rule.to)
          .sort(),
      ).toEqual(Object.keys(EXPECTED[state]).sort());
    }
    expect(WORKFLOW_STATES.filter(isTerminal)).toEqual(['implemented', 'withdrawn']);
  });

  it('recognises state names and nothing else', () => {
    expect(isWorkflowState('agreed')).toBe(true);
    expect(isWorkflowState('Agreed')).toBe(false);
    expect(isWorkflowState(undefined)).toBe(false);
  });

  it('describes itself as the data GET /api/workflow serves', () => {
    const described = describeWorkflow();
    expect(described.initial).toBe('proposed');
    expect(described.states.map((state) => state.name)).toEqual([...WORKFLOW_STATES]);
    const count = Object.values(EXPECTED).reduce((sum, moves) => sum + Object.keys(moves).length, 0);
    expect(described.transitions).toHaveLength(count);
    expect(described.transitions).toContainEqual({ from: 'agreed', to: 'under_discussion', requiresReason: true });
  });

  it('counts every state from zero', () => {
    const counts: Record<WorkflowState, number> = emptyStateCounts();
    expect(Object.keys(counts)).toEqual([...WORKFLOW_STATES]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});
