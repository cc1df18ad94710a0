import type { ActivityPage as ActivityData } from '../../history/history-feed.service.js';
import { EVENT_ACTIONS } from '../../history/history-event.types.js';
import type { MeetingView } from '../../meetings/meeting.view.js';
import type { ActivityQuery } from '../activity.query.js';
import type { FormError } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { ErrorSummary } from './forms/error-summary.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';
import { ChangesTable } from './parts/changes-table.js';

const ACTION_CHOICES: ReadonlyArray<readonly [string, string]> = EVENT_ACTIONS.map((action) => [
  action,
  {
    created: 'Created',
    updated: 'Fields edited',
    transitioned: 'State changed',
    positioned: 'Position taken',
    assessed: 'Compliance assessed',
    corrected: 'Record corrected',
    retracted: 'Retracted',
  }[action],
]);

const FILTERS = ['actor', 'item', 'meeting', 'action', 'from', 'to'] as const;

// Every event of every item, newest first, a page at a time, narrowed by a GET form (it changes
// nothing, so it is bookmarkable and needs no CSRF field).
export function ActivityPage({
  session,
  query,
  typed,
  data,
  meetings,
  error,
}: {
  readonly session: ConsoleSession;
  readonly query: ActivityQuery;
  // The filters as typed, shown again whether they were valid or not.
  readonly typed: Readonly<Record<string, string>>;
  readonly data?: ActivityData;
  readonly meetings: readonly MeetingView[];
  readonly error?: FormError;
}) {
  const kept = new URLSearchParams(
    FILTERS.flatMap((name) => {
      const value = query[name];
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );
  const older = data?.before ?? null;
  return (
    <Layout title="Activity" session={session} section="activity">
      <form method="get" action="/activity" class="filters" aria-label="Filter the activity">
        {error && <ErrorSummary title={error.title} messages={error.messages} />}
        <TextField id="activity-actor" name="actor" label="Actor" value={typed.actor} maxLength={64} />
        <TextField id="activity-item" name="item" label="Item (slug)" value={typed.item} maxLength={200} />
        <SelectField
          id="activity-meeting"
          name="meeting"
          label="Meeting"
          placeholder="Any meeting"
          options={meetings.map((meeting) => [meeting.slug, `${meeting.name}, ${meeting.heldOn}`])}
          selected={typed.meeting}
        />
        <SelectField
          id="activity-action"
          name="action"
          label="Change"
          placeholder="Any change"
          options={ACTION_CHOICES}
          selected={typed.action}
        />
        <TextField id="activity-from" name="from" label="Recorded from" type="date" value={typed.from} />
        <TextField id="activity-to" name="to" label="Recorded to" type="date" value={typed.to} />
        <div class="actions">
          <button type="submit">Filter</button>
          <a href="/activity">Clear</a>
        </div>
      </form>
      {data &&
        (data.events.length === 0 ? (
          <p>No event matches.</p>
        ) : (
          <ChangesTable events={data.events} label="Activity, newest first" />
        ))}
      <nav class="pager" aria-label="Activity pages">
        {query.before !== undefined && <a href={`/activity?${kept.toString()}`}>Newest</a>}
        {older !== null && <a href={`/activity?${withBefore(kept, older)}`}>Older events</a>}
      </nav>
    </Layout>
  );
}

function withBefore(kept: URLSearchParams, before: number): string {
  const next = new URLSearchParams(kept);
  next.set('before', String(before));
  return next.toString();
}
