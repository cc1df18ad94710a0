import { applyDecorators, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type Actor } from '../auth/actor.js';
import { VARY_ACCEPT_HEADER } from '../common/api-headers.js';
import { ApiProblem, ApiProblems, PROBLEM_SCHEMA } from '../common/api-problems.decorator.js';
import { ChangesReport } from './changes-report.view.js';
import { ChangesReportQuery } from './dto/changes-report.query.js';
import { ComplianceReportQuery } from './dto/compliance-report.query.js';
import { ComplianceReport } from './compliance-report.view.js';
import { PositionsReportQuery } from './dto/positions-report.query.js';
import { RevisionsReportQuery } from './dto/revisions-report.query.js';
import { StatusReportQuery } from './dto/status-report.query.js';
import { PositionsReport } from './positions-report.view.js';
import { RevisionsReport } from './revisions-report.view.js';
import { REPORT_CONTENT_TYPES, negotiateFormat, type ReportFormat } from './report-format.js';
import { ReportsService } from './reports.service.js';
import { StatusReport } from './status-report.view.js';

// A report in each format it comes in: JSON by its schema, the others as text.
function ApiReportResponse(
  view:
    | typeof StatusReport
    | typeof ChangesReport
    | typeof PositionsReport
    | typeof RevisionsReport
    | typeof ComplianceReport,
): MethodDecorator {
  const text = (description: string) => ({ schema: { type: 'string', description } });
  return applyDecorators(
    ApiExtraModels(view),
    ApiOkResponse({
      description: 'The report, in the format `format` or Accept asked for',
      headers: VARY_ACCEPT_HEADER,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(view) } },
        'text/csv': text('RFC 4180 CSV with a header row; cells starting with = + - @ get a leading quote'),
        'text/markdown': text('A Markdown document with tables'),
        'text/html': text('A printable HTML page with charts, no scripts'),
      },
    }),
  );
}

// How every report is built, and refused.
const BUILT_IN_TURN =
  'Reports are built in worker threads, a few at a time, and cached until the history (or, for the positions ' +
  'report, the parties) change. One token may have REPORT_CLIENT_LIMIT builds running or waiting (2 by default): ' +
  'beyond that the answer is 429 with Retry-After; when too many wait already it is 503 with Retry-After. A ' +
  'report that would read more than REPORT_MAX_EVENTS events (15,000 by default: about four months of the bench data ' +
  'set) or come to more than REPORT_MAX_BYTES (4 MiB by default) is refused with a 422 that says how to narrow the ' +
  'question.';

// The refusals of the report builds, besides every route's: a report too large to answer in one
// piece (422, saying how to narrow it), one token's builds at their limit (429) and the queue full (503).
function ApiReportProblems(): MethodDecorator {
  return applyDecorators(
    ApiProblems(406),
    ApiProblem(
      422,
      'The report would read more than REPORT_MAX_EVENTS events or come to more than REPORT_MAX_BYTES: ' +
        'the problem says how to narrow the question (a shorter window, a category or proposedBy, a later from)',
      PROBLEM_SCHEMA,
    ),
  );
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('status')
  @ApiOperation({
    summary: "Every item's state as of a day, rebuilt from the history",
    description: 'JSON by default; `format` or Accept picks CSV, Markdown or a printable HTML page. ' + BUILT_IN_TURN,
  })
  @ApiReportResponse(StatusReport)
  @ApiReportProblems()
  status(
    @Query() query: StatusReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<Buffer> {
    return answer(query, accept, reply, (format) => this.reports.statusDocument(query, format, actor.name));
  }

  @Get('positions')
  @ApiOperation({
    summary: "Items × parties: each party's position on each item as of a day, rebuilt from the history",
    description:
      'Every item proposed by asOf with its state, and for every party its latest position effective by then (null ' +
      'if none). knownAt and the item filters work as for the status report; divergent=true keeps the items where ' +
      'one party opposes while another supports or is conditional. JSON by default; `format` or Accept picks CSV, ' +
      'Markdown or a printable HTML matrix that names each stance in words. ' +
      BUILT_IN_TURN,
  })
  @ApiReportResponse(PositionsReport)
  @ApiReportProblems()
  positions(
    @Query() query: PositionsReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<Buffer> {
    return answer(query, accept, reply, (format) => this.reports.positionsDocument(query, format, actor.name));
  }

  @Get('compliance')
  @ApiOperation({
    summary: "Items × parties: each party's compliance score on each item as of a day, with the averages",
    description:
      "Each cell is the party's standing assessment on asOf, as known at knownAt; n/a and empty cells are left out " +
      'of every average. average is the mean rounded half away from zero to 2 decimals, percent (mean + 1) / 2 × 100 ' +
      'from the exact mean, rounded half up. parties chooses the columns and their order; compareTo names a ' +
      "compliance edition and adds each figure's previous value and the cells that moved. JSON by default; `format` " +
      'or Accept picks the CSV matrix, Markdown or a printable HTML page.',
  })
  @ApiReportResponse(ComplianceReport)
  @ApiReportProblems()
  compliance(
    @Query() query: ComplianceReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<Buffer> {
    return answer(query, accept, reply, (format) => this.reports.complianceDocument(query, format, actor.name));
  }

  @Get('changes')
  @ApiOperation({
    summary:
      'The transitions and positions effective in a window, both ends included, with the counts before and after',
    description: 'JSON by default; `format` or Accept picks CSV, Markdown or a printable HTML page. ' + BUILT_IN_TURN,
  })
  @ApiReportResponse(ChangesReport)
  @ApiReportProblems()
  changes(
    @Query() query: ChangesReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<Buffer> {
    return answer(query, accept, reply, (format) => this.reports.changesDocument(query, format, actor.name));
  }

  @Get('revisions')
  @ApiOperation({
    summary: 'How the status for a day changed between two instants: the correction notice',
    description:
      'Compares the status report for asOf as known at `from` with the one known at `to` (now by default), ' +
      'one difference per item, each classed as a development (news recorded late) or a correction (the ' +
      'record corrected or retracted), with the events recorded in between. JSON by default; `format` or ' +
      'Accept picks CSV, Markdown or a printable HTML correction notice. `from` after `to` is a 400. ' +
      BUILT_IN_TURN,
  })
  @ApiReportResponse(RevisionsReport)
  @ApiReportProblems()
  revisions(
    @Query() query: RevisionsReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<Buffer> {
    return answer(query, accept, reply, (format) => this.reports.revisionsDocument(query, format, actor.name));
  }
}

// The format asked for (the format parameter, else Accept), the document in it, labelled.
async function answer(
  query: { format?: ReportFormat },
  accept: string | undefined,
  reply: FastifyReply,
  build: (format: ReportFormat) => Promise<Buffer>,
): Promise<Buffer> {
  const format = negotiateFormat(query.format, accept);
  const document = await build(format);
  void reply.header('content-type', REPORT_CONTENT_TYPES[format]).header('vary', 'Accept');
  return document;
}
