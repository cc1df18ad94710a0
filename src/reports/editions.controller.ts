import { ApiBodyExample } from '../common/api-examples.js';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { VARY_ACCEPT_HEADER } from '../common/api-headers.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { PublishEditionDto } from './dto/publish-edition.dto.js';
import { EditionReportQuery } from './dto/edition-report.query.js';
import { EditionPage, EditionView } from './edition.view.js';
import { EditionsService } from './editions.service.js';
import { REPORT_CONTENT_TYPES, negotiateFormat } from './report-format.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Publish an edition: a report frozen as built from the history up to its head, never changed',
    description:
      "report is status, changes, positions or compliance; query holds that report's parameters (knownAt and " +
      'format excepted; its day is filled in when left out). A slug already used is 409; an unknown report or a ' +
      'query that report would refuse is 400.',
  })
  @ApiBodyExample(PublishEditionDto, 'The compliance matrix as of mid-2011, published as the interim report', {
    slug: 'interim-2011',
    title: 'Compliance, interim report 2011',
    report: 'compliance',
    query: { asOf: '2011-06-30' },
  })
  @ApiCreatedResponse({
    type: EditionView,
    links: {
      edition: {
        operationId: 'EditionsController_get',
        description: "The edition's record",
        parameters: { slug: '$response.body#/slug' },
      },
      editionReport: {
        operationId: 'EditionsController_report',
        description: 'Its report, as published',
        parameters: { slug: '$response.body#/slug' },
      },
    },
  })
  @ApiProblems(400, 403, 409, 413, 415, 503, 507)
  publish(@Body() dto: PublishEditionDto, @CurrentActor() actor: Actor): Promise<EditionView> {
    return this.editions.publish(dto, actor.name);
  }

  @Get()
  @ApiOperation({
    summary: 'Every edition, newest first',
    description: 'Any token. Each record names the report, its query and the head it was built from.',
  })
  @ApiOkResponse({ type: EditionPage })
  @ApiProblems()
  async list(): Promise<EditionPage> {
    return { data: await this.editions.list() };
  }

  @Get(':slug')
  @ApiOperation({
    summary: "An edition's record",
    description: 'Any token; an unknown slug is 404. Its report in four formats is at /api/editions/:slug/report.',
  })
  @ApiOkResponse({ type: EditionView })
  @ApiProblems(404)
  get(@Param('slug') slug: string): Promise<EditionView> {
    return this.editions.get(slug);
  }

  @Get(':slug/report')
  @ApiOperation({
    summary: 'The report as published: byte for byte the same at every call, on every instance, for good',
    description: 'JSON by default; `format` or Accept picks CSV, Markdown or the printable HTML page.',
  })
  @ApiOkResponse({
    description: 'The report, in the format `format` or Accept asked for',
    headers: VARY_ACCEPT_HEADER,
    content: Object.fromEntries(
      ['application/json', 'text/csv', 'text/markdown', 'text/html'].map((type) => [
        type,
        { schema: type === 'application/json' ? { type: 'object' } : { type: 'string' } },
      ]),
    ),
  })
  @ApiProblems(404, 406)
  async report(
    @Param('slug') slug: string,
    @Query() query: EditionReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const format = negotiateFormat(query.format, accept);
    const document = await this.editions.document(slug, format);
    void reply.header('content-type', REPORT_CONTENT_TYPES[format]).header('vary', 'Accept');
    return document;
  }
}
