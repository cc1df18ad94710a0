import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { StateCounts } from '../status-report.view.js';
import { CHART_WIDTH, ChartFrame } from './chart-frame.js';
import { ChartLegend } from './chart-legend.js';
import { stateColour, stateLabel } from './state-style.js';

export interface CountsSeries {
  readonly label: string;
  readonly counts: StateCounts;
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 60;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const ROW_GAP = 10;
const LEGEND_HEIGHT = 24;

// Horizontal bars, one row per workflow state; with several series (before and after), one bar
// per series in each row: the earlier ones faint, the last one solid.
export function CountsBarChart({
  series,
  title,
}: {
  readonly series: readonly CountsSeries[];
  readonly title: string;
}) {
  const max = Math.max(1, ...series.flatMap((one) => WORKFLOW_STATES.map((state) => one.counts[state])));
  const rowHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP;
  const legend = series.length > 1 ? LEGEND_HEIGHT : 0;
  const height = legend + WORKFLOW_STATES.length * rowHeight;
  const barSpace = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const opacity = (index: number) => (index === series.length - 1 ? 1 : 0.35);
  return (
    <ChartFrame title={title} height={height}>
      {legend > 0 && (
        <ChartLegend
          entries={series.map((one, index) => ({ label: one.label, colour: '#334155', opacity: opacity(index) }))}
          left={LABEL_WIDTH}
          top={4}
        />
      )}
      {WORKFLOW_STATES.map((state, row) => {
        const top = legend + row * rowHeight;
        return (
          <>
            <text x={LABEL_WIDTH - 8} y={top + (rowHeight - ROW_GAP) / 2 + 5} text-anchor="end" class="label">
              {stateLabel(state)}
            </text>
            {series.map((one, index) => {
              const y = top + index * (BAR_HEIGHT + BAR_GAP);
              const value = one.counts[state];
              const width = (value / max) * barSpace;
              return (
                <>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={width.toFixed(1)}
                    height={BAR_HEIGHT}
                    fill={stateColour(state)}
                    fill-opacity={opacity(index)}
                  >
                    <title>{`${stateLabel(state)}, ${one.label}: ${value}`}</title>
                  </rect>
                  <text x={(LABEL_WIDTH + width + 6).toFixed(1)} y={y + BAR_HEIGHT - 4} class="value">
                    {value}
                  </text>
                </>
              );
            })}
          </>
        );
      })}
    </ChartFrame>
  );
}
