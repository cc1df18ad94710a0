import { ApiBodyExample } from '../common/api-examples.js';
import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ApiProblem, ApiProblems } from '../common/api-problems.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotentRequest } from '../idempotency/idempotent-request.decorator.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { AssessmentsProblemView, AssessmentsResultView } from './assessments.view.js';
import { AssessmentsService } from './assessments.service.js';
import { ApplyAssessmentsDto } from './dto/apply-assessments.dto.js';
import { MatrixQueryDto } from './dto/matrix-query.dto.js';
import { isScoreMatrix } from './score-matrix-body.js';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('api/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Record compliance scores (each party's compliance with each item), all or nothing",
    description:
      'JSON ({ effectiveOn, assessments: [{ item, party, score, evidence?, source? }], dryRun? }) or the score ' +
      'matrix as text/csv (a header item,<party>,…; one row per item slug; cells 1, +1, 0, -1, n/a or empty) with ' +
      'effectiveOn and dryRun in the query. Each entry appends an assessed event on its item, dated effectiveOn. ' +
      'Refused: a score that is not one of the four (400), a future day (400), an unknown item or party (404 in the ' +
      "failures), a day before the item's proposedOn or before the party's standing assessment of the item (409). " +
      'The answer is 400 when every failure is a mistake in the request itself, otherwise 409; failures lists each ' +
      "(for a matrix, with its line). Up to 5,000 entries. Idempotency-Key as for a meeting's outcomes.",
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBodyExample(ApplyAssessmentsDto, 'NATO fully complied with the joint threat review (illustrative)', {
    effectiveOn: '2011-06-30',
    assessments: [
      {
        item: 'joint-threat-review',
        party: 'nato',
        score: 1,
        evidence: 'The joint review of common security challenges was completed and endorsed (illustrative).',
      },
    ],
  })
  @ApiExtraModels(ApplyAssessmentsDto, AssessmentsProblemView)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Any unique string of 1 to 200 visible ASCII characters, such as a UUID',
    schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
  })
  @ApiOkResponse({ type: AssessmentsResultView, description: 'What was recorded (or would be, on a dry run)' })
  @ApiProblem(400, 'Invalid body or query, or every failing entry is a mistake in the request (failures lists them)', {
    $ref: getSchemaPath(AssessmentsProblemView),
  })
  @ApiProblem(409, 'Some entry conflicts with its item (failures lists each)', {
    $ref: getSchemaPath(AssessmentsProblemView),
  })
  @ApiProblems(403, 413, 415, 422, 503, 507)
  async apply(
    @Body() body: unknown,
    @Query() query: MatrixQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @IdempotentRequest() idempotent: KeyedRequest | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentsResultView> {
    if (isScoreMatrix(contentType) && typeof body === 'string') {
      if (query.effectiveOn === undefined) {
        throw DomainError.validation([{ field: 'effectiveOn', message: 'is required with a score matrix' }]);
      }
      return this.assessments.applyMatrix(body, query.effectiveOn, query.dryRun === 'true', actor.name, idempotent);
    }
    // The body is parsed by hand (a matrix is text): what is not a JSON object is refused here.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw DomainError.validation([
        { field: 'body', message: 'must be a JSON object, or a score matrix as text/csv' },
      ]);
    }
    return this.assessments.apply(await validateInput(ApplyAssessmentsDto, body), actor.name, idempotent);
  }
}
