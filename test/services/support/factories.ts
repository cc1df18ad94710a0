import type { CreateMeetingDto } from '../../../src/meetings/dto/create-meeting.dto.js';
import type { ItemEntity } from '../../../src/items/item.entity.js';
import { ItemWriter, type NewItem } from '../../../src/items/item-writer.js';
import type { MeetingEntity } from '../../../src/meetings/meeting.entity.js';
import { MeetingsService } from '../../../src/meetings/meetings.service.js';
import type { CreatePartyDto } from '../../../src/parties/dto/create-party.dto.js';
import type { PartyEntity } from '../../../src/parties/party.entity.js';
import { PartiesService } from '../../../src/parties/parties.service.js';
import { itemFields, uniqueSlug } from '../../support/factories.js';
import type { ServiceContext } from './service-context.js';

export const TEST_ACTOR = 'service-test';

export function newItem(overrides: Partial<NewItem> = {}): NewItem {
  return { ...itemFields(), ...overrides };
}

// A new item in the initial state, written as the API writes it (with its created event).
export function makeItem(services: ServiceContext, overrides: Partial<NewItem> = {}): Promise<ItemEntity> {
  return services.write((manager) => services.get(ItemWriter).create(manager, newItem(overrides), TEST_ACTOR));
}

export function makeMeeting(
  services: ServiceContext,
  overrides: Partial<CreateMeetingDto> = {},
): Promise<MeetingEntity> {
  const dto: CreateMeetingDto = {
    slug: uniqueSlug('meeting'),
    name: 'NATO-Russia Council summit',
    location: 'Lisbon',
    heldOn: '2010-11-20',
    ...overrides,
  };
  return services.write((manager) => services.get(MeetingsService).createIn(manager, dto));
}

export function makeParty(services: ServiceContext, overrides: Partial<CreatePartyDto> = {}): Promise<PartyEntity> {
  const dto: CreatePartyDto = { slug: uniqueSlug('party'), name: 'France', kind: 'state', ...overrides };
  return services.write((manager) => services.get(PartiesService).createIn(manager, dto));
}
