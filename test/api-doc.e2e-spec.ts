import { readFileSync } from 'node:fs';
import { startTestAppPerSuite } from './support/test-app.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

// `GET /api/items/:key` and `/api/items/{key}` alike, as `GET /api/items/{}`.
function route(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:[A-Za-z]+|\{[^}]+\}/g, '{}')}`;
}

// The routes docs/api.md names in code spans: `METHOD /path`, a query string left out.
function routesNamedIn(markdown: string): Set<string> {
  const named = new Set<string>();
  for (const match of markdown.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^\s`?]*)/g)) {
    named.add(route(match[1], match[2]));
  }
  return named;
}

// docs/api.md is the REST contract a clone carries; it and /openapi.json must name the same routes.
describe('docs/api.md', () => {
  const t = startTestAppPerSuite();

  it('names every operation of /openapi.json, and no route the document lacks', async () => {
    const document = (await t.api.get('/openapi.json').expect(200)).body as {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
    };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        METHODS.filter((method) => operations[method] !== undefined).map((method) => route(method, path)),
      ),
    );
    const named = routesNamedIn(readFileSync('docs/api.md', 'utf8'));
    expect(documented.size).toBeGreaterThan(20);
    expect([...documented].filter((operation) => !named.has(operation))).toEqual([]);
    expect([...named].filter((operation) => !documented.has(operation))).toEqual([]);
  });

  it('reads a route with a query string or a :key as the document writes it', () => {
    expect([...routesNamedIn('`GET /api/items/:key/history?limit=&after=` and `DELETE /api/tokens/:name`')]).toEqual([
      'GET /api/items/{}/history',
      'DELETE /api/tokens/{}',
    ]);
  });
});
