import { createOpenApiChecker } from './support/openapi-check.mjs';
import { startTestAppPerSuite } from './support/test-app.js';

interface Operation {
  description?: string;
  responses: Record<string, { headers?: Record<string, unknown>; content: Record<string, unknown> }>;
}

describe('OpenAPI', () => {
  const t = startTestAppPerSuite();

  it('describes every route with its bodies and problem answers', async () => {
    const response = await t.api.get('/openapi.json').expect(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    const expected: Array<[string, string, string[]]> = [
      ['/api/items', 'get', ['200', '400', '401']],
      ['/api/items', 'post', ['201', '400', '401', '403', '409', '413']],
      ['/api/items/{key}', 'get', ['200', '404']],
      ['/api/items/{key}', 'patch', ['200', '404', '412', '428']],
      ['/api/items/{key}/transitions', 'post', ['200', '404', '409', '412']],
      ['/api/items/{key}/history', 'get', ['200', '404']],
      ['/api/workflow', 'get', ['200']],
      ['/api/meetings', 'get', ['200']],
      ['/api/meetings', 'post', ['201', '409']],
      ['/api/meetings/{key}', 'get', ['200', '404']],
      ['/api/meetings/{key}/outcomes', 'post', ['200', '400', '403', '404', '409', '422']],
      ['/api/items/{key}/positions', 'post', ['200', '400', '403', '404', '409', '412']],
      ['/api/parties', 'get', ['200']],
      ['/api/parties', 'post', ['201', '400', '403', '409']],
      ['/api/parties/{key}', 'get', ['200', '404']],
      ['/api/reports/positions', 'get', ['200', '400', '406']],
      ['/api/tokens', 'post', ['201', '403', '409']],
      ['/api/tokens', 'get', ['200', '403']],
      ['/api/tokens/{name}', 'delete', ['204', '404']],
      ['/health', 'get', ['200']],
    ];
    for (const [path, method, statuses] of expected) {
      const operation = document.paths[path]?.[method];
      expect(operation).toBeDefined();
      for (const status of statuses) {
        expect(operation.responses[status]).toBeDefined();
      }
    }
    expect(document.paths['/api/items'].post.requestBody).toBeDefined();
    // Problems are problem+json everywhere, a refused batch with its failures.
    for (const [path, method, status] of [
      ['/api/items/{key}/positions', 'post', '409'],
      ['/api/parties/{key}', 'get', '404'],
      ['/api/meetings/{key}/outcomes', 'post', '409'],
      ['/api/meetings/{key}/outcomes', 'post', '400'],
    ] as const) {
      expect(Object.keys(document.paths[path][method].responses[status].content)).toEqual(['application/problem+json']);
    }
    expect(
      document.paths['/api/meetings/{key}/outcomes'].post.responses['409'].content['application/problem+json'].schema,
    ).toEqual({ $ref: '#/components/schemas/OutcomesProblemView' });
    expect(document.components.schemas.OutcomesResultView.properties.positions).toBeDefined();
    expect(document.components.schemas.ItemDetailView.required).toEqual(
      expect.arrayContaining(['positions', 'consensus']),
    );
    expect(document.components.schemas.ProblemView).toBeDefined();
    expect(document.components.schemas.CreateItemDto.required).toEqual(
      expect.arrayContaining(['slug', 'title', 'summary', 'category', 'proposedBy', 'proposedOn']),
    );
  });

  it('renders the browsable UI at /docs', async () => {
    const response = await t.api.get('/docs').redirects(1).expect(200);
    expect(response.text).toMatch(/swagger-ui/i);
  });

  it('leads from / to the console, whose sign-in page links to the browsable API', async () => {
    const response = await t.api.get('/').expect(303);
    expect(response.headers.location).toBe('/sign-in');
    const signIn = await t.api.get('/sign-in').expect(200);
    expect(signIn.text).toContain('<a href="/docs">');
  });

  it('describes every problem answer as application/problem+json, and every answer with x-request-id', async () => {
    const document = (await t.api.get('/openapi.json').expect(200)).body;
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(
      expect.arrayContaining(['items', 'meetings', 'reports', 'audit', 'tokens', 'workflow', 'operations']),
    );
    expect(document.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
    for (const [path, operations] of Object.entries<Record<string, Operation>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([path, method, typeof operation.description]).toEqual([path, method, 'string']);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect([path, method, status, Object.keys(response.headers ?? {})]).toEqual([
            path,
            method,
            status,
            expect.arrayContaining(['x-request-id']),
          ]);
          if (Number(status) >= 400) {
            // Every refusal is a problem; only /health's degraded 503 is also plain JSON (API.md v1.1).
            expect([path, method, status, Object.keys(response.content)]).toEqual([
              path,
              method,
              status,
              path === '/health' && status === '503'
                ? ['application/json', 'application/problem+json']
                : ['application/problem+json'],
            ]);
          }
        }
      }
    }
  });

  // The checker every supertest answer goes through (test/support/test-app.ts) must catch a lie.
  it('catches an answer the document does not describe', async () => {
    const checker = createOpenApiChecker((await t.api.get('/openapi.json').expect(200)).body);
    const problem = JSON.stringify({ type: 'x', title: 'Not found', status: 404, detail: 'No item.' });
    const answer = {
      method: 'GET',
      url: '/api/items/some-item?x=1',
      status: 404,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': 'r-1' },
      body: problem,
    };
    expect(checker.check(answer)).toEqual([]);
    expect(checker.check({ ...answer, status: 418 })).toEqual([
      expect.stringContaining('status 418 is not documented'),
    ]);
    expect(checker.check({ ...answer, headers: { ...answer.headers, 'content-type': 'application/json' } })).toEqual([
      expect.stringContaining('content type application/json is not documented'),
    ]);
    expect(checker.check({ ...answer, body: JSON.stringify({ title: 'Not found' }) })).toEqual([
      expect.stringContaining("must have required property 'type'"),
    ]);
    expect(checker.check({ ...answer, headers: { ...answer.headers, 'x-secret': '1' } })).toEqual([
      expect.stringContaining('header x-secret is sent but not documented'),
    ]);
    expect(checker.check({ ...answer, headers: { 'content-type': 'application/problem+json' } })).toEqual([
      expect.stringContaining('required header x-request-id is missing'),
    ]);
    // A path the document does not have is no operation's answer.
    expect(checker.check({ ...answer, url: '/api/%2e%2e/api/items/x' })).toEqual([]);
  });
});
