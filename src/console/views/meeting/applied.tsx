import type { OutcomesResultView } from '../../../outcomes/outcomes.view.js';
import { Instant } from '../parts/instant.js';
import { counted } from '../parts/counted.js';

// A batch is named by its meeting and the time it was recorded; its id stays for reference.
export function Applied({ result, meeting }: { readonly result: OutcomesResultView; readonly meeting: string }) {
  const positions = result.positions?.length ?? 0;
  return (
    <div class="notice" role="status">
      <h2>Outcomes applied</h2>
      <p>
        {counted(result.outcomes.length, 'outcome')} and {counted(positions, 'position')} recorded, effective{' '}
        {result.effectiveOn}, as one batch: {meeting}, <Instant iso={new Date().toISOString()} /> (reference{' '}
        <code>{result.batch}</code>).
      </p>
    </div>
  );
}
