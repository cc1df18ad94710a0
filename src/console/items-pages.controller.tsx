import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { DomainError } from '../common/domain-error.js';
import { etag, type IfMatch } from '../common/if-match.js';
import { validateInput } from '../common/validate-input.js';
import { CorrectionsService } from '../corrections/corrections.service.js';
import { AmendmentNoteDto } from '../corrections/dto/amendment-note.dto.js';
import { CorrectEventDto } from '../corrections/dto/correct-event.dto.js';
import { EventPathParams } from '../corrections/dto/event-path.params.js';
import { HistoryPageQuery } from '../history/dto/history-page.query.js';
import { CreateItemDto } from '../items/dto/create-item.dto.js';
import { ListItemsQuery } from '../items/dto/list-items.query.js';
import { TakePositionDto } from '../items/dto/take-position.dto.js';
import { TransitionItemDto } from '../items/dto/transition-item.dto.js';
import { UpdateItemDto } from '../items/dto/update-item.dto.js';
import { ItemsService } from '../items/items.service.js';
import { stateLabel } from '../reports/render/state-style.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { assertAdmin, ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields, type FormValues } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';
import { NO_MEETING } from './views/amend-event/no-meeting.js';
import { CorrectEventPage } from './views/correct-event.page.js';
import { RetractEventPage } from './views/retract-event.page.js';
import { EDITABLE_FIELDS, editableValues } from './views/item/editable-fields.js';
import type { ItemForms } from './views/item/item-forms.js';
import { ItemPage } from './views/item.page.js';
import { NEW_ITEM_FIELDS, NEW_ITEM_IDS, NewItemPage } from './views/item-new.page.js';
import { slugFromTitle } from './slug-from-title.js';
import { formScore } from './views/item/assessment-form.js';
import { ItemsPage } from './views/items.page.js';

type Labels = Readonly<Record<string, string>>;

const TRANSITION_LABELS = {
  to: 'New state',
  reason: 'Reason',
  effectiveOn: 'Effective on',
  meeting: 'Meeting',
  source: 'Source',
};
const POSITION_LABELS = {
  party: 'Party',
  stance: 'Stance',
  statement: 'Statement',
  effectiveOn: 'Stated on',
  meeting: 'Stated at meeting',
  source: 'Statement source',
};
const AMEND_LABELS = {
  key: 'Item',
  seq: 'Event',
  note: 'Why',
  effectiveOn: 'Corrected effective date',
  meeting: 'Corrected meeting',
  source: 'Corrected source',
  reason: 'Corrected wording',
  score: 'Corrected score',
  body: 'Correction',
};
const ITEM_LABELS: Record<string, string> = {
  slug: 'Slug',
  title: 'Title',
  summary: 'Summary',
  category: 'Category',
  proposedBy: 'Proposed by',
  proposedOn: 'Proposed on',
  sourceUrl: 'Source URL',
};

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('items')
export class ItemsPagesController {
  constructor(
    private readonly items: ItemsService,
    private readonly corrections: CorrectionsService,
    private readonly views: ConsoleViewsService,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  @Get()
  async list(
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // The filter form sends every field, empty ones included: empty means no filter.
    const query = await validateInput(ListItemsQuery, present(raw));
    const [page, parties] = await Promise.all([this.items.list(query, session.actor.name), this.views.partyList()]);
    return sendPage(reply, <ItemsPage session={session} query={query} page={page} parties={parties} />);
  }

  @Get('new')
  async newItem(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    assertAdmin(session);
    return sendPage(reply, <NewItemPage session={session} items={await this.views.itemChoices()} />);
  }

  @Post('new')
  @HttpCode(200)
  async create(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, NEW_ITEM_FIELDS);
    try {
      const slug = values.slug.trim() || slugFromTitle(values.title);
      const dto = await validateInput(CreateItemDto, present({ ...values, slug }));
      const item = await this.items.create(dto, session.actor.name);
      await this.sessions.say(session, `Item “${item.title}” created, proposed on ${item.proposedOn}.`);
      return redirectAfterPost(reply, `/items/${encodeURIComponent(item.slug)}`);
    } catch (error) {
      const refused = formError(error, ITEM_LABELS, NEW_ITEM_IDS);
      const items = await this.views.itemChoices();
      return sendPage(
        reply,
        <NewItemPage session={session} values={values} error={refused} items={items} />,
        refused.status,
      );
    }
  }

