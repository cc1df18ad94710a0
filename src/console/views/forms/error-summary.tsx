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
