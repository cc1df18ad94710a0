import type { ValidationError } from 'class-validator';
import { DomainError, type FieldError } from './domain-error.js';

// When a value breaks several rules, the one that says what is most basically wrong: a number
// sent for text hears "must be a string", not that it holds no control character.
const RULES_FIRST = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isIn',
  'isEnum',
  'isCalendarDate',
  'isInstant',
  'isUrl',
  'arrayMinSize',
  'arrayMaxSize',
  'minLength',
  'maxLength',
  'length',
  'min',
  'max',
];

function rank(constraint: string): number {
  const index = RULES_FIRST.indexOf(constraint);
  return index === -1 ? RULES_FIRST.length : index;
}

// Flattens class-validator's tree into `field` paths such as `outcomes.2.to`, one message per field.
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const first = Object.entries(error.constraints ?? {})
      .sort(([a], [b]) => rank(a) - rank(b))
      .at(0);
    const own = first ? [{ field, message: fieldMessage(error, first[0], first[1]) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function fieldMessage(error: ValidationError, constraint: string, message: string): string {
  if (constraint === 'whitelistValidation') {
    return 'is not a known field';
  }
  // Every rule fails on a missing value; what is wrong is that it is missing.
  if (error.value === undefined) {
    return 'is required';
  }
  if (error.value === null) {
    return 'must not be null';
  }
  return withoutPropertyName(message, error.property)
    .replace(/^must be longer than or equal to (\d+) characters$/, (_, n: string) =>
      n === '1' ? 'must not be empty' : `must be ${n} characters or longer`,
    )
    .replace(/^must be shorter than or equal to (\d+) characters$/, 'must be $1 characters or shorter');
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const fieldErrors = toFieldErrors(errors);
  const summary = fieldErrors.map((error) => `${error.field} ${error.message}`).join('; ');
  return DomainError.validation(fieldErrors, summary || 'The request is not valid.');
}

function withoutPropertyName(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
