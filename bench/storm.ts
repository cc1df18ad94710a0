import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startChildServer } from './child-server.js';
import { formatHottest, newestProfile, topSelfTime } from './cpu-profile.js';
import { buildDataset } from './dataset.js';
import { formatStorm, readerStorm } from './reader-storm.js';

// npm run bench:storm -- [--seconds 45] [--dataset data/bench.sqlite] [--server dist/src/main.js]
//                        [--port 4600] [--profile]
// The reader storm alone (npm run bench runs it after its scenarios too), on a copy of a data set
// built by npm run bench:dataset (or a fresh one), against the built server: --server names another
// build, e.g. one of main, for a before/after comparison. --profile runs the service under
// node --cpu-prof and prints its main thread's hottest functions.
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '45' },
    dataset: { type: 'string' },
    server: { type: 'string', default: 'dist/src/main.js' },
    // The service's port; a free one by default.
    port: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const work = mkdtempSync(join(tmpdir(), 'policy-tracker-storm-'));
const database = join(work, 'storm.sqlite');
const token = 'storm-admin-token-0123456789abcdef';
try {
  if (values.dataset) {
    copyFileSync(values.dataset, database);
  } else {
    await buildDataset(database, { items: 10_000, events: 200_000 });
  }
  const port = values.port ? Number(values.port) : await freePort();
  const profileDir = join(work, 'profiles');
  const service = await startChildServer({
    name: 'service',
    script: resolve(values.server),
    nodeOptions: ['--max-semi-space-size=8', ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: {
      DATABASE_URL: `sqlite:${database}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRACKER_ADMIN_TOKEN: token,
      TRACKER_SEED: 'false',
      LOG_LEVEL: 'warn',
    },
    port,
    healthPath: '/health',
  });
  try {
    const result = await readerStorm(
      { url: service.url, adminToken: token, rssBytes: () => service.rssBytes() },
      Number(values.seconds),
      (line) => process.stderr.write(`[storm] ${line}\n`),
    );
    process.stdout.write(`${formatStorm(result)}\n${JSON.stringify(result)}\n`);
  } finally {
    await service.stop();
  }
  const profile = values.profile ? newestProfile(profileDir) : undefined;
  if (profile) {
    process.stdout.write(formatHottest(profile, topSelfTime(profile, 30)));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
