import { Controller, Get, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { PROBLEM_MEDIA_TYPE, ProblemView } from '../common/api-problems.decorator.js';
import { STORAGE_RETRY_AFTER_SECONDS, StorageHealth } from '../database/storage-health.js';

const CHECKS = { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string' } } } };

interface DegradedAnswer {
  readonly status: 'degraded';
  readonly reason: string;
}

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly storage: StorageHealth,
  ) {}

  @Get()
  // Terminus's own OpenAPI description needs a CommonJS @nestjs/swagger; it is written here instead.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: '200 {"status":"ok"} when the database answers and takes writes; no token needed',
    description:
      'For load balancers and monitors: pings the database within 2 s. Never cached. While writes fail because ' +
      'the disk is full or the database cannot be written, 503 {"status":"degraded","reason":…} with ' +
      'Retry-After, until a write succeeds again; a database that does not answer is a 503 problem.',
  })
  @ApiOkResponse({
    description: 'The database answers',
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] }, info: CHECKS, error: CHECKS, details: CHECKS },
      example: {
        status: 'ok',
        info: { database: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' } },
      },
    },
    headers: {
      'Cache-Control': { required: true, schema: { type: 'string', example: 'no-cache, no-store, must-revalidate' } },
    },
  })
  @ApiExtraModels(ProblemView)
  @ApiResponse({
    status: 503,
    description: 'Degraded (JSON): writes fail for a storage fault; or a problem: the database does not answer',
    headers: {
      'Retry-After': { description: 'Seconds to wait, when degraded', required: false, schema: { type: 'integer' } },
      'Cache-Control': { required: false, schema: { type: 'string', example: 'no-cache, no-store, must-revalidate' } },
    },
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['status', 'reason'],
          properties: { status: { type: 'string', enum: ['degraded'] }, reason: { type: 'string' } },
          example: { status: 'degraded', reason: 'The disk holding the database is full: …' },
        },
      },
      [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } },
    },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult | DegradedAnswer> {
    const reason = this.storage.degradedReason();
    if (reason !== undefined) {
      void reply.status(503).header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
      return { status: 'degraded', reason };
    }
    return this.health.check([() => this.database.pingCheck('database').withTimeout(2000)]);
  }
}
