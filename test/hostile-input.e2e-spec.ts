import fc from 'fast-check';
import type request from 'supertest';
import { illFormedPath } from '../src/common/well-formed-unicode.js';
import { HistoryRepository } from '../src/history/history.repository.js';
import { makeItem, makeMeeting, makeToken } from './support/factories.js';
import {
  hostileRequestFor,
  unknownRouteRequest,
  type Credentials,
  type HostileRequest,
  type KeyPools,
} from './support/hostile-requests.js';
import { routesOf, type OpenApiDocument, type RouteSpec } from './support/openapi-routes.js';
import { ADMIN_TOKEN, startTestApp } from './support/test-app.js';

// Every route the OpenAPI document lists, plus the ones it does not describe, gets random and
// mutated requests. Whatever arrives: never a 5xx, every 4xx a problem+json without a stack trace,
// and a rejected request changes nothing. HOSTILE_RUNS sets the runs per route, HOSTILE_SEED
// replays a failure (fast-check prints the seed).
const RUNS = Number(process.env.HOSTILE_RUNS ?? 200);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);

// Routes served outside the OpenAPI document.
const UNDOCUMENTED_ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/openapi.json', query: [] },
  { method: 'GET', path: '/openapi.yaml', query: [] },
  { method: 'GET', path: '/docs', query: [] },
];

// The failed-authentication limit would soon answer 429 to everything; it has its own test.
const t = await startTestApp({ AUTH_FAILURE_LIMIT: '1000000' });
const document = (await t.api.get('/openapi.json').expect(200)).body as OpenApiDocument;
const routes = [...routesOf(document), ...UNDOCUMENTED_ROUTES];
const prototypeKeysAtStart = Object.getOwnPropertyNames(Object.prototype);
const tried = new Map<string, number>();
const statuses = new Map<number, number>();

