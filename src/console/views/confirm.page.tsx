import type { ComponentChildren } from 'preact';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { PostForm } from './forms/post-form.js';
import { Layout, type Section } from './layout.js';

// The second step of something that cannot be undone (a retraction, a revocation, disabling an
// account): what will happen, a dangerous button that does it, and a way back. Works without
// JavaScript; nothing changes before the button is pressed.
export function ConfirmPage({
  session,
  section,
  title,
  action,
  button,
  back,
  fields = {},
  before,
  children,
}: {
  readonly session: ConsoleSession;
  readonly section: Section;
  readonly title: string;
  readonly action: string;
  readonly button: string;
  readonly back: string;
  // Carried to the post as hidden fields.
  readonly fields?: Readonly<Record<string, string>>;
  // Controls asked for with the confirmation (a reason), above its button.
  readonly before?: ComponentChildren;
  readonly children: ComponentChildren;
}) {
  return (
    <Layout title={title} session={session} section={section}>
      {children}
      <PostForm session={session} action={action} class="stack">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {before}
        <div class="actions">
          <button type="submit" class="danger">
            {button}
          </button>
          <a href={back}>Cancel</a>
        </div>
      </PostForm>
    </Layout>
  );
}
