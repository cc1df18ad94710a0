import autocannon, { type RawResult, type RequestParams } from 'autocannon';

export interface PlannedRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  // Told the status of the answer, e.g. to give leased items back.
  readonly settle?: (status: number) => void;
}

// Called once per request, right before it is sent.
export type RequestPlan = () => PlannedRequest;

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly plan: RequestPlan;
}

// One slice of a scenario's load; a scenario's slices are merged into one measurement.
export interface LoadSlice {
  readonly raw: RawResult;
  // The first few refused answers, so that a run with non-2xx says why.
  readonly refusals: readonly string[];
}

export interface Measurement {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly refusals: readonly string[];
}

interface PlanContext {
  settle?: (status: number) => void;
}

export async function runLoad(options: LoadOptions): Promise<LoadSlice> {
  const refusals: string[] = [];
  const raw = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    // A write queue under 50 connections can keep a request waiting for seconds; that is a result, not an error.
    timeout: 60,
    headers: { ...options.headers },
    skipAggregateResult: true,
    requests: [
      {
        setupRequest: (request, context) => {
          const planned = options.plan();
          (context as PlanContext).settle = planned.settle;
          const built: RequestParams = { ...request, method: planned.method, path: planned.path };
          if (planned.body !== undefined) {
            built.body = JSON.stringify(planned.body);
            built.headers = { ...request.headers, 'content-type': 'application/json' };
          }
          return built;
        },
        onResponse: (status, body, context) => {
          (context as PlanContext).settle?.(status);
          if ((status < 200 || status > 299) && refusals.length < 3) {
            refusals.push(`${status} ${body.slice(0, 400)}`);
          }
        },
      },
    ],
  });
  return { raw, refusals };
}

// Requests per second over all slices, and latency percentiles from their merged histograms.
export function mergeSlices(slices: readonly LoadSlice[], url: string, connections: number): Measurement {
  const statusCodes: Record<string, number> = {};
  for (const { raw } of slices) {
    for (const [status, { count }] of Object.entries(raw.statusCodeStats)) {
      statusCodes[status] = (statusCodes[status] ?? 0) + Number(count);
    }
  }
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const seconds = slices.reduce((sum, { raw }) => sum + raw.duration, 0);
  // aggregateResult adds into the first result's objects: hand it copies.
  const merged = autocannon.aggregateResult(
    slices.map(({ raw }) => structuredClone(raw)),
    { url, connections },
  );
  return {
    requests,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    p50Ms: merged.latency.p50,
    p99Ms: merged.latency.p99,
    maxMs: merged.latency.max,
    non2xx: merged.non2xx,
    errors: merged.errors,
    statusCodes,
    refusals: slices.flatMap(({ refusals }) => refusals).slice(0, 3),
  };
}
