export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly opacity?: number;
}

// A row of swatches with labels, spaced by the labels' rough width at the charts' 11px font.
export function ChartLegend({
  entries,
  left,
  top,
}: {
  readonly entries: readonly LegendEntry[];
  readonly left: number;
  readonly top: number;
}) {
  let x = left;
  return (
    <>
      {entries.map((entry) => {
        const at = x;
        x += 34 + entry.label.length * 6.5;
        return (
          <>
            <rect x={at} y={top} width="12" height="12" fill={entry.colour} fill-opacity={entry.opacity ?? 1} />
            <text x={at + 16} y={top + 10} class="axis">
              {entry.label}
            </text>
          </>
        );
      })}
    </>
  );
}
