import { REPORT_PAGE_ROWS, type Paging } from './paging.js';

export function RowsPager({ count, paging }: { readonly count: number; readonly paging: Paging }) {
  const { page, link } = paging;
  if (count <= REPORT_PAGE_ROWS) {
    return null;
  }
  const first = (page - 1) * REPORT_PAGE_ROWS + 1;
  const last = Math.min(count, page * REPORT_PAGE_ROWS);
  return (
    <p class="pager">
      {first <= count ? `Rows ${first} to ${last} of ${count}.` : `No rows on page ${page} (${count} in all).`}{' '}
      {page > 1 && <a href={link(page - 1)}>Previous rows</a>} {last < count && <a href={link(page + 1)}>Next rows</a>}
    </p>
  );
}
