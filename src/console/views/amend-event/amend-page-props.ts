import type { EventPageData } from '../../console-views.service.js';
import type { FormError, FormValues } from '../../form-values.js';
import type { ConsoleSession } from '../../sessions/console-sessions.service.js';

export interface AmendPageProps {
  readonly session: ConsoleSession;
  readonly data: EventPageData;
  readonly values?: FormValues;
  readonly error?: FormError;
}
