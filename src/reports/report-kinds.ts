import { DomainError, type DomainErrorCode } from '../common/domain-error.js';
import {
  buildChanges,
  buildCompliance,
  buildPositions,
  buildRevisions,
  buildStatus,
  tooLarge,
  type ChangesParams,
  type ComplianceParams,
  type PositionsParams,
  type ReportReaders,
  type RevisionsParams,
  type StatusParams,
} from './report-builders.js';
import { readHistoryPage, type HistoryPageRequest } from '../items/history-page.js';
import { REPORT_FORMATS, type ReportFormat } from './report-format.js';
import {
  renderChangesReport,
  renderComplianceReport,
  renderPositionsReport,
  renderRevisionsReport,
  renderStatusReport,
} from './render/render-report.js';
import { partyNames, type PartyNames } from './render/party-names.js';

// A kind of report: how its view is built from the read models and rendered in each format, and
// which of its tables a page of the console shows a slice of. Builds run in a worker thread
// (report-workers.ts); a new kind is one more entry in REPORT_KINDS.
export interface ReportKind<Params, View> {
  readonly build: (readers: ReportReaders, params: Params) => Promise<View>;
  readonly render: (view: View, format: ReportFormat, names: PartyNames) => string;
  // The view with rows [offset, offset + limit) of each table, and each table's length.
  readonly slice: (view: View, offset: number, limit: number) => SlicedView<View>;
}

export interface SlicedView<View> {
  readonly view: View;
  // The rows of each table sliced, by the table's name.
  readonly tables: Readonly<Record<string, number>>;
}

function kind<Params, View>(definition: ReportKind<Params, View>): ReportKind<Params, View> {
  return definition;
}

// Each named table of a view cut to the same rows.
function sliceTables<View, Table extends keyof View>(
  view: View,
  tables: readonly Table[],
  offset: number,
  limit: number,
): SlicedView<View> {
  const sliced = { ...view };
  const lengths: Record<string, number> = {};
  for (const table of tables) {
    const all = view[table] as unknown[];
    lengths[String(table)] = all.length;
    sliced[table] = all.slice(offset, offset + limit) as View[Table];
  }
  return { view: sliced, tables: lengths };
}

export const REPORT_KINDS = {
  status: kind({
    build: (readers, params: StatusParams) => buildStatus(readers, params),
    render: renderStatusReport,
    slice: (view, offset, limit) => sliceTables(view, ['items'], offset, limit),
  }),
  positions: kind({
    build: (readers, params: PositionsParams) => buildPositions(readers, params),
    render: renderPositionsReport,
    slice: (view, offset, limit) => sliceTables(view, ['items'], offset, limit),
  }),
  changes: kind({
    build: (readers, params: ChangesParams) => buildChanges(readers, params),
    render: renderChangesReport,
    slice: (view, offset, limit) => sliceTables(view, ['transitions', 'positions'], offset, limit),
  }),
  compliance: kind({
    build: (readers, params: ComplianceParams) => buildCompliance(readers, params),
    render: renderComplianceReport,
    slice: (view, offset, limit) => sliceTables(view, ['items'], offset, limit),
  }),
  revisions: kind({
    build: (readers, params: RevisionsParams) => buildRevisions(readers, params),
    render: renderRevisionsReport,
    slice: (view, offset, limit) => sliceTables(view, ['differences'], offset, limit),
  }),
};

export type ReportKindName = keyof typeof REPORT_KINDS;
export type ReportParams<K extends ReportKindName> = Parameters<(typeof REPORT_KINDS)[K]['build']>[1];

// One build, as handed to a worker: plain data only.
export interface ReportTask<K extends ReportKindName = ReportKindName> {
  readonly kind: K;
  readonly params: ReportParams<K>;
  readonly format: ReportFormat;
  // For a page of the console: only these rows of the report's tables, as JSON with each table's
  // length ({ report, tables }).
  readonly rows?: { readonly offset: number; readonly limit: number };
  // The largest document answered; a larger one is refused (report_too_large).
  readonly maxBytes: number;
}

// What comes back from a worker: the document (encoded into a buffer of its own, so that it can be
// moved to the main thread rather than copied), or the domain error that refused it (an Error does
// not cross a thread with its code).
export type ReportOutcome =
  | Uint8Array
  | { readonly refused: { readonly code: DomainErrorCode; readonly message: string; readonly extensions: object } };

// A page of an item's history larger than the default, read where the reports are (report-workers.ts).
export interface HistoryPageTask {
  readonly historyPage: HistoryPageRequest;
}

// What a worker thread is handed.
export type WorkerTask = ReportTask | HistoryPageTask;

export async function runTask(readers: ReportReaders, task: WorkerTask): Promise<ReportOutcome> {
  try {
    if ('historyPage' in task) {
      return new TextEncoder().encode(JSON.stringify(await readHistoryPage(readers, task.historyPage)));
    }
    // Encoded once, into a buffer of its own (moved to the main thread, never pooled), and measured
    // there: a document too large goes no further than this thread.
    const document = new TextEncoder().encode(await renderTask(readers, task));
    if (document.byteLength > task.maxBytes) {
      throw tooLarge(
        `The report comes to ${document.byteLength} bytes; at most ${task.maxBytes} are answered in one piece. ` +
          'Narrow the question (a shorter window, a later day, a category or proposedBy), ' +
          'or ask for CSV, the most compact format.',
      );
    }
    return document;
  } catch (error) {
    if (error instanceof DomainError) {
      return { refused: { code: error.code, message: error.message, extensions: error.extensions } };
    }
    throw error;
  }
}

// A report in every format, built once where the caller reads (an edition's, in the transaction
// that read the head it is published from).
export async function renderEveryFormat(
  readers: ReportReaders,
  task: Pick<ReportTask, 'kind' | 'params'>,
): Promise<Record<ReportFormat, string>> {
  const definition = REPORT_KINDS[task.kind] as unknown as ReportKind<unknown, unknown>;
  const view = await definition.build(readers, task.params);
  const names = await readPartyNames(readers);
  return Object.fromEntries(REPORT_FORMATS.map((format) => [format, definition.render(view, format, names)])) as Record<
    ReportFormat,
    string
  >;
}

async function renderTask(readers: ReportReaders, task: ReportTask): Promise<string> {
  // The registry's entries agree on Params and View by construction; the union of them does not.
  const definition = REPORT_KINDS[task.kind] as unknown as ReportKind<unknown, unknown>;
  const view = await definition.build(readers, task.params);
  if (task.rows) {
    const { view: page, tables } = definition.slice(view, task.rows.offset, task.rows.limit);
    return JSON.stringify({ report: page, tables });
  }
  return definition.render(view, task.format, await readPartyNames(readers));
}

// Every party's name, as recorded now (a party's slug and name do not change).
async function readPartyNames(readers: ReportReaders): Promise<PartyNames> {
  return partyNames(await readers.parties.all(readers.manager));
}
