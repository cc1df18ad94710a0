import { scoreText } from '../../assessments/score.js';
import type { ComponentChildren } from 'preact';
import type { HistoryEventView } from '../../history/history-event.view.js';
import { actionLabel } from './parts/action-label.js';
import { Instant } from './parts/instant.js';
import { MeetingLink } from './parts/meeting-link.js';
import { StateChange } from './parts/state-change.js';
import type { PartyNames } from '../../reports/render/party-names.js';

// The fields an edit, a correction or a retraction changes, in people's words.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  effectiveOn: 'Effective date',
  meeting: 'Meeting',
  source: 'Source',
  reason: 'Wording',
  stance: 'Stance',
  statement: 'Statement',
  title: 'Title',
  summary: 'Summary',
  category: 'Category',
  proposedBy: 'Proposed by',
  sourceUrl: 'Source URL',
  state: 'State',
};

// Newest first: each event's number, action, the move, what changed, why, and where it sits in the
// chain; `actions` adds an event's own buttons (correct, retract) beside it.
export function Timeline({
  events,
  partyName,
  actions,
}: {
  readonly events: readonly HistoryEventView[];
  readonly partyName: PartyNames;
  readonly actions?: (event: HistoryEventView) => ComponentChildren;
}) {
  return (
    <ol class="timeline" reversed>
      {[...events].reverse().map((event) => (
        <li key={event.id} id={`event-${event.seq}`}>
          <h3>
            {`Event ${event.seq}: `}
            {actionLabel(event)}
            {event.action === 'transitioned' && (
              <>
                {': '}
                <StateChange from={event.fromState} to={event.toState} />
              </>
            )}
            {event.party && event.stance && `: ${partyName(event.party)} ${event.stance}`}
            {event.party && event.score !== undefined && `: ${partyName(event.party)} ${scoreText(event.score)}`}
          </h3>
          <p class="meta">
            Effective date {event.effectiveOn} · recorded <Instant iso={event.recordedAt} /> · by {event.actor}
            {event.meeting && (
              <>
                {' · meeting '}
                <MeetingLink slug={event.meeting} />
              </>
            )}
            {event.batch && ` · batch ${event.batch.slice(0, 8)}`} · hash <code>{event.hash.slice(0, 12)}</code>
          </p>
          {event.corrects !== undefined && <p>Corrects event {event.corrects}.</p>}
          {event.retracts !== undefined && <p>Retracts event {event.retracts}.</p>}
          {event.correctedBy !== undefined && event.correctedBy.length > 0 && (
            <p class="failure">Corrected later, by event {event.correctedBy.join(', ')}.</p>
          )}
          {event.retractedBy !== undefined && <p class="failure">Retracted later, by event {event.retractedBy}.</p>}
          {event.reason && (
            <p>
              {event.action === 'positioned' ? 'Statement' : event.action === 'assessed' ? 'Evidence' : 'Reason'}:{' '}
              {event.reason}
            </p>
          )}
          {event.source && <p>Source: {event.source}</p>}
          {/* What an edit, a correction or a retraction changed, field by field. */}
          {(event.action === 'updated' || event.action === 'corrected' || event.action === 'retracted') && (
            <ul>
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {FIELD_LABELS[field] ?? field}: {shown(change.from)} → {shown(change.to)}
                </li>
              ))}
            </ul>
          )}
          {actions?.(event)}
        </li>
      ))}
    </ol>
  );
}

function shown(value: unknown): string {
  return value === null || value === undefined
    ? '(none)'
    : typeof value === 'string'
      ? `“${value}”`
      : JSON.stringify(value);
}
