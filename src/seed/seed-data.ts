import type { CreateItemDto } from '../items/dto/create-item.dto.js';
import type { CreateMeetingDto } from '../meetings/dto/create-meeting.dto.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';

// The first data set, in our own words, from the NATO-Russia Council meeting of 22 September 2010.
export const SEED_ACTOR = 'seed';
export const SEED_SOURCE_URL =
  'https://www.themoscowtimes.com/2010/09/22/nato-seeks-strategic-partnership-with-russia-a1645';

export const NEW_YORK_MEETING = 'nrc-new-york-2010';

export const SEED_MEETINGS: CreateMeetingDto[] = [
  {
    slug: NEW_YORK_MEETING,
    name: 'NATO-Russia Council, foreign ministers',
    location: 'New York',
    heldOn: '2010-09-22',
  },
  {
    slug: 'lisbon-summit-2010',
    name: 'NATO-Russia Council summit',
    location: 'Lisbon',
    heldOn: '2010-11-20',
  },
];

export interface SeedItem {
  readonly item: CreateItemDto;
  // Proposed at the New York meeting (the European security treaty was proposed earlier).
  readonly proposedAtMeeting: boolean;
  readonly later?: {
    readonly to: WorkflowState;
    readonly reason: string;
    readonly effectiveOn: string;
    readonly meeting: string;
  };
}

const US = 'United States';

function usProposal(slug: string, title: string, summary: string, category: string): SeedItem {
  return {
    item: { slug, title, summary, category, proposedBy: US, proposedOn: '2010-09-22', sourceUrl: SEED_SOURCE_URL },
    proposedAtMeeting: true,
  };
}

export const SEED_ITEMS: SeedItem[] = [
  usProposal(
    'missile-defense-cooperation',
    'Cooperate on missile defence',
    'Work together against ballistic missile threats, starting by resuming the joint theatre missile defence exercises.',
    'missile-defense',
  ),
  usProposal(
    'early-warning-radar-linking',
    'Link NATO and Russian early-warning radar systems',
    "Connect the alliance's and Russia's early-warning radars so that both see the same picture of missile launches.",
    'missile-defense',
  ),
  usProposal(
    'counter-narcotics-strategy',
    'Agree a joint counter-narcotics strategy',
    'A common strategy against drug trafficking, above all the flow of narcotics out of Afghanistan.',
    'counter-narcotics',
  ),
  usProposal(
    'cfe-treaty-update',
    'Update the CFE conventional-arms treaty',
    'Bring the Treaty on Conventional Armed Forces in Europe up to date so that its limits and inspections work again.',
    'arms-control',
  ),
  usProposal(
    'military-transparency',
    'Enhance military transparency',
    'More openness between the alliance and Moscow about forces, exercises and deployments.',
    'transparency',
  ),
  usProposal(
    'military-doctrines-dialogue',
    'Open a dialogue on military doctrines',
    'Regular talks in which each side explains its military doctrine to the other.',
    'military-doctrine',
  ),
  {
    item: {
      slug: 'joint-threat-review',
      title: 'Joint review of 21st-century common threats',
      summary:
        'A shared assessment of the security challenges both face: Afghanistan, terrorism, maritime piracy and missile threats, including a missile shield covering North America, Europe and Russia.',
      category: 'security-review',
      proposedBy: 'NATO',
      proposedOn: '2010-09-22',
      sourceUrl: SEED_SOURCE_URL,
    },
    proposedAtMeeting: true,
  },
  {
    item: {
      slug: 'european-security-treaty',
      title: 'New European security treaty',
      summary:
        "President Medvedev's draft of a legally binding treaty on a new security architecture for Europe, published on 29 November 2009.",
      category: 'european-security',
      proposedBy: 'Russia',
      proposedOn: '2009-11-29',
      sourceUrl: SEED_SOURCE_URL,
    },
    proposedAtMeeting: false,
    later: {
      to: 'rejected',
      reason:
        'The United States holds that European security is best served by reinforcing the pillars that have carried it for decades, not by negotiating new treaties.',
      effectiveOn: '2010-09-22',
      meeting: NEW_YORK_MEETING,
    },
  },
];
