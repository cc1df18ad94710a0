import type { FeedEventView } from '../../../history/history-feed.service.js';
import { DataTable } from '../../../reports/render/data-table.js';
import { StateChange } from './state-change.js';
import { Instant } from './instant.js';
import { ItemLink } from './item-link.js';
import { MeetingLink } from './meeting-link.js';
import { actionLabel } from './action-label.js';

// Who did what to which item, when it took effect and when it was recorded.
export function ChangesTable({ events, label }: { readonly events: readonly FeedEventView[]; readonly label: string }) {
  return (
    <DataTable
      label={label}
      caption={label}
      rows={events}
      columns={[
        { header: 'Item', cell: (event) => <ItemLink slug={event.item} title={event.title} /> },
        {
          header: 'Change',
          cell: (event) => (
            <>
              {actionLabel(event)}
              {event.action === 'transitioned' && (
                <>
                  {': '}
                  <StateChange from={event.fromState} to={event.toState} />
                </>
              )}
            </>
          ),
        },
        { header: 'Effective date', cell: (event) => event.effectiveOn },
        { header: 'Meeting', cell: (event) => <MeetingLink slug={event.meeting} /> },
        {
          header: 'Recorded',
          cell: (event) => <Instant iso={event.recordedAt} />,
        },
        { header: 'By', cell: (event) => event.actor },
      ]}
    />
  );
}
