import type { ItemPageData } from '../console-views.service.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { isAdmin } from './is-admin.js';
import { AssessmentForm } from './item/assessment-form.js';
import { EditForm } from './item/edit-form.js';
import { EventActions, isAmendable } from './item/event-actions.js';
import { ItemFacts } from './item/item-facts.js';
import type { ItemForms } from './item/item-forms.js';
import { partyNames } from '../../reports/render/party-names.js';
import { PositionForm } from './item/position-form.js';
import { TransitionForm } from './item/transition-form.js';
import { Layout } from './layout.js';
import { Timeline } from './timeline.js';

export function ItemPage({
  session,
  data,
  forms = {},
}: {
  readonly session: ConsoleSession;
  readonly data: ItemPageData;
  readonly forms?: ItemForms;
}) {
  const { item } = data;
  const partyName = partyNames(data.parties);
  return (
    <Layout title={item.title} session={session} section="items">
      <ItemFacts item={item} partyName={partyName} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <Timeline
          events={data.history}
          partyName={partyName}
          actions={
            isAdmin(session)
              ? (event) => isAmendable(event) && <EventActions slug={item.slug} event={event} />
              : undefined
          }
        />
        {(data.earlierAfter !== null || data.laterAfter !== null) && (
          <nav class="pager" aria-label="History pages">
            {data.laterAfter !== null && (
              <a href={`/items/${encodeURIComponent(item.slug)}?after=${data.laterAfter}#history-heading`}>
                Later events
              </a>
            )}
            {data.earlierAfter !== null && (
              <a href={`/items/${encodeURIComponent(item.slug)}?after=${data.earlierAfter}#history-heading`}>
                Earlier events
              </a>
            )}
          </nav>
        )}
      </section>
      {isAdmin(session) && <TransitionForm session={session} data={data} state={forms.transition} />}
      {isAdmin(session) && <PositionForm session={session} data={data} state={forms.position} />}
      {isAdmin(session) && <AssessmentForm session={session} data={data} state={forms.assessment} />}
      {isAdmin(session) && <EditForm session={session} data={data} state={forms.edit} />}
    </Layout>
  );
}
