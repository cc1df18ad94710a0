import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDataset } from './dataset.js';

// npm run bench:dataset -- --out data/bench.sqlite --items 10000 --events 200000
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/bench.sqlite' },
    items: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
  },
});
const out = values.out;
rmSync(out, { force: true });
rmSync(`${out}-wal`, { force: true });
rmSync(`${out}-shm`, { force: true });
const started = performance.now();
const dataset = await buildDataset(out, { items: Number(values.items), events: Number(values.events) });
process.stdout.write(
  `Built ${dataset.items} items and ${dataset.events} events (${dataset.firstDay} to ${dataset.lastDay}) in ${out} in ${Math.round(performance.now() - started)} ms\n`,
);
