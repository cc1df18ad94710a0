// A report's tables are shown a page of rows at a time (downloads hold every row): one page number
// for the page's tables, in its address, so it works without scripts and can be bookmarked.
export const REPORT_PAGE_ROWS = 100;

export interface Paging {
  readonly page: number;
  readonly link: (page: number) => string;
}

export function paged<T>(rows: readonly T[], { page }: Paging): readonly T[] {
  return rows.slice((page - 1) * REPORT_PAGE_ROWS, page * REPORT_PAGE_ROWS);
}
