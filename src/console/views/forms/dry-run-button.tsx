// The first step of a batch form: checks and shows what would be written. Once a preview is shown,
// Apply is the main button and this one steps back.
export function DryRunButton({ previewShown }: { readonly previewShown: boolean }) {
  return (
    <div class="actions">
      <button type="submit" name="action" value="dry-run" class={previewShown ? 'secondary' : undefined}>
        Dry run
      </button>
    </div>
  );
}
