import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, platform, arch, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startChildServer, type ChildServer } from './child-server.js';
import { formatHottest, newestProfile, topSelfTime } from './cpu-profile.js';
import { buildDataset } from './dataset.js';
import { waitForWritesToSettle } from './item-pool.js';
import { mergeSlices, runLoad, type LoadSlice } from './load.js';
import { checkTargets, formatReport, scenarioResult, type ScenarioResult } from './report.js';
import { formatStorm, readerStorm, signIn } from './reader-storm.js';
import { scenarios, type Scenario, type ScenarioEnv, type Target } from './scenarios.js';

// npm run bench -- [--items 10000] [--events 200000] [--connections 50] [--duration 10] [--warmup 2]
//                  [--rounds 2] [--only read-one,transition] [--profile] [--node-options=--max-old-space-size=128] [--port 4600]
//                  [--storm 45]
// After the scenarios, the reader storm (bench/reader-storm.ts) runs for --storm seconds (0: not at
// all); --only reader-storm runs it alone.
const { values: flags } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    // The duration is split into this many slices per scenario, taken in turns with the others.
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
    // Runs the service under node --cpu-prof and prints its hottest functions.
    profile: { type: 'boolean', default: false },
    // Extra node options for the service, e.g. "--max-old-space-size=128", to try a setting.
    'node-options': { type: 'string', default: '' },
    // The first of three ports to use (service, ceiling (a), ceiling (b)); free ones by default.
    port: { type: 'string' },
    storm: { type: 'string', default: '45' },
  },
});
const STORM = 'reader-storm';

const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = join(root, 'bench', 'results');
const items = positive('items');
const events = positive('events');
const connections = positive('connections');
const durationSeconds = positive('duration');
const warmupSeconds = positive('warmup', 0);
const rounds = positive('rounds');

const serviceNodeOptions = [...startScriptNodeFlags(), ...flags['node-options'].split(' ').filter(Boolean)];
const catalogue = scenarios({ connections, items });
const onlyKeys = flags.only?.split(',').map((key) => key.trim());
const stormSeconds = positive('storm', 0);
const storming = stormSeconds > 0 && (onlyKeys === undefined || onlyKeys.includes(STORM));
const selected = select(
  catalogue,
  onlyKeys?.filter((key) => key !== STORM),
);
const startedAt = new Date();
const loadBefore = loadavg();

