import { ConfirmPage } from './confirm.page.js';
import { ErrorSummary } from './forms/error-summary.js';
import type { AmendPageProps } from './amend-event/amend-page-props.js';
import { eventPath, itemPath } from './amend-event/paths.js';
import { TheEvent } from './amend-event/the-event.js';
import { WhyField } from './amend-event/why-field.js';

// A retraction asks first: the reason is typed here, and nothing changes until it is confirmed.
export function RetractEventPage({ session, data, values = {}, error }: AmendPageProps) {
  return (
    <ConfirmPage
      session={session}
      section="items"
      title={`Retract event ${data.event.seq} of “${data.item.title}”?`}
      action={eventPath(data, 'retract')}
      button="Confirm retraction"
      back={itemPath(data)}
      before={
        <>
          {error && <ErrorSummary title={error.title} messages={error.messages} />}
          <WhyField step="retract" values={values} />
        </>
      }
    >
      <TheEvent data={data} />
      <p>
        The event stays in the history, marked as retracted, and stops counting in the item’s state, positions and
        reports. Published reports can still be reproduced.
      </p>
    </ConfirmPage>
  );
}
