import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiBodyExample, ApiPathExample } from '../common/api-examples.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CreatePartyDto } from './dto/create-party.dto.js';
import { PartyList, PartyView } from './party.view.js';
import { PartiesService } from './parties.service.js';

@ApiTags('parties')
@ApiBearerAuth()
@Controller('api/parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Get()
  @ApiOperation({
    summary: 'All parties (states, organizations, groups), in slug order',
    description: 'Any token may read them; the seed records united-states, russia and nato.',
  })
  @ApiOkResponse({ type: PartyList })
  @ApiProblems()
  list(): Promise<PartyList> {
    return this.parties.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Record a party that takes positions on items (admin)',
    description:
      "Slug and name follow a meeting's rules and are each unique (409 otherwise). The " +
      'answer is the new party with its Location.',
  })
  @ApiCreatedResponse({
    type: PartyView,
    headers: { Location: { description: 'The new party', schema: { type: 'string' } } },
  })
  @ApiBodyExample(CreatePartyDto, 'A state', { slug: 'germany', name: 'Germany', kind: 'state' })
  @ApiProblems(403, 409, 413, 415)
  async create(@Body() dto: CreatePartyDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PartyView> {
    const party = await this.parties.create(dto);
    reply.header('location', `/api/parties/${party.id}`);
    return party;
  }

  @Get(':key')
  @ApiOperation({
    summary: 'One party by id or slug',
    description: 'An unknown id or slug is 404.',
  })
  @ApiPathExample('key', 'The party, by id or slug', 'russia')
  @ApiOkResponse({ type: PartyView })
  @ApiProblems(404)
  findOne(@Param('key') key: string): Promise<PartyView> {
    return this.parties.findOne(key);
  }
}
