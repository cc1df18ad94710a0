import { DomainError } from '../common/domain-error.js';

// How long a refused asker is told to wait: about what a few builds take.
const RETRY_AFTER_SECONDS = 5;

// Building a report is the one thing a reader can make expensive (a status report per day of a
// decade, in HTML): builds take turns, `concurrency` at a time, so that item reads and /health
// keep getting the server in between. At most `limit` builds wait; a question beyond that is a
// 503 with Retry-After rather than an ever longer queue. (Askers of the same question share one
// build: the rendered-report cache hands them the same promise before it reaches this queue.)
export class ReportBuildQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly limit: number,
  ) {}

  async run(build: () => Promise<Buffer>): Promise<Buffer> {
    if (this.running < this.concurrency) {
      this.running += 1;
    } else if (this.waiting.length >= this.limit) {
      throw new DomainError(
        'report_queue_full',
        `${this.running + this.waiting.length} reports are being built or waiting; ask again in ${RETRY_AFTER_SECONDS} s.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    } else {
      // A finishing build hands its turn straight to the first in line.
      await new Promise<void>((start) => this.waiting.push(start));
    }
    try {
      // A build on SQLite is synchronous from end to end (better-sqlite3 answers at once), so without
      // this turn of the event loop every request read in one poll phase would build its report
      // there and then, one after the other, and /health would wait for all of them.
      await new Promise((turn) => setImmediate(turn));
      return await build();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.running -= 1;
      }
    }
  }
}
