import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ example: 'reason' })
  field: string;

  @ApiProperty({ example: 'Moving from proposed to rejected needs a reason.' })
  message: string;
}

export class ProblemView {
  @ApiProperty({ example: 'https://policy-tracker.dev/problems/item-not-found' })
  type: string;

  @ApiProperty({ example: 'Item not found' })
  title: string;

  @ApiProperty({ type: 'integer', example: 404 })
  status: number;

  @ApiProperty({ example: 'No item has the id or slug "x".' })
  detail: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Also in the x-request-id header and the logs' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorView], description: 'On validation errors: each failing field' })
  errors?: FieldErrorView[];
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_SCHEMA = { $ref: getSchemaPath(ProblemView) };

const RETRY_AFTER: HeadersObject = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON or URL, unknown or mistyped field, failed validation or bad query parameter',
  401: 'No token, or an unknown or revoked token',
  403: 'The token may not do this (writing needs an admin token)',
  404: 'Unknown item, meeting, party, token or route',
  406: 'None of the accepted media types can be produced',
  409: "Conflict: transition not allowed, duplicate slug or name, or an effective date before the last change (or, for a position, before the item was proposed or the party's previous position)",
  412: 'If-Match does not match the current version',
  413: 'Body over the limit (1 MiB by default), or a keyed answer over IDEMPOTENCY_MAX_ANSWER_BYTES',
  415: 'Body is not JSON',
  422: 'Idempotency-Key reused with a different body',
  428: 'PATCH without If-Match',
  429: 'Too many failed authentication attempts, or too many reports or expensive reads asked for by one token at once; see Retry-After',
  503: 'Busy (database locked, report queue full) or storage unavailable (read-only, I/O error); see Retry-After',
  507: 'The disk is full: nothing was written; see Retry-After',
};

// Every problem answer: RFC 9457 JSON under its own media type.
export function ApiProblem(
  status: number,
  description: string,
  schema: SchemaObject | ReferenceObject,
  headers?: HeadersObject,
): MethodDecorator {
  return ApiResponse({ status, description, headers, content: { [PROBLEM_MEDIA_TYPE]: { schema } } });
}

const HEADERS: Record<number, HeadersObject> = {
  401: {
    'WWW-Authenticate': {
      description: 'Bearer realm="policy-tracker", with error="invalid_token" when a token was sent',
      required: true,
      schema: { type: 'string' },
    },
  },
  429: RETRY_AFTER,
  503: RETRY_AFTER,
  507: RETRY_AFTER,
};

// Every /api route can answer 400 (a malformed URL or query), 401, 429 and 503 (the database
// busy, or its storage unavailable); list the ones specific to a route here (writes: 507 when the
// disk is full). 408, 414 and 431 are added to every route by src/app.openapi.ts.
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...[...new Set([400, 401, 429, 503, ...statuses])]
      .sort((a, b) => a - b)
      .map((status) => ApiProblem(status, DESCRIPTIONS[status] ?? 'Problem', PROBLEM_SCHEMA, HEADERS[status])),
  );
}
