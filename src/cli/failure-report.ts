import { ConfigError } from '../config/app-config.js';
import { DomainError } from '../common/domain-error.js';

// What the command line prints when a command fails. Expected failures get one clear line, then
// each field, outcome or position of a file, or event of a batch, that failed, with why (without
// them a refused outcomes file said "cannot be applied:" and stopped); anything else is a bug and
// keeps its stack.
export function failureReport(error: unknown): string {
  if (error instanceof DomainError || error instanceof ConfigError) {
    const details = error instanceof DomainError ? refusalLines(error) : [];
    return [`error: ${error.message}`, ...details.map((line) => `  ${line}`)].map((line) => `${line}\n`).join('');
  }
  return `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}

function refusalLines(error: DomainError): string[] {
  if (error.is('validation_failed') || error.is('outcomes_rejected')) {
    return (
      (error.extensions.errors ?? [])
        .map(({ field, message }) => `${field}: ${message}`)
        // Not again what the message says already (an import's `line N: field: ...`).
        .filter((line) => !error.message.includes(line))
    );
  }
  if (error.is('batch_retraction_rejected')) {
    return error.extensions.failures.map(
      ({ item, seq, code, message }) => `${item} seq ${String(seq)}: ${code}: ${message}`,
    );
  }
  return [];
}
