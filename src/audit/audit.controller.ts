import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../auth/roles.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { AuditHeadView, AuditReportView, type AuditReport } from './audit-report.view.js';
import { AuditService } from './audit.service.js';
import { VerifyAuditQuery } from './dto/verify-audit.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @RequiresRole('admin')
  @ApiOperation({
    summary: 'Recompute the hash chain and check every item against its history',
    description:
      'Answers 200 either way: `ok: true` with the head, or `ok: false` naming the first event that does not ' +
      'match and why. `against` also checks published checkpoints.',
  })
  @ApiOkResponse({ type: AuditReportView })
  @ApiProblems(403)
  verify(@Query() query: VerifyAuditQuery): Promise<AuditReport> {
    return this.audit.verify(query);
  }

  @Get('head')
  @ApiOperation({
    summary: 'The newest event hash and the event count: a checkpoint to publish',
    description: 'Any token. Publish it elsewhere; `GET /api/audit/verify?against=<hash>:<count>` checks it later.',
  })
  @ApiOkResponse({
    type: AuditHeadView,
    links: {
      verifyAgainstHead: {
        operationId: 'AuditController_verify',
        description: 'Verify the history against this head, as a published checkpoint',
        parameters: { against: '{$response.body#/hash}:{$response.body#/events}' },
      },
    },
  })
  @ApiProblems()
  head(): Promise<AuditHeadView> {
    return this.audit.head();
  }
}
