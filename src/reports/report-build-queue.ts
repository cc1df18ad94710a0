import { ClientAdmission } from '../common/client-admission.js';
import { DomainError } from '../common/domain-error.js';

// How long a refused asker is told to wait: about what a few builds take.
const RETRY_AFTER_SECONDS = 5;

// Which builds run, and whose. `concurrency` run at once (one per worker thread), at most `limit`
// wait; a question beyond that is a 503 with Retry-After rather than an ever longer queue. One
// client (a token, or the console session of one) may have `perClient` builds running or waiting:
// beyond that its answer is a 429 with Retry-After, so that one reader cannot take every worker.
// (Askers of the same question share one build: the rendered-report cache hands them the same
// promise before it reaches this queue.)
export class ReportBuildQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly clients: ClientAdmission;

  constructor(
    private readonly concurrency: number,
    private readonly limit: number,
    perClient: number,
  ) {
    this.clients = new ClientAdmission(
      perClient,
      (client, running) =>
        new DomainError(
          'too_many_reports',
          `${running} reports asked for by "${client}" are being built or waiting; ask again in ${RETRY_AFTER_SECONDS} s.`,
          { retryAfterSeconds: RETRY_AFTER_SECONDS },
        ),
    );
  }

  run(client: string, build: () => Promise<Buffer>): Promise<Buffer> {
    return this.clients.admit(client, async () => {
      if (this.running >= this.concurrency && this.waiting.length >= this.limit) {
        throw new DomainError(
          'report_queue_full',
          `${this.running + this.waiting.length} reports are being built or waiting; ask again in ${RETRY_AFTER_SECONDS} s.`,
          { retryAfterSeconds: RETRY_AFTER_SECONDS },
        );
      }
      return this.inTurn(build);
    });
  }

  private async inTurn(build: () => Promise<Buffer>): Promise<Buffer> {
    if (this.running < this.concurrency) {
      this.running += 1;
    } else {
      // A finishing build hands its turn straight to the first in line.
      await new Promise<void>((start) => this.waiting.push(start));
    }
    try {
      // Built inline (REPORT_WORKERS=inline), a build on SQLite is synchronous from end to end:
      // without this turn of the event loop every request read in one poll phase would build its
      // report there and then, one after the other, and /health would wait for all of them.
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
