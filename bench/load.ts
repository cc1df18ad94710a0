import autocannon, { type RequestParams } from 'autocannon';

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

export interface Measurement {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  // The first few refused answers, so that a run with non-2xx says why.
  readonly refusals: readonly string[];
}

interface PlanContext {
  settle?: (status: number) => void;
}

export async function runLoad(options: LoadOptions): Promise<Measurement> {
  const refusals: string[] = [];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    // A write queue under 50 connections can keep a request waiting for seconds; that is a result, not an error.
    timeout: 60,
    headers: { ...options.headers },
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
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]),
  );
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    refusals,
  };
}
