import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ApiBodyExample, ApiPathExample } from '../common/api-examples.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { HistoryEventView } from '../history/history-event.view.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotentRequest } from '../idempotency/idempotent-request.decorator.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { AmendmentProblemView, BatchRetractionProblemView, BatchRetractionView } from './corrections.view.js';
import { CorrectionsService } from './corrections.service.js';
import { AmendmentNoteDto } from './dto/amendment-note.dto.js';
import { CorrectEventDto } from './dto/correct-event.dto.js';
import { EventPathParams } from './dto/event-path.params.js';
import { RetractBatchDto } from './dto/retract-batch.dto.js';

function problemResponse(status: number, description: string, view: 'amendment' | 'batch') {
  const model = view === 'amendment' ? AmendmentProblemView : BatchRetractionProblemView;
  return ApiResponse({
    status,
    description,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(model) } } },
  });
}

@ApiTags('corrections')
@ApiBearerAuth()
@ApiExtraModels(AmendmentProblemView, BatchRetractionProblemView)
@Controller('api')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post('items/:key/history/:seq/correction')
  @ApiOperation({
    summary:
      "Correct a transition's or a position's effective date, meeting, source or reason; appends a corrected event",
    description:
      'Admin only. Nothing recorded changes: a `corrected` event (`corrects`: the seq, `changes`: each field ' +
      'from and to, `reason`: the note) is appended, raising the item version. The corrected effectiveOn must keep ' +
      "the item's dated timeline in order, or for a position its party's positions on the item (409 " +
      "correction_out_of_order, with `earliest` and `latest`); correcting the latest transition moves the item's " +
      "stateSince. A position's `reason` is its statement. The latest correction of a field wins. Only standing " +
      '(not retracted) transitions and positions can be corrected (409 event_not_amendable); an unknown seq is 404.',
  })
  @ApiBodyExample(CorrectEventDto, "Cite the Council's own record of the position", {
    note: 'The position was cited from the press coverage; the Council met that day in New York.',
    source: 'NATO-Russia Council, foreign ministers, New York, 22 September 2010',
  })
  @ApiCreatedResponse({ type: HistoryEventView, description: 'The corrected event appended' })
  @problemResponse(409, 'The event cannot be corrected, or the corrected date is out of order', 'amendment')
  @ApiProblems(403, 404, 413, 415, 503, 507)
  correct(
    @Param() params: EventPathParams,
    @Body() dto: CorrectEventDto,
    @CurrentActor() actor: Actor,
  ): Promise<HistoryEventView> {
    return this.corrections.correct(params.key, params.seq, dto, actor.name);
  }

  @Post('items/:key/history/:seq/retraction')
  @ApiOperation({
    summary: 'Withdraw a transition or a position recorded by mistake; appends a retracted event',
    description:
      'Admin only. Only the latest standing transition of the item, or the latest standing position of a party ' +
      'on it, can be retracted; otherwise 409 retraction_not_latest with `laterEvents`. The item returns to the ' +
      'state, and stateSince, it had before; a party returns to its previous position, or to none (the ' +
      "retraction's `changes.stance`). Reports count a retracted event nowhere from the instant the retraction " +
      'is recorded.',
  })
  @ApiBodyExample(AmendmentNoteDto, 'A position recorded by mistake', {
    note: 'Recorded by mistake: the United States took no position on the CFE treaty in New York.',
  })
  @ApiCreatedResponse({ type: HistoryEventView, description: 'The retracted event appended' })
  @problemResponse(409, 'The event cannot be retracted, or later standing events follow it (laterEvents)', 'amendment')
  @ApiProblems(403, 404, 413, 415, 503, 507)
  retract(
    @Param() params: EventPathParams,
    @Body() dto: AmendmentNoteDto,
    @CurrentActor() actor: Actor,
  ): Promise<HistoryEventView> {
    return this.corrections.retract(params.key, params.seq, dto.note, actor.name);
  }

  @Post('batches/:id/retraction')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract every standing transition and position of one outcomes batch, all or nothing',
    description:
      'Admin only. Each event is checked under the single-retraction rule before anything is written; if any ' +
      'fails, nothing is, and the 409 lists each failing item in `failures`. The retraction events share a new ' +
      'batch id. With dryRun nothing is written (batch null). With an Idempotency-Key the first answer is kept ' +
      'and a retry of the same request gets it back byte for byte without applying again; the same key with ' +
      'another body is 422. A batch that is already fully retracted is 409 batch_already_retracted.',
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Any unique string of 1 to 200 visible ASCII characters, such as a UUID',
    example: 'lisbon-2010-retraction',
  })
  @ApiPathExample(
    'id',
    "The batch id of an outcomes answer (its link retractBatch names it); a fresh tracker's seed has none",
    '0f6d2c9a-5b7e-4c1d-8a3f-6e2b9c4d7a10',
  )
  @ApiBodyExample(RetractBatchDto, 'Outcomes applied from the wrong file', {
    note: 'The outcomes were applied from a draft of the joint statement.',
  })
  @ApiOkResponse({ type: BatchRetractionView })
  @problemResponse(
    409,
    'Some event cannot be retracted (failures lists each), or the batch is already retracted',
    'batch',
  )
  @ApiProblems(403, 404, 413, 415, 422, 503, 507)
  retractBatch(
    @Param('id') id: string,
    @Body() dto: RetractBatchDto,
    @IdempotentRequest() idempotent: KeyedRequest | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<BatchRetractionView> {
    return this.corrections.retractBatch(id, dto, actor.name, idempotent);
  }
}
