import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { etag, parseIfMatch, requireIfMatch } from '../common/if-match.js';
import { CreateItemDto } from './dto/create-item.dto.js';
import { ListItemsQuery } from './dto/list-items.query.js';
import { TakePositionDto } from './dto/take-position.dto.js';
import { TransitionItemDto } from './dto/transition-item.dto.js';
import { UpdateItemDto } from './dto/update-item.dto.js';
import { ItemDetailView, ItemPage } from './item.view.js';
import { ItemsService } from './items.service.js';

@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  @ApiOperation({ summary: 'List items, filtered, sorted and paged' })
  @ApiOkResponse({ type: ItemPage })
  @ApiProblems()
  list(@Query() query: ListItemsQuery): Promise<ItemPage> {
    return this.items.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create an item in the initial state; records a created event' })
  @ApiCreatedResponse({ type: ItemDetailView, description: 'Location names the new item' })
  @ApiProblems(403, 409, 413, 415, 503, 507)
  async create(
    @Body() dto: CreateItemDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ItemDetailView> {
    const item = await this.items.create(dto, actor.name);
    reply.header('location', `/api/items/${item.id}`).header('etag', etag(item.version));
    return item;
  }

  @Get(':key')
  @ApiOperation({ summary: 'One item by id or slug, with the transitions allowed from its state' })
  @ApiOkResponse({ type: ItemDetailView, description: 'ETag carries the version' })
  @ApiProblems(404)
  async findOne(@Param('key') key: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ItemDetailView> {
    const item = await this.items.findOne(key);
    reply.header('etag', etag(item.version));
    return item;
  }

  @Patch(':key')
  @ApiOperation({ summary: 'Change descriptive fields; records an updated event with the field diff' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version you read, e.g. "3"' })
  @ApiOkResponse({ type: ItemDetailView })
  @ApiProblems(403, 404, 412, 413, 415, 428, 503, 507)
  async update(
    @Param('key') key: string,
    @Body() dto: UpdateItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ItemDetailView> {
    const item = await this.items.update(key, dto, requireIfMatch(ifMatch), actor.name);
    reply.header('etag', etag(item.version));
    return item;
  }

  @Post(':key/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the item through the workflow; records a transitioned event' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Enforced when given' })
  @ApiOkResponse({ type: ItemDetailView })
  @ApiProblems(403, 404, 409, 412, 413, 415, 503, 507)
  async transition(
    @Param('key') key: string,
    @Body() dto: TransitionItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ItemDetailView> {
    const item = await this.items.transition(key, dto, parseIfMatch(ifMatch), actor.name);
    reply.header('etag', etag(item.version));
    return item;
  }

  @Post(':key/positions')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a party's stance on the item; appends a positioned event",
    description:
      "The statement is stored as the event's reason. effectiveOn defaults to the meeting's day when a meeting is " +
      "given, otherwise today; a future day is 400, a day before the item's proposedOn or before the same party's " +
      'previous position on the item is 409 (position_out_of_order). An unknown party is 404.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Enforced when given' })
  @ApiOkResponse({
    type: ItemDetailView,
    headers: { ETag: { description: 'The new version, e.g. "4"', schema: { type: 'string' } } },
  })
  @ApiProblems(403, 404, 409, 412, 413, 415)
  async takePosition(
    @Param('key') key: string,
    @Body() dto: TakePositionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ItemDetailView> {
    const item = await this.items.takePosition(key, dto, parseIfMatch(ifMatch), actor.name);
    reply.header('etag', etag(item.version));
    return item;
  }
}
