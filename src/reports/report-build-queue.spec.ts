import { DomainError } from '../common/domain-error.js';
import { ReportBuildQueue } from './report-build-queue.js';

// A build that finishes when the test says so.
function controlled() {
  let finish: (value: Buffer) => void = () => undefined;
  const done = new Promise<Buffer>((resolve) => (finish = resolve));
  let started = false;
  return {
    build: () => {
      started = true;
      return done;
    },
    get started() {
      return started;
    },
    finish: () => finish(Buffer.from('built')),
  };
}

// Builds start on a later turn of the event loop; a few turns let every step happen.
const tick = async () => {
  for (let turn = 0; turn < 3; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('ReportBuildQueue', () => {
  it('runs at most `concurrency` builds at once, the others in turn as builds finish', async () => {
    const queue = new ReportBuildQueue(2, 5, 10);
    const builds = Array.from({ length: 4 }, controlled);
    const answers = builds.map((build) => queue.run(`client ${builds.indexOf(build)}`, build.build));
    await tick();
    expect(builds.map((build) => build.started)).toEqual([true, true, false, false]);
    builds[0]?.finish();
    await tick();
    expect(builds.map((build) => build.started)).toEqual([true, true, true, false]);
    builds.slice(1).forEach((build) => build.finish());
    await expect(Promise.all(answers)).resolves.toHaveLength(4);
    expect(builds.every((build) => build.started)).toBe(true);
  });

  it('refuses a build when `limit` are waiting already: 503 with Retry-After, nothing started', async () => {
    const queue = new ReportBuildQueue(1, 1, 10);
    const running = controlled();
    const waiting = controlled();
    const refused = controlled();
    const first = queue.run('a', running.build);
    const second = queue.run('b', waiting.build);
    const third = queue.run('c', refused.build);
    await expect(third).rejects.toThrow(DomainError);
    await expect(third).rejects.toMatchObject({
      code: 'report_queue_full',
      extensions: { retryAfterSeconds: expect.any(Number) },
    });
    expect(refused.started).toBe(false);
    running.finish();
    waiting.finish();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
  });

  it("refuses a client's build beyond its own limit with 429 and Retry-After, while others still get theirs", async () => {
    const queue = new ReportBuildQueue(1, 5, 2);
    const [one, two, three, others] = [controlled(), controlled(), controlled(), controlled()];
    const first = queue.run('greedy', one.build);
    const second = queue.run('greedy', two.build);
    const third = queue.run('greedy', three.build);
    await expect(third).rejects.toMatchObject({
      code: 'too_many_reports',
      extensions: { retryAfterSeconds: expect.any(Number) },
    });
    const other = queue.run('modest', others.build);
    await tick();
    one.finish();
    await first;
    // Its first build done, the greedy client may ask again.
    const fourth = queue.run('greedy', () => Promise.resolve(Buffer.from('again')));
    await tick();
    two.finish();
    others.finish();
    await expect(Promise.all([second, other, fourth])).resolves.toHaveLength(3);
    expect(three.started).toBe(false);
  });

  it('goes on after a build fails', async () => {
    const queue = new ReportBuildQueue(1, 1, 10);
    await expect(queue.run('a', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(queue.run('a', () => Promise.resolve(Buffer.from('ok')))).resolves.toEqual(Buffer.from('ok'));
  });
});
