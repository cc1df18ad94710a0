import type { ItemChoice } from '../console-views.service.js';
import { ErrorSummary } from './forms/error-summary.js';
import type { FormPageProps } from './forms/form-section.js';
import { PostForm } from './forms/post-form.js';
import { TextArea } from './forms/text-area.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';

export const NEW_ITEM_FIELDS = ['slug', 'title', 'summary', 'category', 'proposedBy', 'proposedOn', 'sourceUrl'];

// Each field's control, for the links of the error summary.
export const NEW_ITEM_IDS: Readonly<Record<string, string>> = {
  slug: 'new-slug',
  title: 'new-title',
  summary: 'new-summary',
  category: 'new-category',
  proposedBy: 'new-proposed-by',
  proposedOn: 'new-proposed-on',
  sourceUrl: 'new-source-url',
};

// Category and proposer are offered from the items recorded so far; a new one may be typed.
export function NewItemPage({
  session,
  values = {},
  error,
  items,
}: FormPageProps & { readonly items: readonly ItemChoice[] }) {
  const distinct = (pick: (item: ItemChoice) => string) => [...new Set(items.map(pick))].sort();
  return (
    <Layout title="New item" session={session} section="items">
      {error && <ErrorSummary title={error.title} messages={error.messages} fields={error.fields} />}
      <datalist id="known-categories">
        {distinct((item) => item.category).map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <datalist id="known-proposers">
        {distinct((item) => item.proposedBy).map((proposer) => (
          <option key={proposer} value={proposer} />
        ))}
      </datalist>
      <PostForm session={session} action="/items/new" class="stack">
        <TextField id="new-title" name="title" label="Title" value={values.title} required maxLength={200} />
        <TextField
          id="new-slug"
          name="slug"
          label="Slug"
          value={values.slug}
          maxLength={64}
          hint="It names the item in links and never changes. Left empty, it is made from the title (“Missile defence cooperation” gives missile-defence-cooperation)."
        />
        <TextArea id="new-summary" name="summary" label="Summary" value={values.summary} required maxLength={5000} />
        <TextField
          id="new-category"
          name="category"
          label="Category"
          value={values.category}
          required
          maxLength={64}
          list="known-categories"
        />
        <TextField
          id="new-proposed-by"
          name="proposedBy"
          label="Proposed by"
          value={values.proposedBy}
          required
          maxLength={100}
          list="known-proposers"
        />
        <TextField
          id="new-proposed-on"
          name="proposedOn"
          label="Proposed on"
          type="date"
          value={values.proposedOn}
          required
        />
        <TextField id="new-source-url" name="sourceUrl" label="Source URL" type="url" value={values.sourceUrl} />
        <div class="actions">
          <button type="submit">Create item</button>
        </div>
      </PostForm>
    </Layout>
  );
}
