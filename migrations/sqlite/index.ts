import { InitialSchema1764115200000 } from './1764115200000-initial-schema.js';
import { ReportIndexes1764201600000 } from '../shared/1764201600000-report-indexes.js';
import { ItemListIndex1764288000000 } from '../shared/1764288000000-item-list-index.js';
import { EventReferences1764460800000 } from '../shared/1764460800000-event-references.js';
import { PartiesAndPositions1764547200000 } from './1764547200000-parties-and-positions.js';
import { ConsoleSessions1764633600000 } from '../shared/1764633600000-console-sessions.js';
import { StateInReportIndex1764720000000 } from '../shared/1764720000000-state-in-report-index.js';
import { ItemStanceIndex1765100000000 } from '../shared/1765100000000-item-stance-index.js';
import { AssessmentsAndEditions1765200000000 } from '../shared/1765200000000-assessments-and-editions.js';
import { Accounts1765300000000 } from './1765300000000-accounts.js';
import { AccountSessions1765300000001 } from '../shared/1765300000001-account-sessions.js';

// In order; a class list rather than a glob so the same list runs under Jest and from dist/.
export const SQLITE_MIGRATIONS = [
  InitialSchema1764115200000,
  ReportIndexes1764201600000,
  ItemListIndex1764288000000,
  EventReferences1764460800000,
  PartiesAndPositions1764547200000,
  ConsoleSessions1764633600000,
  StateInReportIndex1764720000000,
  ItemStanceIndex1765100000000,
  AssessmentsAndEditions1765200000000,
  Accounts1765300000000,
  AccountSessions1765300000001,
];
