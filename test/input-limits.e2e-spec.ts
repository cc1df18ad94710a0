import { makeItem, makeMeeting, makeToken } from './support/factories.js';
import { poolFor, type KeyPools } from './support/hostile-requests.js';
import {
  bodyWith,
  routesOf,
  stringFields,
  type JsonSchema,
  type OpenApiDocument,
  type RouteSpec,
  type StringField,
} from './support/openapi-routes.js';
import { bearer, startTestApp } from './support/test-app.js';

// The documented limits, read from the OpenAPI document so new routes are held to them too:
// every string is bounded in the schema, a control character anywhere is refused, one character
// over the documented length is refused and a value exactly at it is not.
const t = await startTestApp();
const document = (await t.api.get('/openapi.json').expect(200)).body as OpenApiDocument;
const routes = routesOf(document);

const bodyFields = routes.flatMap((route) =>
  route.body
    ? stringFields(document, route.body).map((field) => [fieldLabel(route, field), route, field] as const)
    : [],
);
const queryFields = routes.flatMap((route) =>
  route.query
    .filter((parameter) => parameter.schema.type === 'string')
    .map((parameter) => [`${route.method} ${route.path} ?${parameter.name}`, route, parameter] as const),
);

function fieldLabel(route: RouteSpec, field: StringField): string {
  return `${route.method} ${route.path} ${field.path.join('.')}`;
}

// A valid-looking value of exactly `length` characters: the example padded, so that a slug stays
// kebab-case and a URL stays a URL.
function valueOfLength(schema: JsonSchema, length: number): string {
  const start = typeof schema.example === 'string' ? schema.example : 'x';
  return start.length >= length ? start.slice(0, length) : start + 'x'.repeat(length - start.length);
}

function sampleValue(schema: JsonSchema): string {
  if (schema.enum) {
    return String(schema.enum[0]);
  }
  return typeof schema.example === 'string' ? schema.example : 'text';
}

function withControlCharacter(value: string): string {
  return `${value.slice(0, 1)}\u0007${value.slice(1)}`;
}

let pools: KeyPools;

beforeAll(async () => {
  const item = await makeItem(t);
  const meeting = await makeMeeting(t);
  const token = await makeToken(t, 'viewer');
  pools = { items: [item.slug], meetings: [meeting.slug], tokens: [token.name] };
});

afterAll(async () => {
  await t.close();
});

function urlOf(route: RouteSpec): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(poolFor(route.path, name, pools)[0] ?? 'x'),
  );
}

async function sendBody(route: RouteSpec, body: unknown) {
  const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
  const response = await t.api[method](urlOf(route))
    .set(...bearer())
    .send(body as object);
  return { status: response.status, fields: fieldsNamed(response.body) };
}

// The route's required parameters get valid values, so only the one under test can be at fault.
async function sendQuery(route: RouteSpec, name: string, value: string) {
  const required = route.query
    .filter((parameter) => parameter.required)
    .map((parameter) => [parameter.name, sampleValue(parameter.schema)]);
  // A query belongs to a GET, or to a POST that takes one (the score matrix's effectiveOn).
  const method = route.method.toLowerCase() as 'get' | 'post';
  const response = await t.api[method](urlOf(route))
    .query({ ...Object.fromEntries(required), [name]: value })
    .set(...bearer());
  return { status: response.status, fields: fieldsNamed(response.body) };
}

function fieldsNamed(body: unknown): string[] {
  const errors = (body as { errors?: { field: string }[] }).errors ?? [];
  return errors.map((error) => error.field);
}

describe('documented input limits', () => {
  it('finds the string fields to check', () => {
    expect(bodyFields.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'POST /api/items slug',
        'POST /api/items title',
        'POST /api/items summary',
        'POST /api/items/{key}/transitions reason',
        'POST /api/items/{key}/transitions source',
        'POST /api/meetings name',
        'POST /api/tokens name',
      ]),
    );
    expect(queryFields.map(([name]) => name)).toEqual(expect.arrayContaining(['GET /api/items ?q']));
  });

  const allFields = [...bodyFields, ...queryFields].map(([label, , field]) => [label, field.schema] as const);

  it.each(allFields)('bounds %s in the OpenAPI schema', (_, schema) => {
    const bounded =
      schema.maxLength !== undefined || schema.enum !== undefined || 'format' in schema || 'pattern' in schema;
    expect(bounded).toBe(true);
  });

  it.each(bodyFields)('refuses a control character in %s', async (_, route, field) => {
    const answer = await sendBody(route, bodyWith(field.path, withControlCharacter(sampleValue(field.schema))));
    expect(answer.status).toBe(400);
    expect(answer.fields).toContain(field.path.join('.'));
  });

  it.each(bodyFields.filter(([, , field]) => field.schema.maxLength !== undefined))(
    'enforces the documented length of %s',
    async (_, route, field) => {
      const limit = field.schema.maxLength ?? 0;
      const name = field.path.join('.');
      const over = await sendBody(route, bodyWith(field.path, valueOfLength(field.schema, limit + 1)));
      expect(over.status).toBe(400);
      expect(over.fields).toContain(name);
      const atLimit = await sendBody(route, bodyWith(field.path, valueOfLength(field.schema, limit)));
      expect(atLimit.fields).not.toContain(name);
    },
  );

  it.each(queryFields.filter(([, , parameter]) => parameter.schema.enum === undefined))(
    'refuses a control character and over-long text in %s',
    async (_, route, parameter) => {
      const control = await sendQuery(route, parameter.name, withControlCharacter(sampleValue(parameter.schema)));
      expect(control.status).toBe(400);
      expect(control.fields).toContain(parameter.name);
      const limit = parameter.schema.maxLength;
      if (limit !== undefined) {
        const over = await sendQuery(route, parameter.name, 'x'.repeat(limit + 1));
        expect(over.fields).toContain(parameter.name);
        const atLimit = await sendQuery(route, parameter.name, 'x'.repeat(limit));
        expect(atLimit.status).toBe(200);
      }
    },
  );
});
