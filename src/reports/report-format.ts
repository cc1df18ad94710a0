import { DomainError } from '../common/domain-error.js';

export const REPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

// Media types as clients name them in Accept, in the order preferred when several tie.
const MEDIA_TYPES: ReadonlyArray<readonly [string, ReportFormat]> = [
  ['application/json', 'json'],
  ['text/html', 'html'],
  ['text/csv', 'csv'],
  ['text/markdown', 'md'],
];

interface AcceptRange {
  readonly type: string;
  readonly quality: number;
}

// `format` wins over Accept; no Accept (or */*) means JSON. An Accept that names nothing we
// can produce is 406. An unknown `format` never gets here: the query validation refuses it.
export function negotiateFormat(format: ReportFormat | undefined, accept: string | undefined): ReportFormat {
  if (format) {
    return format;
  }
  if (!accept?.trim()) {
    return 'json';
  }
  // The highest quality wins; at equal quality an exact type beats text/*, which beats */*.
  let best: { format: ReportFormat; quality: number; specificity: number } | undefined;
  for (const range of parseAccept(accept)) {
    const match = MEDIA_TYPES.find(([type]) => matches(range.type, type));
    const candidate = match && { format: match[1], quality: range.quality, specificity: specificity(range.type) };
    if (
      candidate &&
      candidate.quality > 0 &&
      (!best ||
        candidate.quality > best.quality ||
        (candidate.quality === best.quality && candidate.specificity > best.specificity))
    ) {
      best = candidate;
    }
  }
  if (!best) {
    throw new DomainError(
      'not_acceptable',
      `None of "${accept}" can be produced; reports come as ${MEDIA_TYPES.map(([type]) => type).join(', ')}.`,
      { available: MEDIA_TYPES.map(([type]) => type) },
    );
  }
  return best.format;
}

function parseAccept(accept: string): AcceptRange[] {
  return accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, quality: Number.isFinite(quality) ? quality : 0 };
  });
}

function matches(range: string, type: string): boolean {
  if (range === '*/*' || range === type) {
    return true;
  }
  return range.endsWith('/*') && type.startsWith(range.slice(0, -1));
}

function specificity(range: string): number {
  if (range === '*/*') {
    return 0;
  }
  return range.endsWith('/*') ? 1 : 2;
}
