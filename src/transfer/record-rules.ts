import { IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, validateSync } from 'class-validator';
import { TOKEN_NAME_PATTERN } from '../auth/dto/create-token.dto.js';
import {
  IsCalendarDate,
  IsInstant,
  IsMultilineText,
  IsWholeNumber,
  PRINTABLE_MESSAGE,
  PRINTABLE_PATTERN,
} from '../common/validators.js';
import { toFieldErrors } from '../common/validation-errors.js';
import { illFormedPath, WELL_FORMED_MESSAGE } from '../common/well-formed-unicode.js';
import { EVENT_ACTIONS } from '../history/history-event.types.js';
import { CreateItemDto } from '../items/dto/create-item.dto.js';
import { UpdateItemDto } from '../items/dto/update-item.dto.js';
import { CreateMeetingDto } from '../meetings/dto/create-meeting.dto.js';
import { CreatePartyDto } from '../parties/dto/create-party.dto.js';
import { STANCES } from '../parties/stance.js';
import { SCORES } from '../assessments/score.js';
import { WORKFLOW_STATES } from '../workflow/workflow.definition.js';
import { RecordError } from './transfer-format.js';

// The field rules of the API, held on every record of an import: a record is what the API would
// have accepted (its DTO's rules), plus the columns the tracker sets itself (ids, times, state).

class StoredFields {
  @IsUUID()
  id: string;

  @IsInstant()
  createdAt: string;
}

class ImportedMeeting extends IntersectionType(CreateMeetingDto, StoredFields) {}

class ImportedParty extends IntersectionType(CreatePartyDto, StoredFields) {}

class ItemRowFields {
  @IsIn(WORKFLOW_STATES)
  state: string;

  @IsCalendarDate()
  stateSince: string;

  @IsWholeNumber(1)
  version: number;

  @IsInstant()
  updatedAt: string;
}

// sourceUrl as stored: null, or the http(s) address an update accepts.
class ImportedItem extends IntersectionType(
  IntersectionType(OmitType(CreateItemDto, ['sourceUrl'] as const), PickType(UpdateItemDto, ['sourceUrl'] as const)),
  IntersectionType(StoredFields, ItemRowFields),
) {}

const HASH = /^[0-9a-f]{64}$/;

// The lengths are those of the DTOs the events come from: a reason, a statement or a note up to
// 2000 characters, a source up to 500; the actor is a token's name.
class ImportedEvent {
  @IsWholeNumber(1, Number.MAX_SAFE_INTEGER)
  id: number;

  @IsUUID()
  itemId: string;

  @IsWholeNumber(1)
  seq: number;

  @IsIn(EVENT_ACTIONS)
  action: string;

  @IsOptional()
  @IsIn(WORKFLOW_STATES)
  fromState: string | null;

  @IsOptional()
  @IsIn(WORKFLOW_STATES)
  toState: string | null;

  // JSON text as the tracker writes it: any control character in it is escaped.
  @IsString()
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  changes: string;

  @IsOptional()
  @IsMultilineText(2000)
  reason: string | null;

  @IsCalendarDate()
  effectiveOn: string;

  @IsOptional()
  @IsUUID()
  meetingId: string | null;

  @IsOptional()
  @IsMultilineText(500)
  source: string | null;

  @IsOptional()
  @IsUUID()
  batchId: string | null;

  @Length(1, 64)
  @Matches(TOKEN_NAME_PATTERN, { message: 'must be a token name' })
  actor: string;

  @IsInstant()
  recordedAt: string;

  @IsOptional()
  @IsWholeNumber(1)
  corrects: number | null;

  @IsOptional()
  @IsWholeNumber(1)
  retracts: number | null;

  @Matches(HASH, { message: 'must be a SHA-256 hash in hex' })
  prevHash: string;

  @Matches(HASH, { message: 'must be a SHA-256 hash in hex' })
  hash: string;

  @IsOptional()
  @IsUUID()
  partyId: string | null;

  @IsOptional()
  @IsIn(STANCES)
  stance: string | null;

  @IsOptional()
  @IsIn(SCORES.map(String))
  score: string | null;
}

export const checkMeetingFields = rulesOf(ImportedMeeting);
export const checkPartyFields = rulesOf(ImportedParty);
export const checkItemFields = rulesOf(ImportedItem);
const checkEventRecordFields = rulesOf(ImportedEvent);

// An event's fields, and its `changes` as JSON: answers them parsed.
export function checkEventFields(event: { readonly changes: string }, what: string): unknown {
  checkEventRecordFields(event, what);
  let changes: unknown;
  try {
    changes = JSON.parse(event.changes);
  } catch {
    throw new RecordError(`${what} field "changes" must be JSON`);
  }
  wellFormed(changes, `${what} field "changes"`);
  return changes;
}

// A checker that refuses a record breaking its class's rules, naming the record and the field.
function rulesOf(type: ClassConstructor<object>): (record: object, what: string) => void {
  return (record, what) => {
    wellFormed(record, what);
    const first = toFieldErrors(validateSync(plainToInstance(type, record))).at(0);
    if (first) {
      throw new RecordError(`${what} field "${first.field}" ${first.message}`);
    }
  };
}

// Text the databases would store differently from what was hashed or sent: a lone surrogate.
function wellFormed(value: unknown, what: string): void {
  const path = illFormedPath(value);
  if (path !== undefined) {
    throw new RecordError(`${what} field "${path}" ${WELL_FORMED_MESSAGE}`);
  }
}
