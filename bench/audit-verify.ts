import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditSqliteFile } from '../src/audit/audit-file.js';

// npm run bench:audit -- --items 10000 --events 200000
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
  },
});
const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-bench-'));
const path = join(directory, 'tracker.sqlite');
try {
  // Built in another process, so that the peak RSS below is the audit's own.
  const builder = join(dirname(fileURLToPath(import.meta.url)), 'build-dataset.js');
  execFileSync(process.execPath, [builder, '--out', path, '--items', values.items, '--events', values.events], {
    stdio: 'inherit',
  });
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await auditSqliteFile(path);
  const elapsed = performance.now() - started;
  // On a shared machine the wall time depends on the neighbours; the CPU time much less.
  const cpu = process.cpuUsage(cpuBefore);
  if (!report.ok) {
    throw new Error(`The generated history did not verify: ${JSON.stringify(report.firstProblem)}`);
  }
  const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
  process.stdout.write(
    `audit verify: ${report.events} events in ${Math.round(elapsed)} ms ` +
      `(${Math.round(report.events / (elapsed / 1000))} events/s, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms); ` +
      `RSS ${mib(rssBefore)} before the audit, peak ${mib(process.resourceUsage().maxRSS * 1024)}\n`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
