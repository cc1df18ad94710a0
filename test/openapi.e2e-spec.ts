import { startTestApp, type TestApp } from './support/test-app.js';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

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
});
