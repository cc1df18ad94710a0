import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { STORAGE_RETRY_AFTER_SECONDS, StorageHealth } from '../database/storage-health.js';

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
  @HealthCheck()
  @ApiOperation({
    summary: '200 {"status":"ok"} when the database answers and takes writes; no token needed',
    description:
      'While writes fail because the disk is full or the database cannot be written, 503 ' +
      '{"status":"degraded","reason":…} with Retry-After, until a write succeeds again.',
  })
  @ApiOkResponse({ description: 'The database answers', schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({
    description: 'Degraded: the database does not answer, or writes fail for a storage fault',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    schema: { example: { status: 'degraded', reason: 'The disk holding the database is full: …' } },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult | DegradedAnswer> {
    const reason = this.storage.degradedReason();
    if (reason !== undefined) {
      void reply.status(503).header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
      return { status: 'degraded', reason };
    }
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
