import type { ItemPageData } from '../../console-views.service.js';

// The meetings a dated record may name, as a drop-down offers them.
export function meetingOptions(data: Pick<ItemPageData, 'meetings'>): Array<readonly [string, string]> {
  return data.meetings.map((meeting) => [meeting.slug, `${meeting.name}, ${meeting.location}, ${meeting.heldOn}`]);
}
