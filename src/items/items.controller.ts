import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { ApiBodyExample, ApiIfMatch, ApiItemKey } from '../common/api-examples.js';
import { ETAG_HEADER, locationHeader } from '../common/api-headers.js';
import { ApiProblem, ApiProblems } from '../common/api-problems.decorator.js';
import { etag, parseIfMatch, requireIfMatch } from '../common/if-match.js';
import { CreateItemDto } from './dto/create-item.dto.js';
import { ListItemsQuery } from './dto/list-items.query.js';
import { TakePositionDto } from './dto/take-position.dto.js';
import { TransitionItemDto } from './dto/transition-item.dto.js';
import { UpdateItemDto } from './dto/update-item.dto.js';
import { ItemDetailView, ItemPage, TransitionProblemView } from './item.view.js';
import { ItemsService } from './items.service.js';

@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  @ApiOperation({
    summary: 'List items, filtered, sorted and paged',
    description:
      'Filters combine with AND; `q` searches title and summary. `total` counts every match, not the page. A list ' +
      "filtered by `stance` or `party` reads every item's positions: one token may have READ_CLIENT_LIMIT (2) " +
      'under way at once, beyond that 429 with Retry-After.',
  })
  @ApiOkResponse({ type: ItemPage })
  @ApiProblems()
  list(@Query() query: ListItemsQuery, @CurrentActor() actor: Actor): Promise<ItemPage> {
    return this.items.list(query, actor.name);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an item in the initial state; records a created event',
    description: 'Admin only. The slug is unique for ever (409 when taken); the item starts at version 1.',
  })
  @ApiCreatedResponse({
    type: ItemDetailView,
    description: 'The new item; Location names it by id',
    headers: { ...locationHeader('/api/items/9b2f3c1e-8a4d-4b6e-9f10-2c3d4e5f6a7b'), ...ETAG_HEADER },
  })
  @ApiBodyExample(CreateItemDto, 'A proposal the Lisbon summit made', {
    slug: 'afghan-helicopter-maintenance',
    title: 'Maintain and train for the Afghan army helicopter fleet',
    summary: 'A trust fund to maintain the Afghan army helicopters and train their technicians.',
    category: 'afghanistan',
    proposedBy: 'Russia',
    proposedOn: '2010-11-20',
    sourceUrl: 'https://www.nato.int/cps/en/natolive/news_68871.htm',
  })
  @ApiProblems(403, 409, 413, 415, 507)
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
  @ApiOperation({
    summary: 'One item by id or slug, with the transitions allowed from its state',
    description: 'ETag carries the version, for If-Match on a later PATCH or transition.',
  })
  @ApiItemKey('military-transparency')
  @ApiOkResponse({ type: ItemDetailView, description: 'The item', headers: ETAG_HEADER })
  @ApiProblems(404)
  async findOne(@Param('key') key: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ItemDetailView> {
    const item = await this.items.findOne(key);
    reply.header('etag', etag(item.version));
    return item;
  }

  @Patch(':key')
  @ApiOperation({
    summary: 'Change descriptive fields; records an updated event with the field diff',
    description: 'Admin only. `state`, `id` and `version` cannot be patched: use transitions. Needs If-Match.',
  })
  @ApiItemKey('military-transparency')
  @ApiIfMatch(true, 'The ETag of the version you read, e.g. "3"', 2)
  @ApiBodyExample(UpdateItemDto, 'A clearer summary', {
    summary: 'Exchange information on military forces and exercises, and notify each other of them.',
  })
  @ApiOkResponse({ type: ItemDetailView, description: 'The item after the change', headers: ETAG_HEADER })
  @ApiProblems(403, 404, 412, 413, 415, 428, 507)
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
  @ApiOperation({
    summary: 'Move the item through the workflow; records a transitioned event',
    description:
      'Admin only. The workflow must allow the move (409 lists the allowed ones), some moves need a reason, and ' +
      "`effectiveOn` (default: the meeting's day, else today) may not be before the item's stateSince.",
  })
  @ApiItemKey('military-doctrines-dialogue')
  @ApiIfMatch(false, 'Enforced when given', 2)
  @ApiBodyExample(TransitionItemDto, 'Taken up at the Lisbon summit', {
    to: 'under_discussion',
    reason: 'The leaders asked for a dialogue on military doctrines to build trust.',
    effectiveOn: '2010-11-20',
    meeting: 'lisbon-summit-2010',
    source: 'NRC Joint Statement, Lisbon, 20 November 2010',
  })
  @ApiOkResponse({ type: ItemDetailView, description: 'The item after the move', headers: ETAG_HEADER })
  @ApiExtraModels(TransitionProblemView)
  @ApiProblem(409, 'The workflow does not allow the move, or the date is before the last change', {
    $ref: getSchemaPath(TransitionProblemView),
  })
  @ApiProblems(403, 404, 412, 413, 415, 507)
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
  @ApiItemKey('missile-defense-cooperation')
  @ApiIfMatch(false, 'Enforced when given', 2)
  @ApiBodyExample(TakePositionDto, "Russia's stance at the Lisbon summit", {
    party: 'russia',
    stance: 'conditional',
    statement: 'Russia is ready to cooperate on missile defence as an equal partner.',
    effectiveOn: '2010-11-20',
    meeting: 'lisbon-summit-2010',
    source: 'NRC Joint Statement, Lisbon, 20 November 2010',
  })
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
