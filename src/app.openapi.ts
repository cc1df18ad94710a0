import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { REQUEST_ID_HEADER, VARY_ORIGIN_HEADER } from './common/api-headers.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA } from './common/api-problems.decorator.js';
import type { AppConfig } from './config/app-config.js';

// Fastify refuses a longer path parameter (414) before routing; the document says so on every key.
export const MAX_PATH_PARAMETER_LENGTH = 100;

const TAGS: ReadonlyArray<readonly [string, string]> = [
  ['items', 'Cooperation proposals, their workflow moves and their history'],
  ['workflow', 'The states and the allowed moves, as data'],
  ['meetings', "Meetings, and recording a meeting's outcomes in one step"],
  ['parties', 'States, organizations and groups that take positions on items'],
  ['assessments', "Each party's compliance with each item, scored +1, 0, -1 or n/a (JSON or the score matrix CSV)"],
  ['corrections', 'Correcting or retracting recorded transitions, one by one or a whole outcomes batch'],
  [
    'reports',
    'Status, positions and compliance as of a day, changes over a window and revisions between two instants, in ' +
      'JSON, CSV, Markdown or HTML; editions, reports published for good',
  ],
  ['audit', 'Verifying the hash-chained history against published checkpoints'],
  ['tokens', 'API tokens (admin only)'],
  ['operations', 'Health check for load balancers'],
];

// The OpenAPI document served at /openapi.json: the routes' own decorators, plus what holds for
// every answer because one hook or one server option does it for all of them.
export function createOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('policy-tracker')
    .setDescription(
      'Tracks diplomatic cooperation proposals through a status workflow, with an append-only, hash-chained ' +
        'history. Every /api route needs `Authorization: Bearer <token>`. Errors are RFC 9457 problem details ' +
        '(application/problem+json).',
    )
    .setVersion('1')
    .addServer(`http://${displayHost(config.host)}:${config.port}`, 'This server, as configured by HOST and PORT')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'An opaque API token: the bootstrap one printed at first start, or one from POST /api/tokens',
    });
  for (const [name, description] of TAGS) {
    builder.addTag(name, description);
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) {
      if (typeof operation !== 'object' || !operation.responses) {
        continue;
      }
      const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      for (const parameter of pathParameters) {
        parameter.schema = { ...parameter.schema, maxLength: MAX_PATH_PARAMETER_LENGTH };
      }
      // Node's HTTP server answers these before any route runs (src/common/client-error.handler.ts).
      operation.responses['408'] = problem('The request took too long to arrive');
      operation.responses['431'] = problem('The URL and headers together are over 16 KiB');
      // An onRequest hook refuses a query that is not well-formed Unicode on every route.
      operation.responses['400'] ??= problem('A query value that is not well-formed Unicode');
      if (pathParameters.length > 0) {
        operation.responses['414'] = problem(`A path key over ${MAX_PATH_PARAMETER_LENGTH} characters`);
      }
      for (const response of Object.values(operation.responses)) {
        response.headers = {
          ...REQUEST_ID_HEADER,
          ...(config.corsOrigins.length > 0 ? VARY_ORIGIN_HEADER : {}),
          ...response.headers,
        };
      }
    }
  }
  return document;
}

function problem(description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_SCHEMA } } };
}

interface Operation {
  parameters?: { in: string; schema?: Record<string, unknown> }[];
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: unknown }>;
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') {
    return '127.0.0.1';
  }
  return host.includes(':') ? `[${host}]` : host;
}
