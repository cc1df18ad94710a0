import type { CreateItemDto } from '../items/dto/create-item.dto.js';
import type { CreateMeetingDto } from '../meetings/dto/create-meeting.dto.js';
import type { CreatePartyDto } from '../parties/dto/create-party.dto.js';
import type { Stance } from '../parties/stance.js';
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

export const SEED_PARTIES: CreatePartyDto[] = [
  { slug: 'nato', name: 'NATO', kind: 'organization' },
  { slug: 'russia', name: 'Russia', kind: 'state' },
  { slug: 'united-states', name: 'United States', kind: 'state' },
];

export interface SeedPosition {
  readonly item: string;
  readonly party: string;
  readonly stance: Stance;
  readonly statement: string;
  readonly effectiveOn: string;
  // The New York meeting, where the position was stated; null for Russia's own proposal.
  readonly meeting: string | null;
}

function usSupports(item: string, statement: string): SeedPosition {
  return {
    item,
    party: 'united-states',
    stance: 'supports',
    statement,
    effectiveOn: '2010-09-22',
    meeting: NEW_YORK_MEETING,
  };
}

// Who stood where, as the article reports it; each statement in our own words.
export const SEED_POSITIONS: SeedPosition[] = [
  {
    item: 'european-security-treaty',
    party: 'russia',
    stance: 'supports',
    statement: 'Russia put the treaty forward itself: President Medvedev proposed it in 2009.',
    effectiveOn: '2009-11-29',
    meeting: null,
  },
  {
    item: 'european-security-treaty',
    party: 'united-states',
    stance: 'opposes',
    statement:
      'Secretary of State Clinton rejected the initiative: European security should rest on its existing pillars, not on new treaties.',
    effectiveOn: '2010-09-22',
    meeting: NEW_YORK_MEETING,
  },
  usSupports(
    'missile-defense-cooperation',
    'Clinton urged cooperation on missile defence, starting with joint exercises.',
  ),
  usSupports(
    'early-warning-radar-linking',
    "Clinton named linking NATO's and Russia's early-warning radars as a focus.",
  ),
  usSupports('counter-narcotics-strategy', 'Clinton called for a joint counter-narcotics strategy.'),
  usSupports('cfe-treaty-update', 'Clinton called for updating the European conventional arms treaty.'),
  usSupports('military-transparency', 'Clinton called for more military transparency between the alliance and Moscow.'),
  usSupports('military-doctrines-dialogue', 'Clinton named military doctrines among the areas for wider cooperation.'),
  {
    item: 'joint-threat-review',
    party: 'nato',
    stance: 'supports',
    statement: 'Secretary General Rasmussen backed a joint review of 21st-century threats.',
    effectiveOn: '2010-09-22',
    meeting: NEW_YORK_MEETING,
  },
];
