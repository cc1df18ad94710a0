import { setTimeout as sleep } from 'node:timers/promises';

// Probes `<url>/health` ten times a second for `seconds`, in a process of its own (forked by the
// reader storm), so that the latencies measured are the service's and not those of the storm's own
// client busy reading megabytes of answers. Sends the latencies (ms) to its parent when done.
const [url, seconds] = process.argv.slice(2);
const deadline = performance.now() + Number(seconds) * 1000;
const latencies: number[] = [];
while (performance.now() < deadline) {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
  } catch {
    // A probe that got no answer counts with the time it waited.
  }
  latencies.push(performance.now() - started);
  await sleep(100);
}
process.send?.(latencies);
