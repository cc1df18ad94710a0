// The head as `<hash>:<count>`, the checkpoint format the audit accepts, with a copy button when
// the script runs (without it the text is selectable).
export function HeadHash({ hash, events }: { readonly hash: string; readonly events: number }) {
  return (
    <p class="actions">
      <code class="hash" id="history-head">{`${hash}:${events}`}</code>
      <button type="button" class="secondary" data-copy="history-head" hidden>
        Copy head
      </button>
    </p>
  );
}
