import { ClientAdmission } from '../common/client-admission.js';
import { DomainError } from '../common/domain-error.js';

// A refused reader is told to come back soon: these reads take a fraction of a second each.
const RETRY_AFTER_SECONDS = 1;

// The reads of the items that cost the event loop most, admitted per client (history pages larger
// than the default, item lists filtered by a party's position): one token asking for many at once
// is told to wait, rather than making every other request wait behind them.
export class ExpensiveReads extends ClientAdmission {
  constructor(perClient: number) {
    super(
      perClient,
      (client, running) =>
        new DomainError(
          'too_many_reads',
          `"${client}" has ${running} large reads under way; ask again in ${RETRY_AFTER_SECONDS} s.`,
          { retryAfterSeconds: RETRY_AFTER_SECONDS },
        ),
    );
  }
}
