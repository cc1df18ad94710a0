import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ApiBodyExample, ApiPathExample } from '../common/api-examples.js';
import { ApiProblem, ApiProblems } from '../common/api-problems.decorator.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotentRequest } from '../idempotency/idempotent-request.decorator.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import { OutcomesProblemView, OutcomesResultView } from './outcomes.view.js';
import { OutcomesService } from './outcomes.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('api/meetings')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Post(':key/outcomes')
  @HttpCode(200)
  @ApiOperation({
    summary: "Apply a meeting's outcomes and parties' positions to many items at once, all or nothing",
    description:
      "Every outcome and position takes effect on the meeting's heldOn and links the meeting; the events of one " +
      'request share a batch id. positions may sit next to outcomes (either list may be empty, not both); they are ' +
      "applied after the transitions, and the answer's positions list them. Every entry is checked before anything " +
      'is written: if any fails, nothing is, and the problem lists each failing entry (index, item, code, status, ' +
      'message; a position also names its party, and its index is in positions). The answer is 400 when every failure is ' +
      'an input problem (an item named twice, a missing reason), otherwise 409; an unknown item is 404 in the ' +
      'list and a stale expectedVersion 412. A meeting whose day has not come yet is a 409 for the whole batch. ' +
      'With dryRun nothing is written and the answer shows what would change (batch null). With an ' +
      'Idempotency-Key the first answer (success or 4xx problem) is kept for IDEMPOTENCY_TTL_HOURS (24 by ' +
      'default) and a retry of the same request gets it back without applying again; the same key with another ' +
      'body is 422. Keys are scoped by the meeting (by id or slug alike) and by the token. What is kept is a ' +
      'digest of the request and the answer, up to IDEMPOTENCY_MAX_ANSWER_BYTES (1 MiB by default): a keyed ' +
      'request whose answer would be larger is refused with 413 and nothing is applied. A dry run writes ' +
      'nothing, so nothing is kept for its key.',
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Any unique string of 1 to 200 visible ASCII characters, such as a UUID',
    schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    example: 'lisbon-2010-outcomes',
  })
  @ApiPathExample('key', 'The meeting, by id or slug', 'lisbon-summit-2010')
  @ApiBodyExample(ApplyOutcomesDto, 'Two of the Lisbon outcomes, and a position', {
    outcomes: [
      {
        item: 'joint-threat-review',
        to: 'agreed',
        reason: 'The leaders endorsed the joint review of the security challenges NATO and Russia have in common.',
        source: 'NRC Joint Statement, Lisbon, 20 November 2010',
      },
      {
        item: 'counter-narcotics-strategy',
        to: 'agreed',
        reason: 'The leaders agreed to widen the joint counter-narcotics training.',
        source: 'NRC Joint Statement, Lisbon, 20 November 2010',
      },
    ],
    positions: [
      {
        item: 'joint-threat-review',
        party: 'russia',
        stance: 'supports',
        statement: 'Russia joined the allies in endorsing the joint review of common security challenges.',
        source: 'NRC Joint Statement, Lisbon, 20 November 2010',
      },
    ],
  })
  @ApiOkResponse({
    type: OutcomesResultView,
    description: 'What changed (or would, on a dry run)',
    links: {
      retractBatch: {
        operationId: 'CorrectionsController_retractBatch',
        description: 'The batch these outcomes and positions were applied in, to retract it whole',
        parameters: { id: '$response.body#/batch' },
      },
    },
  })
  @ApiExtraModels(OutcomesProblemView)
  @ApiProblem(400, 'Invalid body, or every failing entry is an input problem (failures lists them)', {
    $ref: getSchemaPath(OutcomesProblemView),
  })
  @ApiProblem(
    409,
    'Some outcome or position conflicts with its item (failures lists each: an unknown item or party, a ' +
      'transition not allowed, a position out of date order), or the meeting is still ahead',
    {
      $ref: getSchemaPath(OutcomesProblemView),
    },
  )
  @ApiProblems(403, 404, 413, 415, 422, 503, 507)
  apply(
    @Param('key') key: string,
    @Body() dto: ApplyOutcomesDto,
    @IdempotentRequest() idempotent: KeyedRequest | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<OutcomesResultView> {
    return this.outcomes.apply(key, dto, actor.name, idempotent);
  }
}
