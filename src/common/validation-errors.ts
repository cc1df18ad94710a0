import type { ValidationError } from 'class-validator';
import { DomainError, type FieldError } from './domain-error.js';

// Flattens class-validator's tree into `field` paths such as `outcomes.2.to`.
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message:
        constraint === 'whitelistValidation' ? 'is not a known field' : withoutPropertyName(message, error.property),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const fieldErrors = toFieldErrors(errors);
  const summary = fieldErrors.map((error) => `${error.field} ${error.message}`).join('; ');
  return DomainError.validation(fieldErrors, summary || 'The request is not valid.');
}

function withoutPropertyName(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
