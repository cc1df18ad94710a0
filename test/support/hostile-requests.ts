import fc from 'fast-check';
import { pathParameters, resolve, type JsonSchema, type OpenApiDocument, type RouteSpec } from './openapi-routes.js';

// Random and mutated requests for one route: valid bodies with one part broken, wrong types,
// over-long and control-character strings, prototype keys, duplicate keys, malformed JSON, odd
// content types, query strings, path keys and headers.
export interface HostileRequest {
  readonly method: string;
  // Path and query string, already encoded (sometimes deliberately badly).
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

// Keys that exist in the database, so some requests get past the lookups into the rules.
export interface KeyPools {
  readonly items: readonly string[];
  readonly meetings: readonly string[];
  // Tokens the fuzzer may revoke: never the one it authenticates with.
  readonly tokens: readonly string[];
}

export interface Credentials {
  readonly admin: string;
  readonly viewer: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathStep = string | number;

// Over every documented length: slug and category 64, proposedBy 100, names and title 200,
// source 500, reason 2,000, summary 5,000.
const OVER_LIMITS = [65, 101, 201, 501, 2001, 5001, 20_000];
const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u009f'];
// Not well-formed Unicode: always refused (API.md v1.1), wherever it is sent.
export const ILL_FORMED_TEXT = [
  '\ud800',
  '\udfff',
  'Truncated emoji: \ud83d',
  '\udc00 reversed',
  '\ud800\ud800',
  'a\udfffb',
];
// Line breaks that must stay inside a CSV or Markdown cell.
const LINE_BREAKS = ["Postponed.\n=cmd|' /C calc'!A0", 'a\rb', '\r\n', 'x\n\n@SUM(1)', '\n-1'];
const ODD_TEXT = [
  ...ILL_FORMED_TEXT,
  ...LINE_BREAKS,
  '\u202e',
  '\u200b',
  '\ufeff',
  '𝕏',
  'é',
  'İ',
  'ﬀ',
  '<script>',
  "'; DROP TABLE items; --",
];
const ODD_DATES = [
  '2010-02-30',
  '2010-13-01',
  '0000-00-00',
  '9999-12-31',
  '2010-9-1',
  ' 2010-09-22',
  '2010-09-22T00:00:00Z',
];
const NUMBERS_AS_TEXT = [
  '1',
  '0',
  '-1',
  '1e3',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '99999999999999999999',
  'true',
  'null',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...OVER_LIMITS).chain((length) => fc.constantFrom('x', 'é', '-').map((c) => c.repeat(length))),
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...ODD_TEXT, ...ODD_DATES, ...NUMBERS_AS_TEXT, '', ' ', '__proto__', 'constructor'),
);

function nested(depth: number): Json {
  let value: Json = [];
  for (let level = 0; level < depth; level += 1) {
    value = level % 2 === 0 ? [value] : { a: value };
  }
  return value;
}