describe('hostile input', () => {
  let pools: KeyPools;
  let credentials: Credentials;

  beforeAll(async () => {
    const items = await Promise.all([makeItem(t), makeItem(t), makeItem(t)]);
    const meetings = await Promise.all([makeMeeting(t), makeMeeting(t, { heldOn: '2010-09-22' })]);
    const victims = await Promise.all([makeToken(t, 'viewer'), makeToken(t, 'admin'), makeToken(t, 'viewer')]);
    const viewer = await makeToken(t, 'viewer');
    pools = {
      items: items.flatMap((item) => [item.slug, item.id]),
      meetings: meetings.flatMap((meeting) => [meeting.slug, meeting.id]),
      tokens: victims.map((token) => token.name),
    };
    credentials = { admin: ADMIN_TOKEN, viewer: viewer.token };
  });

  afterAll(async () => {
    const total = [...tried.values()].reduce((sum, count) => sum + count, 0);
    const byRoute = [...tried].map(([route, count]) => `  ${count}\t${route}`).join('\n');
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(
      `hostile input: ${total} requests over ${tried.size} routes\n${byRoute}\nstatuses ${byStatus.join(', ')}`,
    );
    await t.close();
  });

  it('reads the routes from the OpenAPI document', () => {
    const listed = routes.map((route) => `${route.method} ${route.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /api/items',
        'GET /api/items',
        'PATCH /api/items/{key}',
        'POST /api/items/{key}/transitions',
        'GET /api/meetings',
        'POST /api/tokens',
        'DELETE /api/tokens/{name}',
        'GET /health',
      ]),
    );
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'survives hostile requests to %s',
    async (label, route) => {
      await expectAllHandled(label, hostileRequestFor(document, route, pools, credentials));
    },
  );

  it('survives hostile requests to unknown routes', async () => {
    await expectAllHandled('unknown routes', unknownRouteRequest(credentials));
  });

  // Found by this test; kept so they stay fixed whatever the random draw.
  it.each([
    ['a body nested 50,000 deep', 'POST', '/api/meetings', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['a malformed percent-encoding in the path', 'GET', '/api/items/%', undefined],
    ['a path key over 100 characters', 'GET', `/api/items/${'x'.repeat(101)}`, undefined],
    ['a URL over 16 KiB', 'GET', `/api/items?q=${'x'.repeat(20_000)}`, undefined],
    ['an offset past 2^64', 'GET', '/api/items?offset=99999999999999999999', undefined],
    ['an offset of 1e300', 'GET', '/api/items?offset=1e300', undefined],
    ['a hexadecimal limit', 'GET', '/api/items?limit=0x10', undefined],
  ])('refuses %s with a problem', async (_, method, url, body) => {
    const hostile: HostileRequest = {
      method,
      url,
      headers: { authorization: `Bearer ${credentials.admin}`, 'content-type': 'application/json' },
      body,
    };
    expect(await expectHandled('regressions', hostile)).toBeGreaterThanOrEqual(400);
  });

  // Whatever text got stored (line breaks, astral characters, marks) reads back as it was hashed.
  it('leaves a history that verifies', async () => {
    const verify = await t.api.get('/api/audit/verify').set('Authorization', `Bearer ${credentials.admin}`).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('leaves Object.prototype alone', () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeysAtStart);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// fast-check's own report would print every 20,000-character string in full.
async function expectAllHandled(label: string, requests: fc.Arbitrary<HostileRequest>): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(requests, async (hostile) => {
      await expectHandled(label, hostile);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  if (details.failed) {
    const shortened = JSON.stringify(details.counterexample?.[0], (_, value: unknown) =>
      typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}…(${value.length} characters)` : value,
    );
    throw new Error(`${label} failed (HOSTILE_SEED=${details.seed}) on ${shortened}\n${String(details.errorInstance)}`);
  }
}

// Sends one request and checks the answer; returns its status.
async function expectHandled(label: string, hostile: HostileRequest): Promise<number> {
  tried.set(label, (tried.get(label) ?? 0) + 1);
  const before = await fingerprint();
  const response = await send(hostile);
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  try {
    await expectRefusedCleanly(hostile, response, before);
  } catch (error) {
    const answer = `${response.status} ${String(response.headers['content-type'])} ${response.text.slice(0, 300)}`;
    throw new Error(`answered ${answer}\n${String(error)}`, { cause: error });
  }
  return response.status;
}

async function expectRefusedCleanly(
  hostile: HostileRequest,
  response: request.Response,
  before: Record<string, unknown>,
): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (carriesIllFormedText(hostile)) {
    // API.md v1.1: ill-formed Unicode in a path, a query or a body is always refused.
    expect(response.status).toBeGreaterThanOrEqual(400);
  }
  if (response.status < 400) {
    return;
  }
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (hostile.method !== 'HEAD') {
    expect(response.body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: response.status,
      detail: expect.any(String),
      requestId: response.headers['x-request-id'],
    });
    expect(response.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
  }
  expect(await fingerprint()).toEqual(before);
}

// Percent-encoded bytes that are not UTF-8 (a lone surrogate's CESU-8 form) in the path or query,
// or a lone surrogate in a JSON body of a method whose body is read.
function carriesIllFormedText(hostile: HostileRequest): boolean {
  try {
    decodeURIComponent(hostile.url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return true;
  }
  if (hostile.body === undefined || ['GET', 'HEAD'].includes(hostile.method)) {
    return false;
  }
  try {
    return illFormedPath(JSON.parse(hostile.body)) !== undefined;
  } catch {
    return false;
  }
}

async function send(hostile: HostileRequest): Promise<request.Response> {
  const method = hostile.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  let call = t.api[method](hostile.url);
  for (const [name, value] of Object.entries(hostile.headers)) {
    call = call.set(name, value);
  }
  if (hostile.body === undefined) {
    return call;
  }
  // superagent sends a string as it is under the content type given; without one it would add
  // its own, so a body without a content type goes out as a Buffer.
  return call.send('content-type' in hostile.headers ? hostile.body : Buffer.from(hostile.body));
}

// Cheap to take before and after each request: what a rejected request must not have changed.
async function fingerprint(): Promise<Record<string, unknown>> {
  const [counts] = await t.dataSource.query<Record<string, unknown>[]>(`
    SELECT (SELECT COUNT(*) FROM items) AS items,
           (SELECT COUNT(*) FROM meetings) AS meetings,
           (SELECT COUNT(*) FROM api_tokens) AS tokens,
           (SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL) AS revoked`);
  return { ...counts, head: await t.app.get(HistoryRepository).head(t.dataSource.manager) };
}
