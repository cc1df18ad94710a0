// Checks an HTTP answer against the OpenAPI document the service serves: the operation and status
// are documented, the media type is one the document lists for that status, the body satisfies its
// schema (ajv), the headers the document requires are there and every header the service adds is
// documented. The e2e tests run it on every supertest answer (test/support/test-app.ts) and CI on
// every answer to the contract suite (scripts/openapi-proxy.mjs), so the document stays true.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Buffer } from 'node:buffer';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = addFormatsModule.default ?? addFormatsModule;

// Headers that say how the bytes travel (HTTP itself) or that helmet adds to every answer as a
// browser policy; they are described in the README's security section, not per operation.
const TRANSPORT_HEADERS = new Set([
  'connection',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'transfer-encoding',
]);
const BROWSER_POLICY_HEADERS = new Set([
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);
const CORS_HEADER = /^access-control-/;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `#/components/...` references resolved inside the document registered under this id.
const DOCUMENT_ID = 'openapi.json';
function rebased(schema) {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`));
}

export function createOpenApiChecker(document) {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
  const validators = new Map();
  const validatorFor = (key, schema) => {
    if (!validators.has(key)) {
      validators.set(key, ajv.compile(rebased(schema)));
    }
    return validators.get(key);
  };
  // Literal paths before templated ones, so /api/items/x never matches a route that only looks alike.
  const routes = Object.entries(document.paths ?? {})
    .map(([template, operations]) => ({
      template,
      operations,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      ),
      literal: !template.includes('{'),
    }))
    .sort((a, b) => Number(b.literal) - Number(a.literal));
  const resolve = (object) => {
    let resolved = object;
    while (resolved?.$ref) {
      resolved = resolved.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((node, step) => node?.[step], document);
    }
    return resolved;
  };

  // The documented operation for a method and a URL, or undefined when the document has no such
  // route (a 404 for an unknown path is not an answer of any operation).
  function operationFor(method, url) {
    // As the router sees it: not decoded (an encoded slash stays inside its segment) and not
    // normalised (`/api/%2e%2e/health` is not /health).
    const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0];
    const lower = method.toLowerCase();
    if (!METHODS.has(lower)) {
      return undefined;
    }
    for (const route of routes) {
      if (route.pattern.test(path) && route.operations[lower]) {
        return { template: route.template, method: lower, operation: route.operations[lower] };
      }
    }
    return undefined;
  }

  // Problems with one answer, as sentences; empty when it matches the document.
  function check({ method, url, status, headers, body }) {
    const found = operationFor(method, url);
    if (!found) {
      return [];
    }
    const where = `${found.method.toUpperCase()} ${found.template} ${status}`;
    const responses = found.operation.responses ?? {};
    const response = resolve(responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default);
    if (!response) {
      return [`${where}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    }
    const problems = [];
    const headerNames = Object.keys(headers).map((name) => name.toLowerCase());
    const documentedHeaders = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), resolve(header)]),
    );
    for (const name of headerNames) {
      if (
        !(name in documentedHeaders) &&
        !TRANSPORT_HEADERS.has(name) &&
        !BROWSER_POLICY_HEADERS.has(name) &&
        !CORS_HEADER.test(name)
      ) {
        problems.push(`${where}: header ${name} is sent but not documented`);
      }
    }
    for (const [name, header] of Object.entries(documentedHeaders)) {
      const value = headers[name];
      if (value === undefined) {
        if (header.required) {
          problems.push(`${where}: required header ${name} is missing`);
        }
        continue;
      }
      if (header.schema) {
        const schema = resolve(header.schema);
        const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value;
        const validate = validatorFor(`${where} header ${name}`, header.schema);
        if (!validate(typed)) {
          problems.push(`${where}: header ${name}: ${JSON.stringify(value)} ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
    const content = response.content ?? {};
    if (text === '' || method.toUpperCase() === 'HEAD') {
      if (Object.keys(content).length > 0 && status !== 304 && method.toUpperCase() !== 'HEAD') {
        problems.push(`${where}: the body is empty, the document says ${Object.keys(content).join(' or ')}`);
      }
      return problems;
    }
    const mediaType = String(headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const media = content[mediaType];
    if (!media) {
      problems.push(
        `${where}: content type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`,
      );
      return problems;
    }
    if (!media.schema) {
      return problems;
    }
    let value = text;
    if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
      try {
        value = JSON.parse(text);
      } catch {
        problems.push(`${where}: the ${mediaType} body is not JSON`);
        return problems;
      }
    }
    const validate = validatorFor(`${where} ${mediaType}`, media.schema);
    if (!validate(value)) {
      problems.push(`${where} ${mediaType}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
    }
    return problems;
  }

  return { check, operationFor };
}