// Own keys named __proto__ and constructor, as a JSON body would carry them.
function prototypeKeys(value: Json): Json {
  return { ['__proto__']: { polluted: value }, constructor: { prototype: { polluted: value } } };
}

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [[]], ['a', 1]),
  },
  { weight: 1, arbitrary: fc.constantFrom(10, 200, 1000).map(nested) },
  { weight: 1, arbitrary: hostileString.map(prototypeKeys) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

const MALFORMED_JSON = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}x',
  'nul',
  'undefined',
  'NaN',
  '\u0000',
  '\ufeff{}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '1e999999',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '[]',
  '""',
  'true',
  '-0',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"a":${'['.repeat(50_000)}`,
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json;;',
  'APPLICATION/JSON',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/problem+json',
  'application/merge-patch+json',
  '*/*',
  'application',
  ';',
];

// What Node's HTTP client lets through in a header value: tab, printable ASCII and Latin-1.
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

function authorization(credentials: Credentials): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${credentials.admin}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${credentials.viewer}`) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'Bearer',
        'Bearer ',
        `bearer ${credentials.admin}`,
        `Bearer  ${credentials.admin}\t`,
        `Bearer ${credentials.admin} extra`,
        `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        `Bearer ${credentials.admin.slice(0, -1)}`,
        `Bearer ${'A'.repeat(8000)}`,
        'Bearer null',
        'Bearer undefined',
        'Token abc',
      ),
    },
    { weight: 1, arbitrary: headerText.map((text) => `Bearer ${text}`) },
  );
}

const ifMatch = fc.oneof(
  fc.constantFrom(undefined, '"1"', '"2"', '"3"', 'W/"1"', '*', '"1", "2"', '', ' ', '"abc"', '"-1"', '"1.5"', '"0"'),
  fc.constantFrom('"99999999999"', '1', "'1'", '""', '"', 'W/', ',,,', '"1"'.repeat(500)),
  headerText,
);

function headers(credentials: Credentials, contentType: string | undefined): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        authorization: authorization(credentials),
        'if-match': ifMatch,
        accept: fc.constantFrom(
          'application/json',
          '*/*',
          'text/csv',
          'text/html',
          'application/xml',
          '',
          'text/*;q=0',
          'application/json;q=abc',
        ),
        'x-request-id': fc.oneof(fc.constantFrom('abc-123', 'x'.repeat(65), '../etc'), headerText),
        'idempotency-key': fc.oneof(fc.uuid(), headerText),
        'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', 'x'),
      },
      { requiredKeys: [] },
    )
    .map((chosen) => {
      // With no required keys, a left-out header is undefined, which Object.entries' type forgets.
      const defined = Object.entries(chosen as Partial<Record<string, string>>).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      );
      return {
        ...Object.fromEntries(defined),
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      };
    });
}

// A value the route would take, so the mutations reach the rules behind the validation.
function nearlyValid(document: OpenApiDocument, schema: JsonSchema, pools: KeyPools, field = ''): fc.Arbitrary<Json> {
  const resolved = resolve(document, schema);
  if (resolved.enum) {
    return fc.constantFrom(...(resolved.enum as Json[]));
  }
  const known = knownField(field, pools);
  if (known) {
    return known;
  }
  switch (resolved.type ?? 'string') {
    case 'object': {
      const properties = resolved.properties ?? {};
      const record = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, nearlyValid(document, property, pools, name)]),
      );
      return fc.record(record, { requiredKeys: [...(resolved.required ?? [])] });
    }
    case 'array':
      return fc.array(nearlyValid(document, resolved.items ?? {}, pools, field), { minLength: 1, maxLength: 3 });
    case 'integer':
    case 'number':
      return fc.integer({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 100 });
    case 'boolean':
      return fc.boolean();
    default: {
      const example = typeof resolved.example === 'string' ? resolved.example : 'Text';
      return resolved.maxLength === undefined
        ? fc.constant(example)
        : fc.constantFrom(example, 'x'.repeat(resolved.maxLength));
    }
  }
}

// Fields whose valid values a schema cannot describe: unique names, existing keys, past dates.
function knownField(field: string, pools: KeyPools): fc.Arbitrary<Json> | undefined {
  if (field === 'slug' || field === 'name') {
    return fc.uuid().map((uuid) => `fuzz-${uuid.slice(0, 13)}`);
  }
  if (field === 'item') {
    return fc.constantFrom(...pools.items);
  }
  if (field === 'meeting') {
    return fc.constantFrom(...pools.meetings);
  }
  if (/On$|^asOf$|^from$|^to$/.test(field)) {
    return fc.constantFrom('2010-09-22', '2010-11-20', '2011-06-09');
  }
  if (field === 'sourceUrl') {
    return fc.constant('https://example.org/statement');
  }
  return undefined;
}

function pathsOf(value: Json, prefix: PathStep[] = []): PathStep[][] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const entries: [PathStep, Json][] = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : Object.entries(value);
  return entries.flatMap(([step, child]) => [[...prefix, step], ...pathsOf(child, [...prefix, step])]);
}

// A copy of `value` with the thing at `path` replaced, or removed when `replacement` is undefined.
function changedAt(value: Json, path: PathStep[], replacement: Json | undefined): Json {
  const copy = structuredClone(value);
  let parent = copy as Record<PathStep, Json>;
  for (const step of path.slice(0, -1)) {
    parent = parent[step] as Record<PathStep, Json>;
  }
  const last = path.at(-1) as PathStep;
  if (replacement === undefined) {
    if (Array.isArray(parent)) {
      parent.splice(Number(last), 1);
    } else {
      delete parent[last];
    }
  } else {
    parent[last] = replacement;
  }
  return copy;
}

function mutations(valid: Json): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  const pickPath = fc.nat().map((index) => paths[index % paths.length] ?? []);
  const keys = valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? Object.keys(valid) : [];
  const serialised = JSON.stringify(valid);
  const choices: fc.Arbitrary<string>[] = [
    hostileValue.map((value) => JSON.stringify(value)),
    fc.constantFrom(...MALFORMED_JSON),
    fc
      .tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'id', 'version', 'state'),
        hostileValue,
      )
      .map(
        ([key, value]) =>
          `${serialised.slice(0, -1)}${keys.length > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`,
      ),
  ];
  if (paths.length > 0) {
    choices.push(
      fc.tuple(pickPath, hostileValue).map(([path, value]) => JSON.stringify(changedAt(valid, path, value))),
      fc.tuple(pickPath, hostileValue).map(([path, value]) => JSON.stringify(changedAt(valid, path, value))),
      pickPath.map((path) => JSON.stringify(changedAt(valid, path, undefined))),
    );
  }
  if (keys.length > 0) {
    // The same key twice, the hostile value first (the valid one should win) or last.
    choices.push(
      fc
        .tuple(fc.constantFrom(...keys), hostileValue, fc.boolean())
        .map(([key, value, first]) =>
          first
            ? `{${JSON.stringify(key)}:${JSON.stringify(value)},${serialised.slice(1)}`
            : `${serialised.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`,
        ),
    );
  }
  return fc.oneof(...choices);
}

function body(document: OpenApiDocument, route: RouteSpec, pools: KeyPools): fc.Arbitrary<string | undefined> {
  if (!route.body) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: hostileValue.map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
    );
  }
  const valid = nearlyValid(document, route.body, pools);
  return fc.oneof(
    { weight: 1, arbitrary: valid.map((value) => JSON.stringify(value)) },
    { weight: 6, arbitrary: valid.chain(mutations) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

// encodeURIComponent, except that a lone surrogate becomes its three-byte (CESU-8/WTF-8) form,
// as a client that encodes UTF-16 code units sends it, instead of throwing.
export function encodeLoosely(text: string): string {
  return [...text]
    .map((character) => {
      const unit = character.charCodeAt(0);
      if (character.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xed, 0xa0 | ((unit >> 6) & 0x1f), 0x80 | (unit & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(character);
    })
    .join('');
}

const ODD_PATH_KEYS = ['%', '%zz', '%00', '%2F', '%2e%2e', '..', '.', '~', ';', '%E2%80%AE', '%C0%AF', '%ff', 'a%20b'];

function pathKey(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool).map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_PATH_KEYS) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(hostileString, fc.uuid(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'))
        .filter((text) => text.length > 0 && text.length < 4000)
        .map(encodeLoosely),
    },
  );
}

export function poolFor(path: string, parameter: string, pools: KeyPools): readonly string[] {
  const before = path.split(`{${parameter}}`)[0] ?? '';
  if (before.endsWith('/items/')) return pools.items;
  if (before.endsWith('/meetings/')) return pools.meetings;
  if (before.endsWith('/tokens/')) return pools.tokens;
  return [...pools.items, ...pools.meetings];
}

// What a number in a query string can look like: the JavaScript Number() reading of most of
// these is not what the caller meant, or not something the database can use.
const numericText = fc.oneof(
  fc.constantFrom('99999999999999999999', '1e300', '9007199254740993', '0x10', '1e1', ' 1', '1,2', '١', '-0', ''),
  fc.double().map(String),
  fc.bigInt().map(String),
);

const ODD_QUERY_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a[b]', 'limit[]', '', 'x'];

function queryString(document: OpenApiDocument, route: RouteSpec, pools: KeyPools): fc.Arbitrary<string> {
  const declared = route.query.map((parameter) => parameter.name);
  // Mostly the declared parameters alone, so the values get past the check for unknown names.
  const anyName = fc.constantFrom(...declared, ...ODD_QUERY_NAMES);
  const names =
    declared.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...declared) }, { weight: 1, arbitrary: anyName })
      : anyName;
  const value = (name: string): fc.Arbitrary<string> => {
    const declared = route.query.find((parameter) => parameter.name === name);
    const valid = declared ? nearlyValid(document, declared.schema, pools, name).map(String) : fc.constant('1');
    const hostile = hostileString;
    const numeric = declared?.schema.type === 'number' || declared?.schema.type === 'integer';
    return numeric ? fc.oneof(valid, hostile, numericText) : fc.oneof(valid, valid, hostile);
  };
  const pair = names.chain((name) => value(name).map((text) => `${encodeURIComponent(name)}=${encodeLoosely(text)}`));
  const junk = fc.constantFrom('%', '%zz', '%00', '&&', '=', '==', 'limit=1&limit=2', 'offset=%ff', 'q=%E2%80');
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: junk }), { maxLength: 5 })
    .map((parts) => (parts.length > 0 ? `?${parts.join('&')}` : ''));
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function hostileRequestFor(
  document: OpenApiDocument,
  route: RouteSpec,
  pools: KeyPools,
  credentials: Credentials,
): fc.Arbitrary<HostileRequest> {
  const keys = Object.fromEntries(
    pathParameters(route.path).map((name) => [name, pathKey(poolFor(route.path, name, pools))]),
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  );
  return fc
    .record({
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      keys: fc.record(keys),
      query: queryString(document, route, pools),
      body: body(document, route, pools),
      headers: contentType.chain((type) => headers(credentials, type)),
    })
    .map(({ method, keys: values, query, body: text, headers: sent }) => ({
      method,
      url: route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '') + query,
      headers: sent,
      body: text,
    }));
}

const ODD_ROUTES = [
  '/',
  '/api',
  '/api/',
  '//api/items',
  '/api/items/',
  '/api/items/x/y/z',
  '/api/items/x/history/extra',
  '/API/ITEMS',
  '/api/items%2Fx',
  '/api/%2e%2e/health',
  '/docs/../openapi.json',
  '/api/items/%00/transitions',
  '/api/meetings/x/y',
  '/api/tokens/a/b',
  '/.env',
  '/api/audit/../../etc/passwd',
  `/api/${'x'.repeat(2000)}`,
];

export function unknownRouteRequest(credentials: Credentials): fc.Arbitrary<HostileRequest> {
  const path = fc.oneof(
    fc.constantFrom(...ODD_ROUTES),
    fc
      .array(fc.oneof(fc.stringMatching(/^[a-z0-9._-]{1,12}$/), fc.constantFrom(...ODD_PATH_KEYS)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((segments) => `/api/${segments.join('/')}`),
  );
  return fc.record({
    method: fc.constantFrom(...METHODS),
    url: path,
    headers: headers(credentials, 'application/json'),
    body: fc.option(
      hostileValue.map((value) => JSON.stringify(value)),
      { nil: undefined },
    ),
  });
}
