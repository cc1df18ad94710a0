import type { FeedEventView } from '../../history/history-feed.service.js';
import type { HistoryEventView } from '../../history/history-event.view.js';
import { stateColour, stateLabel } from '../../reports/render/state-style.js';
import type { WorkflowState } from '../../workflow/workflow.definition.js';

export function StateBadge({ state }: { readonly state: WorkflowState | null }) {
  if (!state) {
    return <span>—</span>;
  }
  return (
    <span class="state" style={`--state-colour: ${stateColour(state)}`}>
      {stateLabel(state)}
    </span>
  );
}

export function StateChange({ from, to }: { readonly from: WorkflowState | null; readonly to: WorkflowState | null }) {
  if (!from) {
    return <StateBadge state={to} />;
  }
  return (
    <span>
      <StateBadge state={from} /> → <StateBadge state={to} />
    </span>
  );
}

export function ItemLink({ slug, title }: { readonly slug: string; readonly title?: string }) {
  return <a href={`/items/${encodeURIComponent(slug)}`}>{title ?? slug}</a>;
}

export function MeetingLink({ slug }: { readonly slug: string | null }) {
  return slug ? <a href={`/meetings/${encodeURIComponent(slug)}`}>{slug}</a> : <span>—</span>;
}

export function actionLabel(event: HistoryEventView): string {
  switch (event.action) {
    case 'created':
      return 'Created';
    case 'updated':
      return 'Fields edited';
    case 'transitioned':
      return 'State changed';
  }
}

// Who did what to which item, when it took effect and when it was recorded.
export function ChangesTable({
  events,
  caption,
}: {
  readonly events: readonly FeedEventView[];
  readonly caption: string;
}) {
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Change</th>
          <th scope="col">Effective</th>
          <th scope="col">Recorded</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <ItemLink slug={event.item} title={event.title} />
            </td>
            <td>
              {actionLabel(event)}
              {event.action === 'transitioned' && (
                <>
                  {': '}
                  <StateChange from={event.fromState} to={event.toState} />
                </>
              )}
            </td>
            <td>{event.effectiveOn}</td>
            <td>
              <time dateTime={event.recordedAt}>{event.recordedAt.replace('T', ' ').slice(0, 19)}</time>
            </td>
            <td>{event.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
