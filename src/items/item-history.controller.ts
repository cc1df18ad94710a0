import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiItemKey } from '../common/api-examples.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { HistoryPageQuery } from '../history/dto/history-page.query.js';
import { HistoryPage } from '../history/history-event.view.js';
import { ItemHistoryService } from './item-history.service.js';
import { CurrentActor, type Actor } from '../auth/actor.js';

@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemHistoryController {
  constructor(private readonly history: ItemHistoryService) {}

  @Get(':key/history')
  @ApiOperation({
    summary: "The item's events, oldest first, a page at a time",
    description:
      '`limit` events (default 100, at most 1000) after the event `after`, fewer when they come to more than ' +
      '256 KiB (at least one event a page): `next` links the next page, null on the last. Each ' +
      'says who changed what, when it was recorded, the day it took effect, why, and which meeting decided it. ' +
      'One token may have READ_CLIENT_LIMIT (2) pages larger than the default under way at once; beyond that 429 ' +
      'with Retry-After.',
  })
  @ApiItemKey('cfe-treaty-update')
  @ApiOkResponse({ type: HistoryPage })
  @ApiProblems(404)
  async itemHistory(
    @Param('key') key: string,
    @Query() page: HistoryPageQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HistoryPage | Buffer> {
    const answer = await this.history.apiHistory(key, page, actor.name);
    if (Buffer.isBuffer(answer)) {
      // A large page, read and encoded in a worker thread.
      void reply.header('content-type', 'application/json; charset=utf-8');
    }
    return answer;
  }
}
