export function RowProblems({ messages }: { readonly messages?: readonly string[] }) {
  return messages ? (
    <ul class="failure">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  ) : null;
}
