import type { ComponentChildren } from 'preact';
import type { FormError, FormValues } from '../../form-values.js';
import type { ConsoleSession } from '../../sessions/console-sessions.service.js';
import { ErrorSummary } from './error-summary.js';
import { PostForm } from './post-form.js';

// What a page with a form is given: the session, and after a refusal what was typed and why.
export interface FormPageProps {
  readonly session: ConsoleSession;
  readonly values?: FormValues;
  readonly error?: FormError;
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
