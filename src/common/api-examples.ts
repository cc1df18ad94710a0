import type { Type } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam } from '@nestjs/swagger';
import { IF_MATCH_SCHEMA } from './api-headers.js';

// The request examples of /openapi.json name the 2010 data a fresh tracker is seeded with
// (TRACKER_SEED), so that a client generated from the document sends requests that work on one
// (scripts/openapi-examples-run.mjs sends every operation's). Each write names seeded items that
// no other write example touches, so it works whatever ran before it; the only orders that
// matter are a creation before what uses it (the token revoked is the one created) and the
// response links, which carry a value of one answer (a batch id, the audit head) into a request.

// The path parameter `name` of a route, with a seeded example.
export function ApiPathExample(name: string, description: string, example: string | number): MethodDecorator {
  return ApiParam({ name, description, example, type: typeof example === 'number' ? 'integer' : 'string' });
}

// The `:key` of an item route, with a seeded item's slug.
export function ApiItemKey(example: string): MethodDecorator {
  return ApiPathExample('key', 'The item, by id or slug', example);
}

// The request body of a route, with one complete example; Spectral checks it against the schema.
export function ApiBodyExample(type: Type, summary: string, value: object): MethodDecorator {
  return ApiBody({ type, examples: { seeded: { summary, value } } });
}

// If-Match as the seeded item's version would be when the example runs on a fresh tracker.
export function ApiIfMatch(required: boolean, description: string, version: number): MethodDecorator {
  return ApiHeader({
    name: 'If-Match',
    required,
    description,
    schema: { ...IF_MATCH_SCHEMA, example: `"${version}"` },
  });
}
