import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { locationHeader } from '../common/api-headers.js';
import { ApiBodyExample, ApiPathExample } from '../common/api-examples.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CreateMeetingDto } from './dto/create-meeting.dto.js';
import { MeetingList, MeetingView } from './meeting.view.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('api/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({ summary: 'All meetings, most recent first', description: 'Any token may read them.' })
  @ApiOkResponse({ type: MeetingList })
  @ApiProblems()
  list(): Promise<MeetingList> {
    return this.meetings.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Record a meeting',
    description: 'Admin only. The slug is unique (409 when taken); outcomes are recorded against it later.',
  })
  @ApiCreatedResponse({
    type: MeetingView,
    description: 'The new meeting; Location names it by id',
    headers: locationHeader('/api/meetings/5d0c1a2b-3e4f-4a5b-8c6d-7e8f9a0b1c2d'),
  })
  @ApiBodyExample(CreateMeetingDto, "The NATO-Russia Council's defence ministers, June 2011", {
    slug: 'nrc-brussels-2011',
    name: 'NATO-Russia Council, defence ministers',
    location: 'Brussels',
    heldOn: '2011-06-09',
  })
  @ApiProblems(403, 409, 413, 415, 507)
  async create(@Body() dto: CreateMeetingDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeetingView> {
    const meeting = await this.meetings.create(dto);
    reply.header('location', `/api/meetings/${meeting.id}`);
    return meeting;
  }

  @Get(':key')
  @ApiOperation({ summary: 'One meeting by id or slug', description: 'Any token may read it.' })
  @ApiPathExample('key', 'The meeting, by id or slug', 'lisbon-summit-2010')
  @ApiOkResponse({ type: MeetingView })
  @ApiProblems(404)
  findOne(@Param('key') key: string): Promise<MeetingView> {
    return this.meetings.findOne(key);
  }
}
