import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { COMPLAINT_STATUSES } from '@salur/contracts';
import { isCategoryCode } from '@salur/directory';
import {
  Authenticated,
  CurrentPrincipal,
  RequestValidationError,
  type Principal,
} from '@salur/platform';
import { ActOnCase } from '../application/act-on-case/act-on-case.use-case';
import type { CaseAction } from '../application/act-on-case/case-action.command';
import { ReadCases } from '../application/read-cases/read-cases.use-case';
import { ComplaintNotFound } from '../domain/errors';
import {
  EscalateDto,
  ExtendDto,
  ForwardDto,
  PostponeDto,
  QueueQueryDto,
  RejectDto,
  RequestInfoDto,
  RespondDto,
  VerifyDto,
} from './case-actions.dto';
import { caseViewFor, type CaseView, type QueueItemView } from './case-view';
import { SLA_STATES } from '../domain/follow-up-deadline';
import { RoutingDirectoryToken } from './routing-directory.token';
import { Inject } from '@nestjs/common';
import type { RoutingDirectory } from '../application/ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function complaintIdOf(id: string): string {
  if (!UUID.test(id)) throw new ComplaintNotFound(id);
  return id.toLowerCase();
}

type QueueSort = 'due' | 'submitted';

function encodeCursor(sort: QueueSort, next: { at: Date; complaintId: string }): string {
  return Buffer.from(JSON.stringify([sort, next.at.toISOString(), next.complaintId])).toString(
    'base64url',
  );
}

function decodeCursor(sort: QueueSort, cursor: string): { at: Date; complaintId: string } {
  try {
    const [by, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (by === sort && typeof at === 'string' && typeof id === 'string' && UUID.test(id)) {
      const when = new Date(at);
      if (!Number.isNaN(when.getTime())) return { at: when, complaintId: id };
    }
  } catch {
    // fall through to the validation error
  }
  throw new RequestValidationError([
    { field: 'cursor', message: 'is not a cursor this API gave for this sort order' },
  ]);
}

function listOf<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim());
  const unknown = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new RequestValidationError([
      { field, message: `unknown ${field} ${unknown.join(', ')}` },
    ]);
  }
  return items as T[];
}

function instantOf(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new RequestValidationError([{ field, message: 'must be an ISO 8601 date or instant' }]);
  }
  return at;
}

