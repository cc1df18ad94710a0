import { toStoredInstant } from '../common/instant.js';
import type { ReportScopeQuery } from './dto/report-scope.query.js';

export interface ItemFilters {
  readonly category?: string;
  readonly proposedBy?: string;
}

// Which items a report covers, and the instant up to which recorded events count.
export interface ReportScope extends ItemFilters {
  readonly knownAt?: string;
}

export interface DescribedItem {
  readonly category: string;
  readonly proposedBy: string;
}

export function reportScope(query: ReportScopeQuery): ReportScope {
  return {
    knownAt: query.knownAt === undefined ? undefined : toStoredInstant(query.knownAt),
    category: query.category,
    proposedBy: query.proposedBy,
  };
}

export function matchesFilters(item: DescribedItem, filters: ItemFilters): boolean {
  return (
    (filters.category === undefined || item.category === filters.category) &&
    (filters.proposedBy === undefined || item.proposedBy === filters.proposedBy)
  );
}
