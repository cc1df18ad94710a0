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
