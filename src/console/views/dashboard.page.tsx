import { CountsBarChart } from '../../reports/render/bar-chart.js';
import { stateLabel } from '../../reports/render/state-style.js';
import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { DashboardData } from '../console-views.service.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { Layout } from './layout.js';
import { ChangesTable } from './parts/changes-table.js';
import { HeadHash } from './parts/head-hash.js';

export function DashboardPage({ session, data }: { readonly session: ConsoleSession; readonly data: DashboardData }) {
  return (
    <Layout title="Dashboard" session={session} section="dashboard">
      <div class="columns">
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">Items per state</h2>
          {/* The reports' own chart. */}
          <CountsBarChart series={[{ label: 'Now', counts: data.counts }]} title="Items per state now" />
          <ul class="counts">
            {WORKFLOW_STATES.map((state) => (
              <li key={state}>
                <a href={`/items?state=${state}`}>{stateLabel(state)}</a>: {data.counts[state]}
              </li>
            ))}
          </ul>
          <p>
            <a href="/items">All items</a> · <a href="/reports">Reports</a>
          </p>
        </section>
        <section aria-labelledby="head-heading">
          <h2 id="head-heading">History head</h2>
          <p>
            The newest event’s hash commits to all {data.head.events} events before it: publish it to prove later that
            the history was not rewritten.
          </p>
          <HeadHash hash={data.head.hash} events={data.head.events} />
          <h2 id="meetings-heading">Meetings</h2>
          <ul>
            {data.meetings.map((meeting) => (
              <li key={meeting.id}>
                <a href={`/meetings/${encodeURIComponent(meeting.slug)}`}>{meeting.name}</a>, {meeting.location},{' '}
                {meeting.heldOn}
              </li>
            ))}
          </ul>
          <p>
            <a href="/meetings">All meetings</a>
          </p>
        </section>
      </div>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest changes</h2>
        {data.latest.length === 0 ? (
          <p>Nothing has been recorded yet.</p>
        ) : (
          <ChangesTable events={data.latest} label="Latest changes, newest first" />
        )}
        <p>
          <a href="/activity">All activity</a>
        </p>
      </section>
    </Layout>
  );
}
