import type { ListItemsQuery } from '../../items/dto/list-items.query.js';
import type { ItemPage } from '../../items/item.view.js';
import { STANCE_OPTIONS } from './forms/stance-options.js';
import { STATE_OPTIONS } from './forms/state-options.js';
import type { PartyView } from '../../parties/party.view.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable } from '../../reports/render/data-table.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { ItemLink } from './parts/item-link.js';
import { StateBadge } from './parts/state-badge.js';

const SORTS: ReadonlyArray<readonly [string, string]> = [
  ['slug', 'Slug'],
  ['title', 'Title'],
  ['-updatedAt', 'Last changed, newest first'],
  ['stateSince', 'In state since, oldest first'],
  ['-stateSince', 'In state since, newest first'],
  ['proposedOn', 'Proposed on, oldest first'],
  ['state', 'State'],
  ['category', 'Category'],
  ['proposedBy', 'Proposed by'],
];

export function ItemsPage({
  session,
  query,
  page,
  parties,
}: {
  readonly session: ConsoleSession;
  readonly query: ListItemsQuery;
  readonly page: ItemPage;
  readonly parties: readonly PartyView[];
}) {
  const link = (offset: number) => {
    const params = new URLSearchParams();
    // A filter left out is undefined, which Object.entries' type forgets.
    for (const [name, value] of Object.entries({ ...query, offset }) as Array<[string, string | number | undefined]>) {
      if (value !== undefined && value !== '' && !(name === 'offset' && value === 0)) {
        params.set(name, String(value));
      }
    }
    return `/items?${params.toString()}`;
  };
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.data.length;
  return (
    <Layout title="Items" session={session} section="items">
      {isAdmin(session) && (
        <p>
          <a class="button" href="/items/new">
            New item
          </a>
        </p>
      )}
      <form method="get" action="/items" class="filters" role="search" aria-label="Filter items">
        <TextField id="filter-q" name="q" label="Text" type="search" value={query.q} maxLength={200} />
        <SelectField
          id="filter-state"
          name="state"
          label="State"
          placeholder="Any state"
          options={STATE_OPTIONS}
          selected={query.state}
        />
        <TextField id="filter-category" name="category" label="Category" value={query.category} maxLength={64} />
        <TextField
          id="filter-proposed-by"
          name="proposedBy"
          label="Proposed by"
          value={query.proposedBy}
          maxLength={100}
        />
        <SelectField
          id="filter-party"
          name="party"
          label="Party"
          placeholder="Any party"
          options={parties.map((party) => [party.slug, party.name])}
          selected={query.party}
        />
        <SelectField
          id="filter-stance"
          name="stance"
          label="Stance"
          placeholder="Any stance"
          options={STANCE_OPTIONS}
          selected={query.stance}
        />
        <SelectField id="filter-sort" name="sort" label="Sort by" options={SORTS} selected={query.sort ?? 'slug'} />
        <div class="actions">
          <button type="submit">Show items</button>
          <a href="/items">Clear filters</a>
        </div>
      </form>
      <p aria-live="polite">{page.total === 0 ? 'No item matches.' : `Items ${first} to ${last} of ${page.total}.`}</p>
      {page.data.length > 0 && (
        <DataTable
          label="Items"
          rows={page.data}
          columns={[
            { header: 'Item', cell: (item) => <ItemLink slug={item.slug} title={item.title} /> },
            { header: 'State', cell: (item) => <StateBadge state={item.state} /> },
            { header: 'Since', cell: (item) => item.stateSince },
            { header: 'Category', cell: (item) => item.category },
            { header: 'Proposed by', cell: (item) => item.proposedBy },
          ]}
        />
      )}
      <nav class="pager" aria-label="Pages">
        {page.offset > 0 && <a href={link(Math.max(0, page.offset - page.limit))}>Previous page</a>}
        {last < page.total && <a href={link(page.offset + page.limit)}>Next page</a>}
      </nav>
    </Layout>
  );
}
