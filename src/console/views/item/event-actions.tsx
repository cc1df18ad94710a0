import type { HistoryEventView } from '../../../history/history-event.view.js';

// The transitions, positions and assessments still standing can be corrected or retracted, each on a
// page of its own.
export function isAmendable(event: HistoryEventView): boolean {
  return (
    (event.action === 'transitioned' || event.action === 'positioned' || event.action === 'assessed') &&
    event.retractedBy === undefined
  );
}

// An amendable event's own Correct and Retract links, named with its number.
export function EventActions({ slug, event }: { readonly slug: string; readonly event: HistoryEventView }) {
  const base = `/items/${encodeURIComponent(slug)}/events/${event.seq}`;
  return (
    <p class="event-actions">
      <a href={`${base}/correct`}>Correct event {event.seq}</a>
      <a class="danger-link" href={`${base}/retract`}>
        Retract event {event.seq}
      </a>
    </p>
  );
}
