import { AccountEntity } from './accounts/account.entity.js';
import { ApiTokenEntity } from './auth/api-token.entity.js';
import { HistoryEventEntity } from './history/history-event.entity.js';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity.js';
import { ItemEntity } from './items/item.entity.js';
import { MeetingEntity } from './meetings/meeting.entity.js';
import { PartyEntity } from './parties/party.entity.js';
import { EditionEntity } from './editions/edition.entity.js';

// Class lists, not globs: the same registration works under Jest, from TypeScript and from dist/.
// Kept at the top of src/, beside app.module, so that the database layer imports no feature.
export const ENTITIES = [
  ItemEntity,
  MeetingEntity,
  PartyEntity,
  HistoryEventEntity,
  ApiTokenEntity,
  AccountEntity,
  IdempotencyRecordEntity,
  EditionEntity,
];
