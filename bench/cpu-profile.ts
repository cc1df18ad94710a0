import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The parts of a V8 .cpuprofile (as written by node --cpu-prof) needed to add up self time.
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  // Of the time the process was not idle.
  readonly share: number;
}

const IDLE = '(idle)';

// The functions that spent the most time on the CPU themselves, callees excluded.
export function topSelfTime(profilePath: string, count: number): HotFunction[] {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfUs = new Map<string, { name: string; location: string; us: number }>();
  let busyUs = 0;
  profile.samples.forEach((nodeId, index) => {
    // Each sample stands for the time until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    const frame = frames.get(nodeId);
    const name = frame?.functionName || '(anonymous)';
    if (name === IDLE) {
      return;
    }
    busyUs += us;
    const location = frame ? `${shortPath(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    const entry = selfUs.get(key) ?? { name, location, us: 0 };
    entry.us += us;
    selfUs.set(key, entry);
  });
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map(({ name, location, us }) => ({ name, location, selfMs: us / 1000, share: busyUs ? us / busyUs : 0 }));
}

function shortPath(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    return path.slice(inModules + 1);
  }
  const cwd = `${process.cwd()}/`;
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

// The newest profile of a process's main thread in `dir` (node --cpu-prof writes one per thread,
// named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; the main thread is thread 0).
export function newestProfile(dir: string): string | undefined {
  if (!existsSync(dir)) {
    return undefined;
  }
  const files = readdirSync(dir).filter((file) => /\.0\.\d+\.cpuprofile$/.test(file));
  return files.length > 0 ? join(dir, files.sort().at(-1) ?? '') : undefined;
}

export function formatHottest(profile: string, hot: readonly HotFunction[]): string {
  const lines = hot.map(
    (fn) =>
      `${(fn.share * 100).toFixed(1).padStart(5)}%  ${fn.selfMs.toFixed(0).padStart(7)} ms  ${fn.name}  ${fn.location}`,
  );
  return `\nHottest functions of the service by self time (${profile}):\n${lines.join('\n')}\n`;
}