const work = mkdtempSync(join(tmpdir(), 'policy-tracker-bench-'));
const servers = new Map<Target, ChildServer>();
try {
  progress(`building ${items} items and ${events} events in ${work}`);
  const buildStarted = performance.now();
  const serviceDb = join(work, 'service.sqlite');
  const dataset = await buildDataset(serviceDb, { items, events });
  const buildMs = performance.now() - buildStarted;
  // The storage ceiling writes to its own copy, so both start from the same rows.
  const storageDb = join(work, 'storage.sqlite');
  copyFileSync(serviceDb, storageDb);
  // On disk before the service starts, so that flushing 100 MB does not slow its first commit.
  flushToDisk(serviceDb);
  flushToDisk(storageDb);

  const token = `bench-${randomBytes(24).toString('hex')}`;
  // The console's pages are read with a session cookie, which the API ignores (set once the service answers).
  const auth: Record<string, string> = { authorization: `Bearer ${token}` };
  const firstPort = flags.port === undefined ? undefined : positive('port');
  const port = async (offset: number) => (firstPort === undefined ? freePort() : firstPort + offset);
  const profileDir = join(resultsDir, 'profiles', startedAt.toISOString().replace(/[:.]/g, '-'));
  const needed = new Set(selected.map((scenario) => scenario.target));

  // The service starts first and alone, so that its startup time is its own.
  const servicePort = await port(0);
  servers.set(
    'service',
    await startChildServer({
      name: 'service',
      script: join(root, 'dist', 'src', 'main.js'),
      nodeOptions: [...serviceNodeOptions, ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: {
        DATABASE_URL: `sqlite:${serviceDb}`,
        PORT: String(servicePort),
        HOST: '127.0.0.1',
        TRACKER_ADMIN_TOKEN: token,
        TRACKER_SEED: 'false',
        LOG_LEVEL: 'warn',
      },
      port: servicePort,
      healthPath: '/health',
    }),
  );
  for (const [target, mode, offset] of [
    ['http-ceiling', 'http', 1],
    ['storage-ceiling', 'storage', 2],
  ] as const) {
    if (needed.has(target)) {
      const listen = await port(offset);
      servers.set(
        target,
        await startChildServer({
          name: target,
          script: join(root, 'dist', 'bench', 'baseline-server.js'),
          args: ['--mode', mode, '--port', String(listen), '--database', storageDb, '--token', token],
          port: listen,
          healthPath: '/health',
        }),
      );
    }
  }
  const service = server('service');
  progress(`service answered after ${Math.round(service.startupMs)} ms`);
  auth.cookie = await signIn(service.url, token);

  let meeting: Promise<string> | undefined;
  const envs: Record<Target, ScenarioEnv> = {
    service: {
      databasePath: serviceDb,
      slugs: dataset.slugs,
      meetingSlug: () => (meeting ??= createMeeting(service.url, auth)),
    },
    'storage-ceiling': { databasePath: storageDb, slugs: dataset.slugs, meetingSlug: noMeetings },
    'http-ceiling': { databasePath: serviceDb, slugs: dataset.slugs, meetingSlug: noMeetings },
  };

  // Scenarios whose route the server does not have yet (their branch has not landed) are skipped.
  const unavailable = new Set<string>();
  for (const scenario of selected) {
    if (scenario.probe) {
      const probe = await scenario.probe(envs[scenario.target]);
      if ((await send(server(scenario.target).url, auth, probe.method, probe.path, probe.body)) === 404) {
        unavailable.add(scenario.key);
        progress(`${scenario.key}: not available, the server answers 404 to ${probe.method} ${probe.path}`);
      }
    }
  }
  const runnable = selected.filter((scenario) => !unavailable.has(scenario.key));

  // Each scenario runs in slices, one per round, every round going through all scenarios: a
  // change in the machine's load during the run then weighs on a scenario and its ceiling alike.
  const slices = new Map<string, LoadSlice[]>(runnable.map((scenario) => [scenario.key, []]));
  const serviceRss = new Map<string, number>();
  const load = async (scenario: Scenario, seconds: number) => {
    const env = envs[scenario.target];
    const slice = await runLoad({
      url: server(scenario.target).url,
      connections: scenario.connections,
      durationSeconds: seconds,
      headers: auth,
      plan: await scenario.plan(env),
    });
    if (scenario.target !== 'http-ceiling') {
      await waitForWritesToSettle(env.databasePath);
    }
    return slice;
  };
  for (let round = 1; round <= rounds; round += 1) {
    for (const scenario of runnable) {
      if (round === 1 && warmupSeconds > 0) {
        await load(scenario, warmupSeconds);
      }
      const slice = await load(scenario, durationSeconds / rounds);
      slices.get(scenario.key)?.push(slice);
      if (scenario.target === 'service') {
        serviceRss.set(scenario.key, Math.max(serviceRss.get(scenario.key) ?? 0, service.rssBytes() ?? 0));
      }
      const m = mergeSlices([slice], server(scenario.target).url, scenario.connections);
      progress(
        `round ${round}/${rounds} ${scenario.key}: ${m.requestsPerSecond.toFixed(0)} req/s, p99 ${m.p99Ms} ms, ` +
          `${m.non2xx} non-2xx, ${m.errors} errors`,
      );
      for (const refusal of m.refusals) {
        progress(`  refused: ${refusal}`);
      }
    }
  }

  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    if (unavailable.has(scenario.key)) {
      const { key, label, connections } = scenario;
      results.push({ key, label, connections, available: false, reason: 'not available (404)' });
      continue;
    }
    const measurement = mergeSlices(slices.get(scenario.key) ?? [], server(scenario.target).url, scenario.connections);
    results.push(scenarioResult(scenario, measurement, results, serviceRss.get(scenario.key)));
  }

  const summary = { startupMs: service.startupMs, peakRssBytes: service.peakRssBytes() };
  const storm = storming
    ? await readerStorm(
        { url: service.url, adminToken: token, rssBytes: () => service.rssBytes() },
        stormSeconds,
        progress,
      )
    : undefined;
  await stopAll();
  const targets = checkTargets(results, summary);
  process.stdout.write(`\n${formatReport(results, summary, targets)}\n`);
  if (storm) {
    process.stdout.write(`\n${formatStorm(storm)}\n`);
  }

  const profile = flags.profile ? newestProfile(profileDir) : undefined;
  const hot = profile ? topSelfTime(profile, 30) : undefined;
  if (profile && hot) {
    process.stdout.write(formatHottest(profile, hot));
  }

  mkdirSync(resultsDir, { recursive: true });
  const report = {
    date: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryMb: Math.round(totalmem() / 2 ** 20),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
      node: process.version,
      platform: `${platform()} ${arch()}`,
    },
    flags: {
      items,
      events,
      connections,
      duration: durationSeconds,
      warmup: warmupSeconds,
      rounds,
      only: flags.only ?? null,
      nodeOptions: serviceNodeOptions.join(' '),
    },
    dataset: { items: dataset.items, events: dataset.events, buildMs: Math.round(buildMs) },
    startupMs: Math.round(summary.startupMs),
    peakRssMb: summary.peakRssBytes === undefined ? null : Math.round(summary.peakRssBytes / 2 ** 20),
    scenarios: results,
    targets,
    storm,
    profile: profile ? { path: profile, hottest: hot } : undefined,
  };
  const out = join(resultsDir, 'latest.json');
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${out}\n`);
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}

function server(target: Target): ChildServer {
  const found = servers.get(target);
  if (!found) {
    throw new Error(`no ${target} server was started`);
  }
  return found;
}

async function stopAll(): Promise<void> {
  await Promise.all([...servers.values()].map((child) => child.stop()));
  servers.clear();
}

// The scenarios asked for, each preceded by the ceiling it is compared with.
function select(all: readonly Scenario[], only: readonly string[] | undefined): Scenario[] {
  if (!only) {
    return [...all];
  }
  const keys = new Set(only);
  for (const key of keys) {
    if (!all.some((scenario) => scenario.key === key)) {
      throw new Error(`--only: unknown scenario "${key}"; known: ${all.map((scenario) => scenario.key).join(', ')}`);
    }
  }
  for (const scenario of all) {
    if (keys.has(scenario.key) && scenario.baseline) {
      keys.add(scenario.baseline);
    }
  }
  return all.filter((scenario) => keys.has(scenario.key));
}

function positive(name: keyof typeof flags, least = 1): number {
  const raw = flags[name];
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < least) {
    throw new Error(`--${name}: "${String(raw)}" must be a whole number of at least ${least}`);
  }
  return value;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function send(
  url: string,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<number> {
  const response = await fetch(url + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

async function createMeeting(url: string, headers: Record<string, string>): Promise<string> {
  const slug = `bench-meeting-${Date.now()}`;
  const status = await send(url, headers, 'POST', '/api/meetings', {
    slug,
    name: 'Benchmark meeting',
    location: 'Loopback',
    heldOn: new Date().toISOString().slice(0, 10),
  });
  if (status !== 201) {
    throw new Error(`creating the benchmark meeting answered ${status}`);
  }
  return slug;
}

async function noMeetings(): Promise<string> {
  throw new Error('only the service has meetings');
}

function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// The node flags `npm start` gives the service (package.json), so the bench measures it as deployed.
function startScriptNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}
