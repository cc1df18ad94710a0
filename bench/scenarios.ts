import { ItemPool, waitForWritesToSettle, type Lease } from './item-pool.js';
import type { PlannedRequest, RequestPlan } from './load.js';

export type Target = 'service' | 'http-ceiling' | 'storage-ceiling';

// What a scenario needs from the server it drives.
export interface ScenarioEnv {
  readonly databasePath: string;
  readonly slugs: readonly string[];
  // A meeting to apply outcomes to (created on first use).
  meetingSlug(): Promise<string>;
}

export interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly target: Target;
  // The key of the ceiling its requests per second are compared with.
  readonly baseline?: string;
  readonly connections: number;
  // Units of work per request (outcomes in a meeting batch), for the work-per-second figure.
  readonly unitsPerRequest?: number;
  // One request for the route the scenario needs: a 404 means the server has no such route yet.
  probe?(env: ScenarioEnv): Promise<PlannedRequest>;
  // Called before every run (warm-up and measured), so writes start from the states the database holds.
  plan(env: ScenarioEnv): Promise<RequestPlan>;
}

const STATES = ['proposed', 'under_discussion', 'agreed', 'rejected', 'deferred'];
const CATEGORIES = ['missile-defense', 'counter-narcotics', 'arms-control', 'transparency', 'security-review'];
const OUTCOMES_PER_BATCH = 100;

export interface ScenarioSizes {
  readonly connections: number;
  readonly items: number;
}

export function scenarios({ connections, items }: ScenarioSizes): Scenario[] {
  const itemRead: Scenario['plan'] = async ({ slugs }) => cycle(slugs, (slug) => get(`/api/items/${slug}`));
  const itemTransition: Scenario['plan'] = async ({ databasePath }) => {
    const pool = await settledPool(databasePath);
    return () =>
      leased(pool, 1, (lease) => ({
        method: 'POST',
        path: `/api/items/${lease.moves[0].slug}/transitions`,
        body: { to: lease.moves[0].to, reason: 'Benchmark transition.' },
      }));
  };
  return [
    {
      key: 'storage-read-one',
      label: 'ceiling (b): read one, bare SQL',
      target: 'storage-ceiling',
      connections,
      plan: itemRead,
    },
    {
      key: 'read-one',
      label: 'read one item',
      target: 'service',
      baseline: 'storage-read-one',
      connections,
      plan: itemRead,
    },
    {
      key: 'storage-transition',
      label: 'ceiling (b): transition, bare SQL',
      target: 'storage-ceiling',
      connections,
      plan: itemTransition,
    },
    {
      key: 'transition',
      label: 'transition',
      target: 'service',
      baseline: 'storage-transition',
      connections,
      plan: itemTransition,
    },
    {
      key: 'http-ceiling',
      label: 'ceiling (a): constant JSON',
      target: 'http-ceiling',
      connections,
      plan: async () => () => get('/item'),
    },
    {
      key: 'list',
      label: 'list with a filter',
      target: 'service',
      baseline: 'http-ceiling',
      connections,
      plan: async () => {
        const filters = STATES.flatMap((state) => CATEGORIES.map((category) => ({ state, category })));
        return cycle(filters, ({ state, category }) => get(`/api/items?state=${state}&category=${category}&limit=50`));
      },
    },
    {
      key: 'history',
      label: 'history of one item',
      target: 'service',
      baseline: 'http-ceiling',
      connections,
      plan: async ({ slugs }) => cycle(slugs, (slug) => get(`/api/items/${slug}/history`)),
    },
    {
      key: 'status-report',
      label: 'status report',
      target: 'service',
      baseline: 'http-ceiling',
      connections: Math.min(10, connections),
      probe: async () => get('/api/reports/status'),
      plan: async () => () => get('/api/reports/status'),
    },
    // The console's two busiest pages, one request at a time: the latency is the server's time.
    {
      key: 'console-dashboard',
      label: 'console dashboard page (1 connection)',
      target: 'service',
      connections: 1,
      probe: async () => get('/'),
      plan: async () => () => get('/'),
    },
    {
      key: 'console-item',
      label: 'console item page (1 connection)',
      target: 'service',
      connections: 1,
      probe: async ({ slugs }) => get(`/items/${slugs[0]}`),
      plan: async ({ slugs }) => cycle(slugs, (slug) => get(`/items/${slug}`)),
    },
    {
      key: 'meeting-batch',
      label: `meeting batch (${OUTCOMES_PER_BATCH} outcomes)`,
      target: 'service',
      baseline: 'http-ceiling',
      // Every connection holds its own items while its batch is in flight: keep half the items free.
      connections: Math.max(1, Math.min(connections, Math.floor(items / OUTCOMES_PER_BATCH / 2))),
      unitsPerRequest: OUTCOMES_PER_BATCH,
      probe: async (env) => ({
        method: 'POST',
        path: `/api/meetings/${await env.meetingSlug()}/outcomes`,
        body: { outcomes: [], dryRun: true },
      }),
      plan: async (env) => {
        const meeting = await env.meetingSlug();
        const pool = await settledPool(env.databasePath);
        return () =>
          leased(pool, OUTCOMES_PER_BATCH, (lease) => ({
            method: 'POST',
            path: `/api/meetings/${meeting}/outcomes`,
            body: {
              outcomes: lease.moves.map(({ slug, to }) => ({
                item: slug,
                to,
                reason: 'Decided at the benchmark meeting.',
              })),
            },
          }));
      },
    },
  ];
}

function get(path: string): PlannedRequest {
  return { method: 'GET', path };
}

function cycle<T>(values: readonly T[], request: (value: T) => PlannedRequest): RequestPlan {
  let next = 0;
  return () => request(values[next++ % values.length]);
}

async function settledPool(databasePath: string): Promise<ItemPool> {
  await waitForWritesToSettle(databasePath);
  return ItemPool.load(databasePath);
}

// Writes the leased items' moves; an empty pool (which the sizes above avoid) is reported as
// a refused request rather than sending a write that would be refused.
function leased(pool: ItemPool, count: number, request: (lease: Lease) => PlannedRequest): PlannedRequest {
  const lease = pool.lease(count);
  if (!lease) {
    return { method: 'GET', path: '/bench/item-pool-exhausted' };
  }
  return { ...request(lease), settle: (status) => lease.settle(status >= 200 && status < 300) };
}
