import type { Measurement } from './load.js';
import type { Scenario } from './scenarios.js';

export type ScenarioResult =
  | {
      readonly key: string;
      readonly label: string;
      readonly connections: number;
      readonly available: true;
      readonly measurement: Measurement;
      readonly baseline?: string;
      // Requests per second as a share of the baseline's, measured in the same run.
      readonly ratio?: number;
      readonly unitsPerSecond?: number;
      // The service's resident memory right after this scenario's slices, the largest seen.
      readonly serviceRssMb?: number;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly connections: number;
      readonly available: false;
      readonly reason: string;
    };

export interface RunSummary {
  readonly startupMs: number;
  readonly peakRssBytes: number | undefined;
}

export interface TargetCheck {
  readonly target: string;
  readonly reached: string;
  readonly met: boolean | undefined;
}

export function scenarioResult(
  scenario: Scenario,
  measurement: Measurement,
  measured: ScenarioResult[],
  serviceRssBytes: number | undefined,
): ScenarioResult {
  const baseline = measured.find((result) => result.key === scenario.baseline);
  const baseRate = baseline?.available ? baseline.measurement.requestsPerSecond : undefined;
  return {
    key: scenario.key,
    label: scenario.label,
    connections: scenario.connections,
    available: true,
    measurement,
    baseline: scenario.baseline,
    ratio: baseRate ? measurement.requestsPerSecond / baseRate : undefined,
    unitsPerSecond: scenario.unitsPerRequest ? measurement.requestsPerSecond * scenario.unitsPerRequest : undefined,
    serviceRssMb: serviceRssBytes === undefined ? undefined : Math.round(serviceRssBytes / 2 ** 20),
  };
}

export function checkTargets(results: readonly ScenarioResult[], summary: RunSummary): TargetCheck[] {
  const find = (key: string) => {
    const result = results.find((candidate) => candidate.key === key);
    return result?.available ? result : undefined;
  };
  const ratio = (key: string, least: number, target: string): TargetCheck => {
    const value = find(key)?.ratio;
    return value === undefined
      ? { target, reached: 'not measured', met: undefined }
      : { target, reached: percent(value), met: value >= least };
  };
  const p99 = (key: string, below: number, target: string): TargetCheck => {
    const value = find(key)?.measurement.p99Ms;
    return value === undefined
      ? { target, reached: 'not measured', met: undefined }
      : { target, reached: `${value} ms`, met: value < below };
  };
  const p50 = (key: string, below: number, target: string): TargetCheck => {
    const value = find(key)?.measurement.p50Ms;
    return value === undefined
      ? { target, reached: 'not measured', met: undefined }
      : { target, reached: `${value} ms`, met: value < below };
  };
  const rssMb = summary.peakRssBytes === undefined ? undefined : summary.peakRssBytes / 2 ** 20;
  return [
    ratio('read-one', 0.5, 'read one ≥ 50% of ceiling (b)'),
    ratio('transition', 0.4, 'transition ≥ 40% of ceiling (b)'),
    p99('transition', 25, 'transition p99 < 25 ms'),
    p99('status-report', 300, 'status report p99 < 300 ms (10 connections)'),
    p50('console-dashboard', 50, 'console dashboard median < 50 ms'),
    p50('console-item', 50, 'console item page median < 50 ms'),
    {
      target: 'startup to first answer < 2 s',
      reached: `${Math.round(summary.startupMs)} ms`,
      met: summary.startupMs < 2000,
    },
    rssMb === undefined
      ? { target: 'peak memory < 200 MB', reached: 'unknown (no /proc)', met: undefined }
      : { target: 'peak memory < 200 MB', reached: `${rssMb.toFixed(0)} MB`, met: rssMb < 200 },
  ];
}

export function formatReport(results: readonly ScenarioResult[], summary: RunSummary, targets: readonly TargetCheck[]) {
  const header = ['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs ceiling', 'service RSS'];
  const rows = results.map((result) => {
    if (!result.available) {
      return [result.label, String(result.connections), result.reason, '', '', '', '', '', ''];
    }
    const m = result.measurement;
    const rate = result.unitsPerSecond
      ? `${m.requestsPerSecond.toFixed(1)} (${Math.round(result.unitsPerSecond)} outcomes/s)`
      : m.requestsPerSecond.toFixed(0);
    const versus = result.baseline
      ? `${result.ratio === undefined ? '?' : percent(result.ratio)} of ${result.baseline}`
      : '';
    const rss = result.serviceRssMb === undefined ? '' : `${result.serviceRssMb} MB`;
    return [
      result.label,
      String(result.connections),
      rate,
      fixed(m.p50Ms),
      fixed(m.p99Ms),
      String(m.non2xx),
      String(m.errors),
      versus,
      rss,
    ];
  });
  const lines = [table([header, ...rows])];
  lines.push('');
  lines.push(`startup to first answer: ${Math.round(summary.startupMs)} ms`);
  lines.push(
    `service peak RSS: ${summary.peakRssBytes === undefined ? 'unknown' : `${(summary.peakRssBytes / 2 ** 20).toFixed(0)} MB`}`,
  );
  lines.push('');
  lines.push(table([['target', 'reached', ''], ...targets.map((t) => [t.target, t.reached, verdict(t.met)])]));
  return lines.join('\n');
}

function verdict(met: boolean | undefined): string {
  return met === undefined ? '' : met ? 'met' : 'MISSED';
}

function percent(ratio: number): string {
  const value = ratio * 100;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)}%`;
}

function fixed(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}

// A Markdown table, readable as plain text and pasteable into the README.
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}
