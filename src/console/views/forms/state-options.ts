import { stateLabel } from '../../../reports/render/state-style.js';
import { WORKFLOW_STATES } from '../../../workflow/workflow.definition.js';

// A state chosen by its label ("Under discussion"), sent by its code (`under_discussion`).
export const STATE_OPTIONS: ReadonlyArray<readonly [string, string]> = WORKFLOW_STATES.map((state) => [
  state,
  stateLabel(state),
]);
