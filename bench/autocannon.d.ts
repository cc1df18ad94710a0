// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  export interface Histogram {
    readonly average: number;
    readonly min: number;
    readonly max: number;
    readonly p50: number;
    readonly p90: number;
    readonly p97_5: number;
    readonly p99: number;
  }

  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  export interface RequestSpec extends RequestParams {
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
    // Answer the run's raw histograms, to be merged with other runs by aggregateResult.
    skipAggregateResult?: boolean;
  }

  export interface RawResult {
    readonly duration: number;
    readonly errors: number;
    readonly non2xx: number;
    readonly statusCodeStats: Record<string, { count: number }>;
  }

  export interface Result {
    readonly latency: Histogram;
    readonly errors: number;
    readonly non2xx: number;
  }

  function autocannon(options: Options & { skipAggregateResult: true }): Promise<RawResult>;
  namespace autocannon {
    function aggregateResult(results: readonly RawResult[], options: { url: string; connections: number }): Result;
  }
  export default autocannon;
}
