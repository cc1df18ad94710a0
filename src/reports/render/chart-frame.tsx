import type { ComponentChildren } from 'preact';

// Every chart is as wide as the printed page's text; its viewBox lets it shrink with a narrow screen.
export const CHART_WIDTH = 720;

// The frame of every chart: its size, and its title for screen readers and as a tooltip.
export function ChartFrame({
  title,
  height,
  children,
}: {
  readonly title: string;
  readonly height: number;
  readonly children: ComponentChildren;
}) {
  return (
    <svg
      class="chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width={CHART_WIDTH}
      height={height}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {children}
    </svg>
  );
}
