import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { HistoryPage } from '../history/history-event.view.js';
import { ItemHistoryService } from './item-history.service.js';

@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemHistoryController {
  constructor(private readonly history: ItemHistoryService) {}

  @Get(':key/history')
  @ApiOperation({ summary: "The item's events, oldest first" })
  @ApiOkResponse({ type: HistoryPage })
  @ApiProblems(404)
  itemHistory(@Param('key') key: string): Promise<HistoryPage> {
    return this.history.itemHistory(key);
  }
}