/** `If-Match: "3"` (or `3`): the case version the caller acted on. */
function versionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,10})"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new RequestValidationError([
      { field: 'If-Match', message: 'must be the complaint version, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

const AGENCY_ROLES = ['agency_operator', 'agency_supervisor'] as const;

/** Verifier and agency actions on a complaint, and agencies' queues. */
@ApiTags('complaints')
@Controller('v1')
export class CasesController {
  constructor(
    private readonly actOnCase: ActOnCase,
    private readonly readCases: ReadCases,
    @Inject(RoutingDirectoryToken) private readonly directory: RoutingDirectory,
  ) {}

  private async act(
    principal: Principal,
    id: string,
    action: CaseAction,
    ifMatch: string | undefined,
  ): Promise<CaseView> {
    const expectedVersion = versionOf(ifMatch);
    const c = await this.actOnCase.execute({
      officer: principal,
      complaintId: complaintIdOf(id),
      action,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    return caseViewFor(principal, c, this.directory);
  }

  @Get('complaints/:id')
  @Authenticated('verifier', 'admin', 'oncall', ...AGENCY_ROLES)
  @ApiOkResponse({ description: 'The case as the caller may see it' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CaseView> {
    const c = await this.readCases.one(principal, complaintIdOf(id));
    return caseViewFor(principal, c, this.directory);
  }

  @Post('complaints/:id/verify')
  @HttpCode(200)
  @Authenticated('verifier', 'admin')
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: VerifyDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    if (!isCategoryCode(dto.category)) {
      throw new RequestValidationError([
        { field: 'category', message: `${dto.category} is not in the category catalogue` },
      ]);
    }
    return this.act(
      principal,
      id,
      {
        kind: 'verify',
        category: dto.category,
        type: dto.type,
        ...(dto.privacy ? { privacy: dto.privacy } : {}),
        ...(dto.agency ? { agency: dto.agency } : {}),
      },
      ifMatch,
    );
  }

  @Post('complaints/:id/reject')
  @HttpCode(200)
  @Authenticated('verifier', 'admin')
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: RejectDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(
      principal,
      id,
      {
        kind: 'reject',
        reason: dto.reason,
        ...(dto.note ? { note: dto.note } : {}),
      },
      ifMatch,
    );
  }

  @Post('complaints/:id/postpone')
  @HttpCode(200)
  @Authenticated('verifier', 'admin')
  postpone(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: PostponeDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(
      principal,
      id,
      {
        kind: 'postpone',
        until: new Date(dto.until),
        reason: dto.reason,
        ...(dto.note ? { note: dto.note } : {}),
      },
      ifMatch,
    );
  }

  @Post('complaints/:id/acknowledge')
  @HttpCode(200)
  @Authenticated(...AGENCY_ROLES)
  acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(principal, id, { kind: 'acknowledge' }, ifMatch);
  }

  @Post('complaints/:id/request-info')
  @HttpCode(200)
  @Authenticated(...AGENCY_ROLES)
  requestInfo(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: RequestInfoDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(principal, id, { kind: 'request_info', question: dto.question }, ifMatch);
  }

  @Post('complaints/:id/respond')
  @HttpCode(200)
  @Authenticated(...AGENCY_ROLES)
  respond(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: RespondDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(
      principal,
      id,
      {
        kind: 'respond',
        response: dto.response,
        attachments: (dto.attachments ?? []).map((a) => ({
          url: a.url,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
        })),
      },
      ifMatch,
    );
  }

  @Post('complaints/:id/forward')
  @HttpCode(200)
  @Authenticated('verifier', 'admin', ...AGENCY_ROLES)
  forward(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: ForwardDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(
      principal,
      id,
      { kind: 'forward', toAgency: dto.toAgency, reason: dto.reason },
      ifMatch,
    );
  }

  @Post('complaints/:id/escalate')
  @HttpCode(200)
  @Authenticated('verifier', 'admin', ...AGENCY_ROLES)
  escalate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: EscalateDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(
      principal,
      id,
      {
        kind: 'escalate',
        ...(dto.reason ? { reason: dto.reason } : {}),
      },
      ifMatch,
    );
  }

  /**
   * The holding agency extends the follow-up period of an information request, once per
   * assignment, while its follow-up clock runs (409 `ExtensionRefused` naming the rule otherwise).
   */
  @Post('complaints/:id/extend')
  @HttpCode(200)
  @Authenticated(...AGENCY_ROLES)
  extend(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: ExtendDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<CaseView> {
    return this.act(principal, id, { kind: 'extend', reason: dto.reason }, ifMatch);
  }

  @Get('agencies/:code/complaints')
  @Authenticated('verifier', 'admin', 'oncall', ...AGENCY_ROLES)
  async queue(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: QueueQueryDto,
  ): Promise<{ items: QueueItemView[]; next: string | null }> {
    const statuses = listOf('status', q.status, COMPLAINT_STATUSES);
    const slaStates = listOf('slaState', q.slaState, SLA_STATES);
    const sort = q.sort ?? 'due';
    const from = instantOf('from', q.from);
    const to = instantOf('to', q.to);
    const page = await this.readCases.queue(principal, code, {
      sort,
      ...(statuses ? { statuses } : {}),
      ...(slaStates ? { slaStates } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(from ? { submittedFrom: from } : {}),
      ...(to ? { submittedTo: to } : {}),
      ...(q.cursor ? { after: decodeCursor(sort, q.cursor) } : {}),
      limit: q.limit ?? 50,
    });
    return {
      items: page.items.map(({ case: c, deadline }) => ({
        ...caseViewFor(principal, c, this.directory),
        followUp: deadline ? { dueAt: deadline.dueAt.toISOString(), state: deadline.state } : null,
      })),
      next: page.next ? encodeCursor(sort, page.next) : null,
    };
  }
}
