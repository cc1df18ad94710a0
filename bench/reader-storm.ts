import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

// The "reader storm" of issue 22: every expensive read a viewer can ask for, at once, for
// `seconds`, while /health is probed ten times a second (from a process of its own) and the
// service's resident memory sampled.
// 28 readers, as six analysts (one viewer token each; the console's by a session of its own):
//   4 revisions reports from the beginning of time, each for another day;
//   2 HTML changes reports, over the whole data set and over a quarter;
//   8 readers of a fat item's history (600 edits of 5,000 characters) at limit=1000;
//   6 console report pages of the changes over the whole data set;
//   4 item lists filtered by stance (limit=200);
//   4 HTML status and positions reports, each for a random day.
// A refused reader waits as Retry-After says (at most 2 s) and asks again.
export interface StormTarget {
  readonly url: string;
  readonly adminToken: string;
  rssBytes(): number | undefined;
}

export interface StormResult {
  readonly seconds: number;
  readonly readers: number;
  // Answers by status; `timeout` when none came within 60 s, `error` when the connection failed.
  readonly answers: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  readonly health: { readonly probes: number; readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  readonly peakRssMb: number;
  readonly loadAverage: readonly number[];
}

const TIMEOUT_MS = 60_000;
const FAT_EDITS = 600;

interface Reader {
  readonly headers: Record<string, string>;
  readonly path: () => string;
}

export async function readerStorm(
  target: StormTarget,
  seconds: number,
  log: (line: string) => void,
): Promise<StormResult> {
  const admin = { authorization: `Bearer ${target.adminToken}` };
  log(`reader storm: making a fat item (${FAT_EDITS} edits of 5,000 characters) and six viewer tokens`);
  const fat = await fatItem(target.url, admin);
  const viewer = async (name: string) => ({ authorization: `Bearer ${await viewerToken(target.url, admin, name)}` });
  const [revisions, changes, history, stances, reports] = await Promise.all(
    ['revisions', 'changes', 'history', 'stances', 'reports'].map((name) => viewer(name)),
  );
  const consoleCookie = { cookie: await signIn(target.url, (await viewer('console')).authorization.slice(7)) };
  const day = () =>
    `200${Math.floor(Math.random() * 5)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  const readers: Reader[] = [
    ...times(4, (index) => ({
      headers: revisions,
      path: () => `/api/reports/revisions?from=1970-01-01T00:00:00Z&asOf=200${index}-06-01`,
    })),
    { headers: changes, path: () => '/api/reports/changes?from=2000-01-01&to=2005-12-31&format=html' },
    {
      headers: changes,
      path: () => `/api/reports/changes?from=2003-0${1 + Math.floor(Math.random() * 6)}-01&to=2003-09-30&format=html`,
    },
    ...times(8, () => ({ headers: history, path: () => `/api/items/${fat}/history?limit=1000` })),
    ...times(6, () => ({
      headers: consoleCookie,
      path: () => '/reports?report=changes&from=2000-01-01&to=2005-12-31',
    })),
    ...times(4, () => ({ headers: stances, path: () => '/api/items?stance=opposes&limit=200' })),
    ...times(4, (index) => ({
      headers: reports,
      path: () => `/api/reports/${index % 2 ? 'positions' : 'status'}?asOf=${day()}&format=html`,
    })),
  ];

  log(`reader storm: ${readers.length} readers for ${seconds} s`);
  const answers: Record<string, number> = {};
  let peakRss = target.rssBytes() ?? 0;
  const deadline = performance.now() + seconds * 1000;
  const running = () => performance.now() < deadline;
  const count = (key: string) => (answers[key] = (answers[key] ?? 0) + 1);

  const read = async (reader: Reader) => {
    while (running()) {
      const answer = await timed(target.url + reader.path(), reader.headers);
      count(answer.status);
      if (answer.retryAfter !== undefined) {
        await sleep(Math.min(answer.retryAfter, 2) * 1000);
      }
    }
  };
  const sample = async () => {
    while (running()) {
      peakRss = Math.max(peakRss, target.rssBytes() ?? 0);
      await sleep(250);
    }
  };
  const [health] = await Promise.all([probeHealth(target.url, seconds), ...readers.map(read), sample()]);
  peakRss = Math.max(peakRss, target.rssBytes() ?? 0);
  const serverErrors = Object.entries(answers)
    .filter(([status]) => status.startsWith('5') || status === 'timeout' || status === 'error')
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    seconds,
    readers: readers.length,
    answers,
    serverErrors,
    health: {
      probes: health.length,
      p50Ms: Math.round(percentile(health, 50)),
      p99Ms: Math.round(percentile(health, 99)),
      maxMs: Math.round(Math.max(0, ...health)),
    },
    peakRssMb: Math.round(peakRss / 2 ** 20),
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function formatStorm(result: StormResult): string {
  const answers = Object.entries(result.answers)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  const { health } = result;
  const met = health.p99Ms < 500 && health.maxMs <= 1000 && result.peakRssMb < 600 && result.serverErrors === 0;
  return [
    `Reader storm: ${result.readers} readers for ${result.seconds} s (load average ${result.loadAverage.join(' ')})`,
    `  /health: p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms over ${health.probes} probes`,
    `  peak RSS ${result.peakRssMb} MB; answers ${answers}`,
    `  targets (p99 < 500 ms, max <= 1 s, RSS < 600 MB, no 5xx): ${met ? 'met' : 'NOT met'}`,
  ].join('\n');
}

// /health probed from a process of its own (bench/health-probe.ts).
function probeHealth(url: string, seconds: number): Promise<number[]> {
  const child = fork(fileURLToPath(new URL('health-probe.js', import.meta.url)), [url, String(seconds)]);
  return new Promise((resolve, reject) => {
    child.once('message', (latencies) => resolve(latencies as number[]));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the /health prober exited with ${code} before reporting`)));
  });
}

function times<T>(n: number, make: (index: number) => T): T[] {
  return Array.from({ length: n }, (_, index) => make(index));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: string; retryAfter?: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer();
    const retryAfter = response.headers.get('retry-after');
    return {
      ms: performance.now() - started,
      status: String(response.status),
      retryAfter: retryAfter === null ? undefined : Number(retryAfter),
    };
  } catch (error) {
    const status = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error';
    return { ms: performance.now() - started, status };
  }
}

async function call(url: string, headers: Record<string, string>, method: string, body: unknown): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

// An item edited FAT_EDITS times with 5,000-character summaries: its history is ~10 kB an event.
async function fatItem(url: string, headers: Record<string, string>): Promise<string> {
  const slug = `storm-fat-${Date.now()}`;
  await call(`${url}/api/items`, headers, 'POST', {
    slug,
    title: 'An item edited many times',
    summary: 'x',
    category: 'transparency',
    proposedBy: 'NATO',
    proposedOn: '2003-01-01',
  });
  for (let version = 1; version <= FAT_EDITS; version += 1) {
    await call(`${url}/api/items/${slug}`, { ...headers, 'if-match': `"${version}"` }, 'PATCH', {
      summary: `${version} `.padEnd(5000, 'x'),
    });
  }
  return slug;
}

async function viewerToken(url: string, headers: Record<string, string>, name: string): Promise<string> {
  const response = await call(`${url}/api/tokens`, headers, 'POST', {
    name: `storm-${name}-${Date.now()}`,
    role: 'viewer',
  });
  return ((await response.json()) as { token: string }).token;
}

// Signs in to the console as a browser does: the session cookie to send.
export async function signIn(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  await response.arrayBuffer();
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) {
    throw new Error(`signing in to the console answered ${response.status}`);
  }
  return cookie;
}
