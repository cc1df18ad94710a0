import type { VNode } from 'preact';
import { STANCES, type Stance } from '../../parties/stance.js';
import { precompiled } from './precompiled.js';

interface StanceStyle {
  readonly label: string;
  // A mark that reads in black and white, beside the label.
  readonly mark: string;
  // A light background for screens and colour prints; the label carries the meaning alone.
  readonly background: string;
}

const STANCE_STYLES: Readonly<Record<Stance, StanceStyle>> = {
  supports: { label: 'Supports', mark: '✓', background: '#dcfce7' },
  conditional: { label: 'Conditional', mark: '≈', background: '#fef9c3' },
  undecided: { label: 'Undecided', mark: '?', background: '#f1f5f9' },
  opposes: { label: 'Opposes', mark: '✗', background: '#fee2e2' },
};

export function stanceLabel(stance: Stance): string {
  return STANCE_STYLES[stance].label;
}

// Each stance's background, for the report page's stylesheet: a class per cell instead of a style
// attribute (the positions matrix has tens of thousands of cells).
export const STANCE_CSS = STANCES.map(
  (stance) => `.stance.${stance} { background: ${STANCE_STYLES[stance].background}; }`,
).join(' ');

// A stance named in text, with its mark and colour as extras; built once per stance, as stateName.
const STANCE_NAMES = Object.fromEntries(
  STANCES.map((stance) => {
    const { mark, label } = STANCE_STYLES[stance];
    return [
      stance,
      precompiled(
        <span class={`stance ${stance}`}>
          <span aria-hidden="true">{mark}</span> {label}
        </span>,
      ),
    ];
  }),
) as Readonly<Record<Stance, VNode>>;

export function stanceName(stance: Stance): VNode {
  return STANCE_NAMES[stance];
}