  @Get(':slug')
  async item(
    @Param('slug') slug: string,
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { after } = await validateInput(HistoryPageQuery, present({ after: raw.after ?? '' }));
    return sendPage(reply, <ItemPage session={session} data={await this.views.itemPage(slug, after)} />);
  }

  // The version the form was read at goes with it: a change made meanwhile is a 412, explained.
  @Post(':slug/transition')
  @HttpCode(200)
  async transition(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, ['to', 'reason', 'effectiveOn', 'meeting', 'source', 'version']);
    const { version, ...fields } = values;
    return this.submit(reply, session, slug, { form: 'transition', values, labels: TRANSITION_LABELS }, async () => {
      const dto = await validateInput(TransitionItemDto, present(fields));
      const item = await this.items.transition(slug, dto, ifMatch(readVersion(version)), session.actor.name);
      return `“${item.title}” is now ${stateLabel(item.state)}, since ${item.stateSince}.`;
    });
  }

  // Dated, sourced and meeting-linked like a transition, and refused the same way.
  @Post(':slug/position')
  @HttpCode(200)
  async position(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, ['party', 'stance', 'statement', 'effectiveOn', 'meeting', 'source', 'version']);
    const { version, ...fields } = values;
    return this.submit(reply, session, slug, { form: 'position', values, labels: POSITION_LABELS }, async () => {
      const dto = await validateInput(TakePositionDto, present(fields));
      const item = await this.items.takePosition(slug, dto, ifMatch(readVersion(version)), session.actor.name);
      return `Position recorded on “${item.title}”: ${await this.views.partyName(dto.party)} ${dto.stance}.`;
    });
  }

  @Get(':slug/events/:seq/correct')
  correctPage(
    @Param() params: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.eventPage(reply, session, params, CorrectEventPage);
  }

  // A field left empty keeps what was recorded; the meeting can be cleared with NO_MEETING.
  @Post(':slug/events/:seq/correct')
  @HttpCode(200)
  async correct(
    @Param() params: Record<string, string>,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const path = await validateInput(EventPathParams, { key: params.slug, seq: params.seq });
    const values = textFields(form, ['note', 'effectiveOn', 'meeting', 'source', 'reason', 'score']);
    const { note, meeting, score, ...fields } = values;
    return this.amendEvent(reply, session, path, values, CorrectEventPage, async () => {
      const dto = await validateInput(CorrectEventDto, {
        note,
        ...present(fields),
        ...(meeting === '' ? {} : { meeting: meeting === NO_MEETING ? null : meeting }),
        score: formScore(score),
      });
      await this.corrections.correct(path.key, path.seq, dto, session.actor.name);
      await this.sessions.say(session, `Event ${path.seq} corrected; the history shows what it said before.`);
      return `#event-${path.seq}`;
    });
  }

  // The confirmation step of a retraction: shows the event and asks why; changes nothing.
  @Get(':slug/events/:seq/retract')
  retractPage(
    @Param() params: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.eventPage(reply, session, params, RetractEventPage);
  }

  @Post(':slug/events/:seq/retract')
  @HttpCode(200)
  async retract(
    @Param() params: Record<string, string>,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const path = await validateInput(EventPathParams, { key: params.slug, seq: params.seq });
    const values = textFields(form, ['note']);
    return this.amendEvent(reply, session, path, values, RetractEventPage, async () => {
      const dto = await validateInput(AmendmentNoteDto, values);
      await this.corrections.retract(path.key, path.seq, dto.note, session.actor.name);
      await this.sessions.say(session, `Event ${path.seq} retracted; the history keeps it, marked as retracted.`);
      return '#history-heading';
    });
  }

  // The page of one event's correction or retraction (admins only); it changes nothing.
  private async eventPage(
    reply: FastifyReply,
    session: ConsoleSession,
    params: Record<string, string>,
    Page: typeof CorrectEventPage,
  ) {
    assertAdmin(session);
    const path = await validateInput(EventPathParams, { key: params.slug, seq: params.seq });
    return sendPage(reply, <Page session={session} data={await this.views.eventPage(path.key, path.seq)} />);
  }

  // Writes an amendment, then goes back to the item at the anchor `write` answers; a refusal shows
  // the amendment's page again, with what was typed and why.
  private async amendEvent(
    reply: FastifyReply,
    session: ConsoleSession,
    path: { readonly key: string; readonly seq: number },
    values: FormValues,
    Page: typeof CorrectEventPage,
    write: () => Promise<string>,
  ) {
    try {
      const anchor = await write();
      return redirectAfterPost(reply, `/items/${encodeURIComponent(path.key)}${anchor}`);
    } catch (error) {
      const refused = formError(error, AMEND_LABELS);
      const data = await this.views.eventPage(path.key, path.seq);
      return sendPage(reply, <Page session={session} data={data} values={values} error={refused} />, refused.status);
    }
  }

  // Only the fields that differ from what the form was read with are sent; a change made
  // meanwhile is a 412 that shows what changed.
  @Post(':slug/edit')
  @HttpCode(200)
  async edit(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, [...EDITABLE_FIELDS.map(([name]) => name), 'version']);
    const readAt = readVersion(values.version);
    try {
      const item = await this.items.findOne(slug);
      const current = editableValues(item);
      const changed = Object.fromEntries(
        EDITABLE_FIELDS.map(([name]) => name)
          .filter((name) => item.version !== readAt || (values[name] ?? '') !== (current[name] ?? ''))
          .map((name) => [name, name === 'sourceUrl' && values[name] === '' ? null : values[name]]),
      );
      const dto = await validateInput(UpdateItemDto, changed);
      const saved = await this.items.update(slug, dto, ifMatch(readAt), session.actor.name);
      await this.sessions.say(session, `Changes to “${saved.title}” saved.`);
      return redirectAfterPost(reply, `/items/${encodeURIComponent(slug)}#history-heading`);
    } catch (error) {
      const refused = explainTransitionRefusal(formError(error, ITEM_LABELS), error, values.version);
      const data = await this.views.itemPage(slug);
      const meanwhile = readAt === undefined ? [] : data.history.filter((event) => event.seq > readAt);
      return sendPage(
        reply,
        <ItemPage session={session} data={data} forms={{ edit: { values, error: refused, meanwhile } }} />,
        refused.status,
      );
    }
  }

  // A form of the item page: written, then back to the timeline; refused, the page again with the
  // form showing what was typed and why it was refused.
  private async submit(
    reply: FastifyReply,
    session: ConsoleSession,
    slug: string,
    { form, values, labels }: { form: 'transition' | 'position' | 'amend'; values: FormValues; labels: Labels },
    // Writes, and answers what it did, in words.
    write: () => Promise<string>,
  ) {
    try {
      await this.sessions.say(session, await write());
      return redirectAfterPost(reply, `/items/${encodeURIComponent(slug)}#history-heading`);
    } catch (error) {
      const refused = explainTransitionRefusal(formError(error, labels), error, values.version);
      const forms: ItemForms = { [form]: { values, error: refused } };
      return sendPage(
        reply,
        <ItemPage session={session} data={await this.views.itemPage(slug)} forms={forms} />,
        refused.status,
      );
    }
  }
}

// The version the form was read at, as the If-Match the API would have been sent.
function ifMatch(version: number | undefined): IfMatch {
  return version === undefined ? undefined : [etag(version)];
}

function readVersion(text: string | undefined): number | undefined {
  return text && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
}

// 409 and 412 in words: what happened and what to do next.
function explainTransitionRefusal(refused: ReturnType<typeof formError>, error: unknown, readAt: string | undefined) {
  if (!(error instanceof DomainError)) {
    return refused;
  }
  if (error.is('version_mismatch')) {
    return {
      ...refused,
      title: 'Someone changed this item after you opened it: nothing was changed',
      messages: [
        `You read version ${readAt ?? '?'}, and it is now at version ${String(error.extensions.currentVersion)}. ` +
          'Check its state and history below; what you typed is kept, so you can submit again.',
      ],
    };
  }
  if (error.code === 'transition_not_allowed' || error.code === 'effective_date_before_state_since') {
    return { ...refused, title: 'This move is not possible: nothing was changed' };
  }
  return refused;
}
