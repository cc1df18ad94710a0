import type { EventPageData } from '../../console-views.service.js';

export function eventPath({ item, event }: EventPageData, step: 'correct' | 'retract'): string {
  return `/items/${encodeURIComponent(item.slug)}/events/${event.seq}/${step}`;
}

export function itemPath({ item, event }: EventPageData): string {
  return `/items/${encodeURIComponent(item.slug)}#event-${event.seq}`;
}
