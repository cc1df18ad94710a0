import type { EventPageData } from '../../console-views.service.js';
import type { FormPageProps } from '../forms/form-section.js';

// A correction's or a retraction's page: the event it amends, and the form's values after a refusal.
export interface AmendPageProps extends FormPageProps {
  readonly data: EventPageData;
}
