import type { FeedEventView } from '../../history/history-feed.service.js';
import type { HistoryEventView } from '../../history/history-event.view.js';
import { stateLabel } from '../../reports/render/state-style.js';
import type { WorkflowState } from '../../workflow/workflow.definition.js';
import { DataTable } from '../../reports/render/data-table.js';

export function StateBadge({ state }: { readonly state: WorkflowState | null }) {
  if (!state) {
    return <span>—</span>;
  }
  return <span class={`state state-${state}`}>{stateLabel(state)}</span>;
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

// Every instant the console shows, one way: "2026-12-07 01:14 UTC" (the reports' Known at takes it
// back as typed).
export function Instant({ iso }: { readonly iso: string }) {
  return <time dateTime={iso}>{`${iso.slice(0, 16).replace('T', ' ')} UTC`}</time>;
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
    case 'corrected':
      return 'Record corrected';
    case 'retracted':
      // A withdrawn position moves its party's stance back; a withdrawn transition, the state.
      return 'stance' in event.changes
        ? 'Position retracted'
        : 'score' in event.changes
          ? 'Assessment retracted'
          : 'Transition retracted';
    case 'positioned':
      return 'Position taken';
    case 'assessed':
      return 'Compliance assessed';
  }
}

// Who did what to which item, when it took effect and when it was recorded.
export function ChangesTable({ events, label }: { readonly events: readonly FeedEventView[]; readonly label: string }) {
  return (
    <DataTable
      label={label}
      caption={label}
      rows={events}
      rowKey={(event) => event.id}
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
