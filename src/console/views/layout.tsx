import type { ComponentChildren } from 'preact';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { PostForm } from './forms/post-form.js';
import { StatusMessage } from './status-message.js';

export type Section =
  | 'dashboard'
  | 'items'
  | 'meetings'
  | 'reports'
  | 'compliance'
  | 'activity'
  | 'audit'
  | 'tokens'
  | 'accounts'
  | 'account'
  | 'none';

interface LayoutProps {
  readonly title: string;
  readonly session?: ConsoleSession;
  readonly section?: Section;
  readonly children: ComponentChildren;
}

// Who sees a section: everybody, admins only, or people signed in with an account.
type Audience = 'all' | 'admin' | 'account';

// The one list of the navigation, in order.
const SECTIONS: ReadonlyArray<readonly [Exclude<Section, 'none'>, string, string, Audience]> = [
  ['dashboard', '/', 'Dashboard', 'all'],
  ['items', '/items', 'Items', 'all'],
  ['meetings', '/meetings', 'Meetings', 'all'],
  ['reports', '/reports', 'Reports', 'all'],
  ['compliance', '/compliance', 'Compliance', 'all'],
  ['activity', '/activity', 'Activity', 'all'],
  ['audit', '/audit', 'Audit', 'all'],
  ['tokens', '/tokens', 'Tokens', 'admin'],
  ['accounts', '/accounts', 'Accounts', 'admin'],
  ['account', '/account', 'Your account', 'account'],
];

function sees(session: ConsoleSession, audience: Audience): boolean {
  switch (audience) {
    case 'all':
      return true;
    case 'admin':
      return session.actor.role === 'admin';
    case 'account':
      return session.kind === 'account';
  }
}

// Every page: one stylesheet, one small deferred script (progressive enhancement only), the
// navigation and `Sign out` when signed in, and the page's own heading.
export function Layout({ title, session, section = 'none', children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · policy-tracker`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <span class="brand">policy-tracker</span>
          {session && (
            <nav aria-label="Console">
              <ul>
                {SECTIONS.filter(([, , , audience]) => sees(session, audience)).map(([key, href, label]) => (
                  <li key={key}>
                    <a href={href} aria-current={key === section ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {session && (
            <PostForm session={session} action="/sign-out" class="sign-out">
              <span class="who">
                {session.displayName ?? session.actor.name} ({session.actor.role})
              </span>
              <button type="submit">Sign out</button>
            </PostForm>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{title}</h1>
          {session?.flash && <StatusMessage>{session.flash}</StatusMessage>}
          {children}
        </main>
      </body>
    </html>
  );
}
