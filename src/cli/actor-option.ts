import { TOKEN_NAME_PATTERN } from '../auth/dto/create-token.dto.js';
import { DomainError } from '../common/domain-error.js';

// The name a command records as the actor in the history: the same rule as token names.
export function checkedActor(actor: string): string {
  if (actor.length > 64 || !TOKEN_NAME_PATTERN.test(actor)) {
    throw DomainError.validation([
      { field: '--actor', message: 'must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit' },
    ]);
  }
  return actor;
}
