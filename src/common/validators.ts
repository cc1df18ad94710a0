import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import {
  IsInt,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate, todayUtc } from './calendar-date.js';
import { isInstant } from './instant.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be lower-case kebab-case (a-z, 0-9 and single hyphens), 3 to 64 characters';
// The same rule in the OpenAPI schema.
export const SLUG_SCHEMA = { minLength: 3, maxLength: 64, pattern: SLUG_PATTERN.source } as const;

// Names shown in the history and reports: printable text, no control characters.
export const PRINTABLE_PATTERN = /^[^\p{Cc}]*$/u;
export const PRINTABLE_MESSAGE = 'must not contain control characters';

// A key from a path holding a control character names nothing: ids, slugs and token names never
// hold one, and PostgreSQL text cannot even bind NUL. So such a key is "not found" without a query.
export function isPrintable(text: string): boolean {
  return PRINTABLE_PATTERN.test(text);
}

// Free text may hold line breaks and tabs, but no other control characters.
export const MULTILINE_TEXT_PATTERN = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

// The text rules the DTOs share. applyDecorators applies them in the order listed, so each lists
// its rules bottom-up, as a stack of decorators on the property would apply them.

// A slug and an id name records in the same place (/api/items/:key, the console's /items/:slug),
// so a slug may be neither shaped like an id nor a word the console's paths use under /items/,
// /meetings/ or /parties/ (/items/new is the new item's form). The console adds its words here.
export const RESERVED_SLUGS: readonly string[] = ['new'];
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const FREE_SLUG_MESSAGE = `must not be shaped like an id (a UUID), nor be ${RESERVED_SLUGS.join(' or ')}`;

export function isFreeSlug(value: unknown): boolean {
  return typeof value !== 'string' || (!UUID_SHAPE.test(value) && !RESERVED_SLUGS.includes(value));
}

export function IsSlug(): PropertyDecorator {
  return applyDecorators(
    IsFreeSlug(),
    Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }),
    Length(3, 64, { message: SLUG_MESSAGE }),
    IsString(),
  );
}

// One line of printable text, from minLength to maxLength characters: a name, a title, a
// reference (which must not be empty), or a filter (which may).
export function IsPrintableLine(maxLength: number, minLength = 1): PropertyDecorator {
  return textOf(PRINTABLE_PATTERN, maxLength, minLength);
}

// Free text of up to maxLength characters, line breaks allowed; with minLength 1, not empty.
export function IsMultilineText(maxLength: number, minLength = 0): PropertyDecorator {
  return textOf(MULTILINE_TEXT_PATTERN, maxLength, minLength);
}

function textOf(pattern: RegExp, maxLength: number, minLength: number): PropertyDecorator {
  const atLeast = minLength > 0 ? [MinLength(minLength)] : [];
  return applyDecorators(
    Matches(pattern, { message: PRINTABLE_MESSAGE }),
    MaxLength(maxLength),
    ...atLeast,
    IsString(),
  );
}

// An http(s) address of up to maxLength characters.
export function IsWebAddress(maxLength: number): PropertyDecorator {
  return applyDecorators(
    // IsUrl lets control characters through in the path.
    Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE }),
    MaxLength(maxLength),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
  );
}

// A property decorator from a predicate, with the message a refusal names.
function satisfies(name: string, message: string, validate: (value: unknown) => boolean) {
  return (options: ValidationOptions = {}): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate },
      });
}

const IsFreeSlug = satisfies('isFreeSlug', FREE_SLUG_MESSAGE, isFreeSlug);

export const IsCalendarDate = satisfies('isCalendarDate', 'must be a calendar date YYYY-MM-DD', isCalendarDate);

export const IsNotFutureDate = satisfies(
  'isNotFutureDate',
  'must not be in the future',
  (value) => !isCalendarDate(value) || value <= todayUtc(),
);

// A query string carries text. Only plain decimal digits become a number; anything else ("0x10",
// "1e300", " 5", a 20-digit number) stays text and fails @IsInt, instead of reaching the database
// as a number it cannot use.
export function ToQueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value,
  );
}

// A whole number in a range, with one message for every way of missing it (text, a fraction,
// nothing, out of range), so that `limit=abc` does not hear about the range alone.
export function IsWholeNumber(min: number, max = 999_999_999): PropertyDecorator {
  const message = `must be a whole number from ${min} to ${max}`;
  return applyDecorators(IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

export const IsInstant = satisfies(
  'isInstant',
  'must be an ISO 8601 timestamp with a zone, e.g. 2010-11-27T09:00:00Z',
  isInstant,
);
