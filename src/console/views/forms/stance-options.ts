import { STANCES } from '../../../parties/stance.js';
import { stanceLabel } from '../../../reports/render/stance-style.js';

// A stance chosen by its label ("Conditional"), sent by its code (`conditional`).
export const STANCE_OPTIONS: ReadonlyArray<readonly [string, string]> = STANCES.map((stance) => [
  stance,
  stanceLabel(stance),
]);
