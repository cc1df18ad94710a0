import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { TimelinePoint } from '../counts-timeline.js';
import { CHART_WIDTH, ChartFrame } from './chart-frame.js';
import { ChartLegend } from './chart-legend.js';
import { stateColour, stateLabel } from './state-style.js';

export interface TimelineWindow {
  readonly from: string;
  readonly to: string;
  // The counts at the start of `from`, then at the end of each day with a change.
  readonly countsBefore: TimelinePoint['counts'];
  readonly points: readonly TimelinePoint[];
}

const HEIGHT = 300;
const LEFT = 48;
const RIGHT = 16;
const TOP = 40;
const BOTTOM = 28;
const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayName(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

// One step line per state that has items at some time in the window: the counts stay level
// between days with changes and move on the day of a change.
export function CountsTimelineChart({ window, title }: { readonly window: TimelineWindow; readonly title: string }) {
  const start = dayNumber(window.from);
  const end = dayNumber(window.to) + 1;
  const series = [{ day: window.from, counts: window.countsBefore }, ...window.points];
  const states = WORKFLOW_STATES.filter((state) => series.some((point) => point.counts[state] > 0));
  const highest = Math.max(1, ...series.flatMap((point) => states.map((state) => point.counts[state])));
  const step = tickStep(highest);
  const top = Math.ceil(highest / step) * step;
  const x = (day: number) => LEFT + ((day - start) / (end - start)) * (CHART_WIDTH - LEFT - RIGHT);
  const y = (count: number) => HEIGHT - BOTTOM - (count / top) * (HEIGHT - TOP - BOTTOM);
  const path = (state: (typeof states)[number], index: number) => {
    // Lines at the same count are drawn a little apart, so that none hides another.
    const nudge = (index - (states.length - 1) / 2) * 2;
    const at = (count: number) => (y(count) + nudge).toFixed(1);
    let d = `M${x(start).toFixed(1)},${at(window.countsBefore[state])}`;
    for (const point of window.points) {
      d += ` H${x(dayNumber(point.day)).toFixed(1)} V${at(point.counts[state])}`;
    }
    return `${d} H${x(end).toFixed(1)}`;
  };
  const xTicks = [...new Set([0, 1, 2, 3, 4].map((quarter) => Math.round(start + ((end - 1 - start) * quarter) / 4)))];
  return (
    <ChartFrame title={title} height={HEIGHT}>
      <ChartLegend
        entries={states.map((state) => ({ label: stateLabel(state), colour: stateColour(state) }))}
        left={LEFT}
        top={8}
      />
      {Array.from({ length: top / step + 1 }, (_, index) => {
        const level = y(index * step).toFixed(1);
        return (
          <>
            <line x1={LEFT} x2={CHART_WIDTH - RIGHT} y1={level} y2={level} class="grid" />
            <text x={LEFT - 6} y={(y(index * step) + 4).toFixed(1)} text-anchor="end" class="axis">
              {index * step}
            </text>
          </>
        );
      })}
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={HEIGHT - BOTTOM} class="axis-line" />
      {xTicks.map((day, index) => (
        <text
          x={x(day).toFixed(1)}
          y={HEIGHT - 8}
          text-anchor={index === 0 ? 'start' : index === xTicks.length - 1 ? 'end' : 'middle'}
          class="axis"
        >
          {dayName(day)}
        </text>
      ))}
      {states.map((state, index) => (
        <path d={path(state, index)} fill="none" stroke={stateColour(state)} stroke-width="2">
          <title>{stateLabel(state)}</title>
        </path>
      ))}
    </ChartFrame>
  );
}

// A whole step of 1, 2 or 5 times a power of ten that gives at most five intervals.
function tickStep(highest: number): number {
  const rough = Math.max(1, highest / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return Math.max(1, Math.round(step));
}
