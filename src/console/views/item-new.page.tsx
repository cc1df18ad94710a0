import { ErrorSummary, Layout, PostForm, TextArea, TextField, type FormPageProps } from './layout.js';

export const NEW_ITEM_FIELDS = ['slug', 'title', 'summary', 'category', 'proposedBy', 'proposedOn', 'sourceUrl'];

export function NewItemPage({ session, values = {}, error }: FormPageProps) {
  return (
    <Layout title="New item" session={session} section="items">
      {error && <ErrorSummary title={error.title} messages={error.messages} />}
      <PostForm session={session} action="/items/new" class="stack">
        <TextField
          id="new-slug"
          name="slug"
          label="Slug"
          value={values.slug}
          required
          hint="Lower-case words joined by hyphens, 3 to 64 characters; it names the item in links and never changes."
        />
        <TextField id="new-title" name="title" label="Title" value={values.title} required maxLength={200} />
        <TextArea id="new-summary" name="summary" label="Summary" value={values.summary} required maxLength={5000} />
        <TextField id="new-category" name="category" label="Category" value={values.category} required maxLength={64} />
        <TextField
          id="new-proposed-by"
          name="proposedBy"
          label="Proposed by"
          value={values.proposedBy}
          required
          maxLength={100}
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
