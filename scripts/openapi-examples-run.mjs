#!/usr/bin/env node
// Sends every operation of a tracker's /openapi.json once, built from the document alone: its path,
// query and header parameters from their examples, its body from the request body's example, and
// a value that one answer gives the next (a batch id, the audit head) from the response links. Each
// answer must be a 2xx that matches the document (status, media type, body schema, headers; the
// check of test/support/openapi-check.mjs). The examples are written for a fresh tracker seeded with
// the 2010 data, so run it on one, with an admin token:
//   TRACKER_ADMIN_TOKEN=<token> node scripts/openapi-examples-run.mjs http://127.0.0.1:3000
// Reads go first, then creations, then changes to what exists, then deletions; an operation a link
// feeds runs after the operation that gives the value. Exits 1 when any assertion fails.
import process from 'node:process';
import { URL, URLSearchParams } from 'node:url';
import { createOpenApiChecker } from '../test/support/openapi-check.mjs';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
// Node's own fetch (undici), a global rather than a module export.
const { fetch } = globalThis;

const [base] = process.argv.slice(2);
const token = process.env.TRACKER_ADMIN_TOKEN;
if (!base || !token) {
  process.stderr.write('usage: TRACKER_ADMIN_TOKEN=<admin token> node scripts/openapi-examples-run.mjs <base URL>\n');
  process.exit(2);
}

const documentAnswer = await fetch(new URL('/openapi.json', base));
if (!documentAnswer.ok) {
  process.stderr.write(`GET /openapi.json answered ${documentAnswer.status}\n`);
  process.exit(1);
}
const document = await documentAnswer.json();
const checker = createOpenApiChecker(document);

function resolve(object) {
  let resolved = object;
  while (resolved?.$ref) {
    resolved = resolved.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node, step) => node?.[step.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  }
  return resolved;
}

function pointer(value, path) {
  return path
    .split('/')
    .slice(1)
    .reduce((node, step) => node?.[step.replaceAll('~1', '/').replaceAll('~0', '~')], value);
}

// An example as the document gives it: the object's own, or its schema's, or the first of `examples`.
function exampleOf(object) {
  const found = [object, resolve(object?.schema)].find(
    (holder) => holder?.example !== undefined || holder?.examples !== undefined,
  );
  if (!found) {
    return undefined;
  }
  if (found.example !== undefined) {
    return found.example;
  }
  const first = Object.values(found.examples)[0];
  return Array.isArray(found.examples) ? first : resolve(first)?.value;
}

const operations = [];
for (const [template, pathItem] of Object.entries(document.paths)) {
  for (const method of METHODS.filter((name) => pathItem[name])) {
    const operation = pathItem[method];
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
    operations.push({
      id: operation.operationId ?? `${method} ${template}`,
      name: `${method.toUpperCase()} ${template}`,
      template,
      method,
      operation,
      parameters,
      rank: rankOf(method, parameters),
    });
  }
}

// Reads, then creations, then changes to what exists (a path key), then deletions.
function rankOf(method, parameters) {
  if (method === 'get') {
    return 0;
  }
  if (method === 'delete') {
    return 3;
  }
  return parameters.some((parameter) => parameter.in === 'path') ? 2 : 1;
}

// The links into each operation: which operation's answer gives which of its parameters.
const linksInto = new Map();
for (const source of operations) {
  for (const [status, response] of Object.entries(source.operation.responses ?? {})) {
    for (const [name, link] of Object.entries(resolve(response).links ?? {})) {
      const target = operations.find((candidate) => candidate.id === link.operationId);
      if (!target) {
        process.stderr.write(`${source.name} ${status}: link ${name} names no operation ${link.operationId}\n`);
        process.exit(1);
      }
      const links = linksInto.get(target) ?? [];
      links.push({ source, status, name, parameters: link.parameters ?? {} });
      linksInto.set(target, links);
    }
  }
}

// A runtime expression ($response.body#/batch), or a string with some in braces.
function evaluate(expression, answer) {
  const one = (text) => {
    const body = /^\$response\.body#(\/.*)?$/.exec(text);
    if (body) {
      return body[1] ? pointer(answer.json, body[1]) : answer.json;
    }
    const header = /^\$response\.header\.(.+)$/.exec(text);
    if (header) {
      return answer.headers[header[1].toLowerCase()];
    }
    throw new Error(`unsupported runtime expression ${text}`);
  };
  if (typeof expression !== 'string') {
    return expression;
  }
  if (expression.startsWith('$')) {
    return one(expression);
  }
  return expression.replace(/\{(\$[^}]+)\}/g, (_, inner) => String(one(inner)));
}

