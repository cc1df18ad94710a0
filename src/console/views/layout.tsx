import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../console.guard.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';

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

function CsrfField({ session }: { readonly session: ConsoleSession }) {
  return <input type="hidden" name={CSRF_FIELD} value={session.csrfToken} />;
}

// One of a page's own forms, in a section its heading names (`${id}-heading`): an introduction, what
// was refused last time, then the form's fields and its buttons. A collapsible one is a <details>
// whose summary is the heading, closed unless `open` (as after a refusal of it).
export function FormSection({
  id,
  heading,
  intro,
  error,
  session,
  action,
  actions,
  collapsible,
  children,
}: {
  readonly id: string;
  readonly heading: string;
  readonly intro?: ComponentChildren;
  readonly error?: FormError;
  readonly session: ConsoleSession;
  readonly action: string;
  readonly actions: ComponentChildren;
  readonly collapsible?: { readonly open: boolean };
  readonly children: ComponentChildren;
}) {
  const title = <h2 id={`${id}-heading`}>{heading}</h2>;
  const body = (
    <>
      {intro}
      {error && <ErrorSummary title={error.title} messages={error.messages} fields={error.fields} />}
      <PostForm session={session} action={action} class="stack">
        {children}
        <div class="actions">{actions}</div>
      </PostForm>
    </>
  );
  return (
    <section aria-labelledby={`${id}-heading`}>
      {collapsible ? (
        <details class="form-details" open={collapsible.open}>
          <summary>{title}</summary>
          {body}
        </details>
      ) : (
        <>
          {title}
          {body}
        </>
      )}
    </section>
  );
}

// What a page with a form is given: the session, and after a refusal what was typed and why.
export interface FormPageProps {
  readonly session: ConsoleSession;
  readonly values?: FormValues;
  readonly error?: FormError;
}

// Every form that changes something posts the session's CSRF token first (ConsoleGuard checks it).
export function PostForm({
  session,
  action,
  enctype,
  class: className,
  children,
}: {
  readonly session: ConsoleSession;
  readonly action: string;
  readonly enctype?: 'multipart/form-data';
  readonly class: string;
  readonly children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} enctype={enctype} class={className}>
      <CsrfField session={session} />
      {children}
    </form>
  );
}

export function isAdmin(session: ConsoleSession): boolean {
  return session.actor.role === 'admin';
}

// What a write did, said once on the page shown after it.
export function StatusMessage({ children }: { readonly children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      <p>{children}</p>
    </div>
  );
}

// What went wrong, in words, at the top of a form. It takes the focus as the page opens (autofocus
// needs no script), so a refused form is read from its refusal rather than from the page's top.
export function ErrorSummary({
  title,
  messages,
  fields = [],
}: {
  readonly title: string;
  readonly messages: readonly string[];
  readonly fields?: readonly (string | undefined)[];
}) {
  return (
    <div class="error-summary" role="alert" id="form-error" tabIndex={-1} autofocus>
      <h2>{title}</h2>
      {messages.length > 0 && (
        <ul>
          {messages.map((message, index) => {
            const field = fields[index];
            return <li key={index}>{field ? <a href={`#${field}`}>{message}</a> : message}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

// preact types each input type's attributes apart: one literal object per type keeps them apart.
export const INPUT_TYPES = {
  text: { type: 'text' },
  search: { type: 'search' },
  date: { type: 'date' },
  url: { type: 'url' },
  password: { type: 'password' },
} as const;

interface FieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  readonly type?: keyof typeof INPUT_TYPES;
  readonly required?: boolean;
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly maxLength?: number;
  // A <datalist> of suggestions; any other value may still be typed.
  readonly list?: string;
}

// A label, an optional hint the control is described by, and the control itself.
function Field({
  id,
  label,
  hint,
  children,
}: Pick<FieldProps, 'id' | 'label' | 'hint'> & { readonly children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}

export function TextField({
  id,
  name,
  label,
  value,
  type = 'text',
  required,
  hint,
  autocomplete,
  maxLength,
  list,
}: FieldProps) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        {...(type === 'text' && list ? { list } : {})}
        id={id}
        name={name}
        {...INPUT_TYPES[type]}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </Field>
  );
}

// A drop-down of [value, label] choices; a placeholder is a first, empty choice that means none.
export function SelectField({
  id,
  name,
  label,
  options,
  selected,
  placeholder,
  required,
}: Pick<FieldProps, 'id' | 'name' | 'label' | 'required'> & {
  readonly options: ReadonlyArray<readonly [string, string]>;
  readonly selected?: string;
  readonly placeholder?: string;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} required={required}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value} selected={selected === value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

// A party chosen by name from the list of parties, sent by slug.
export function PartySelect({
  id,
  parties,
  selected,
}: {
  readonly id: string;
  readonly parties: readonly { readonly slug: string; readonly name: string }[];
  readonly selected?: string;
}) {
  return (
    <SelectField
      id={id}
      name="party"
      label="Party"
      placeholder="Choose a party"
      required
      options={parties.map((party) => [party.slug, party.name])}
      selected={selected}
    />
  );
}

export function TextArea({ id, name, label, value, required, hint, maxLength }: FieldProps) {
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={3}
        required={required}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {value ?? ''}
      </textarea>
    </Field>
  );
}
