import type { MeetingView } from '../../meetings/meeting.view.js';
import { DataTable, ErrorSummary, isAdmin, Layout, PostForm, TextField, type FormPageProps } from './layout.js';

export const MEETING_FIELDS = ['slug', 'name', 'location', 'heldOn'];

export function MeetingsPage({
  session,
  meetings,
  values = {},
  error,
}: FormPageProps & { readonly meetings: readonly MeetingView[] }) {
  return (
    <Layout title="Meetings" session={session} section="meetings">
      {meetings.length === 0 ? (
        <p>No meeting has been recorded yet.</p>
      ) : (
        <DataTable
          label="Meetings"
          rows={meetings}
          rowKey={(meeting) => meeting.id}
          columns={[
            {
              header: 'Meeting',
              cell: (meeting) => (
                <>
                  <a href={`/meetings/${encodeURIComponent(meeting.slug)}`}>{meeting.name}</a> ({meeting.slug})
                </>
              ),
            },
            { header: 'Location', cell: (meeting) => meeting.location },
            { header: 'Held on', cell: (meeting) => meeting.heldOn },
          ]}
        />
      )}
      {isAdmin(session) && (
        <section aria-labelledby="new-meeting-heading">
          <h2 id="new-meeting-heading">Record a meeting</h2>
          {error && <ErrorSummary title={error.title} messages={error.messages} />}
          <PostForm session={session} action="/meetings" class="stack">
            <TextField id="meeting-slug" name="slug" label="Slug" value={values.slug} required maxLength={64} />
            <TextField id="meeting-name" name="name" label="Name" value={values.name} required maxLength={200} />
            <TextField id="meeting-location" name="location" label="Location" value={values.location} required />
            <TextField id="meeting-held-on" name="heldOn" label="Held on" type="date" value={values.heldOn} required />
            <div class="actions">
              <button type="submit">Create meeting</button>
            </div>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