function ordered() {
  const pending = [...operations].sort((a, b) => a.rank - b.rank);
  const done = new Set();
  const order = [];
  while (pending.length > 0) {
    const next = pending.findIndex((operation) =>
      (linksInto.get(operation) ?? []).every((link) => done.has(link.source)),
    );
    if (next < 0) {
      throw new Error(`the links between ${pending.map((operation) => operation.name).join(', ')} go round`);
    }
    const [operation] = pending.splice(next, 1);
    done.add(operation);
    order.push(operation);
  }
  return order;
}

function needsBearer(operation) {
  const security = operation.security ?? document.security ?? [];
  return security.some((requirement) =>
    Object.keys(requirement).some((scheme) => {
      const definition = resolve(document.components?.securitySchemes?.[scheme]);
      return definition?.type === 'http' && definition.scheme === 'bearer';
    }),
  );
}

// The request an operation's examples (and the answers its links read) describe, or the reasons there is none.
function requestFor(entry, answers) {
  const missing = [];
  const linked = new Map();
  for (const link of linksInto.get(entry) ?? []) {
    const answer = answers.get(link.source);
    if (!answer || String(answer.status) !== link.status) {
      missing.push(`link ${link.name}: ${link.source.name} did not answer ${link.status}`);
      continue;
    }
    for (const [name, expression] of Object.entries(link.parameters)) {
      const value = evaluate(expression, answer);
      if (value === undefined || value === null) {
        missing.push(`link ${link.name}: ${String(expression)} is empty in the answer of ${link.source.name}`);
      }
      linked.set(name.replace(/^(path|query|header)\./, ''), value);
    }
  }
  let path = entry.template;
  const query = new URLSearchParams();
  const headers = {};
  for (const parameter of entry.parameters) {
    const value = linked.has(parameter.name) ? linked.get(parameter.name) : exampleOf(parameter);
    if (value === undefined) {
      if (parameter.required) {
        missing.push(`the ${parameter.in} parameter ${parameter.name} has no example`);
      }
      continue;
    }
    if (parameter.in === 'path') {
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.in === 'query') {
      for (const one of Array.isArray(value) ? value : [value]) {
        query.append(parameter.name, String(one));
      }
    } else if (parameter.in === 'header') {
      headers[parameter.name] = String(value);
    }
  }
  if (needsBearer(entry.operation)) {
    headers.Authorization = `Bearer ${token}`;
  }
  let body;
  const requestBody = resolve(entry.operation.requestBody);
  if (requestBody) {
    const [mediaType, media] = Object.entries(requestBody.content ?? {})[0] ?? [];
    const example = exampleOf(media);
    if (example === undefined) {
      if (requestBody.required) {
        missing.push(`the ${mediaType ?? ''} request body has no example`);
      }
    } else {
      headers['Content-Type'] = mediaType;
      body = /json/.test(mediaType) ? JSON.stringify(example) : String(example);
    }
  }
  const search = query.size > 0 ? `?${query}` : '';
  return {
    missing,
    url: new URL(`${path}${search}`, base).href,
    init: { method: entry.method.toUpperCase(), headers, body },
  };
}

const answers = new Map();
let passed = 0;
let failed = 0;
for (const entry of ordered()) {
  const request = requestFor(entry, answers);
  if (request.missing.length > 0) {
    failed += 1;
    process.stdout.write(`not ok ${entry.name}: cannot be sent from the document\n`);
    for (const reason of request.missing) {
      process.stdout.write(`  - ${reason}\n`);
    }
    continue;
  }
  const response = await fetch(request.url, { ...request.init, redirect: 'manual' });
  const text = await response.text();
  const headers = Object.fromEntries(response.headers);
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  answers.set(entry, { status: response.status, headers, json });
  const problems = checker.check({
    method: entry.method,
    url: request.url,
    status: response.status,
    headers,
    body: text,
  });
  if (response.status < 200 || response.status > 299) {
    problems.unshift(`answered ${response.status}, not 2xx: ${text.slice(0, 500)}`);
  }
  const line = `${request.init.method} ${request.url.slice(new URL(base).origin.length)} ${response.status}`;
  if (problems.length === 0) {
    passed += 1;
    process.stdout.write(`ok ${line}\n`);
  } else {
    failed += 1;
    process.stdout.write(`not ok ${line}\n`);
    for (const problem of problems) {
      process.stdout.write(`  - ${problem}\n`);
    }
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
