import type { EventPageData } from '../../console-views.service.js';
import { partyNames } from '../../../reports/render/party-names.js';
import { Timeline } from '../timeline.js';

// The event as the timeline shows it, above the form that amends it.
export function TheEvent({ data }: { readonly data: EventPageData }) {
  return (
    <section aria-labelledby="event-heading">
      <h2 id="event-heading">The event</h2>
      <Timeline events={[data.event]} partyName={partyNames(data.parties)} />
    </section>
  );
}
