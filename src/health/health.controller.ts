import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { PublicRoute } from '../auth/roles.js';
import { ApiProblem, ProblemView } from '../common/api-problems.decorator.js';

const CHECKS = { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string' } } } };

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  // Terminus's own OpenAPI description needs a CommonJS @nestjs/swagger; it is written here instead.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: '200 {"status":"ok"} when the database answers; no token needed',
    description: 'For load balancers and monitors: pings the database within 2 s. Never cached.',
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
  @ApiProblem(503, 'The database does not answer', { $ref: getSchemaPath(ProblemView) })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
