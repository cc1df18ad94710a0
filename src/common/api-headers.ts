import type { HeadersObject } from '@nestjs/swagger';

// The response headers routes send, described once for their @nestjs/swagger decorators.
export const ETAG_HEADER: HeadersObject = {
  ETag: {
    description: "The item's version as a strong entity tag; send it back in If-Match",
    required: true,
    schema: { type: 'string', pattern: '^"[0-9]+"$', example: '"3"' },
  },
};

export function locationHeader(example: string): HeadersObject {
  return {
    Location: {
      description: 'The path of the new resource, by id',
      required: true,
      schema: { type: 'string', example },
    },
  };
}

export const VARY_ACCEPT_HEADER: HeadersObject = {
  Vary: {
    description: 'The format follows the Accept header (unless `format` is given)',
    required: true,
    schema: { type: 'string', example: 'Accept' },
  },
};

// Every answer's: a caller's own X-Request-Id when it is sane, else a new UUID.
export const REQUEST_ID_HEADER: HeadersObject = {
  'x-request-id': {
    description:
      "The request's id, also in the logs and in a problem's requestId: the caller's own X-Request-Id when it " +
      'is 1 to 64 characters of A-Z a-z 0-9 . _ -, else a new UUID',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  },
};

// Sent on every answer when CORS_ORIGINS is set (the answer depends on the caller's Origin).
export const VARY_ORIGIN_HEADER: HeadersObject = {
  Vary: {
    description: 'Origin when CORS_ORIGINS is set; Accept too on the reports',
    required: false,
    schema: { type: 'string' },
  },
};

// Requests: entity tags as RFC 9110 writes them; Node caps the whole header block at 16 KiB.
export const IF_MATCH_SCHEMA = { type: 'string', maxLength: 16384, example: '"3"' } as const;
