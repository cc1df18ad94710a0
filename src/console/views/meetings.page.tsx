import type { MeetingView } from '../../meetings/meeting.view.js';
import { DataTable } from '../../reports/render/data-table.js';
import { FormSection, type FormPageProps } from './forms/form-section.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';

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
        <FormSection
          id="new-meeting"
          heading="Record a meeting"
          error={error}
          session={session}
          action="/meetings"
          actions={<button type="submit">Create meeting</button>}
        >
          <TextField id="meeting-slug" name="slug" label="Slug" value={values.slug} required maxLength={64} />
          <TextField id="meeting-name" name="name" label="Name" value={values.name} required maxLength={200} />
          <TextField id="meeting-location" name="location" label="Location" value={values.location} required />
          <TextField id="meeting-held-on" name="heldOn" label="Held on" type="date" value={values.heldOn} required />
        </FormSection>
      )}
    </Layout>
  );
}
