import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AgencyDirectory } from '@salur/directory';
import { Authenticated, CurrentPrincipal, type Principal } from '@salur/platform';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AgencyCalendars } from '../../calendars/agency-calendars';
import { msToIsoDuration, remainingMs, type SlaClock } from '../../clocks/domain/sla-clock';
import { OncallQueries, type OncallFilter, type OncallPage } from '../persistence/oncall-queries';
import { SlaStream } from '../stream/sla-stream';
import { OncallPageDto, OncallQuery, type OncallItemDto } from './oncall.dto';

const NATIONAL_ROLES = ['oncall', 'admin', 'verifier'] as const;

@ApiTags('sla on-call')
@Controller('v1/sla')
@Authenticated('oncall', 'admin', 'verifier', 'agency_supervisor', 'agency_operator')
export class OncallController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgencyDirectory,
    private readonly calendars: AgencyCalendars,
    private readonly stream: SlaStream,
  ) {}

  /** Breached clocks, longest overdue first. */
  @Get('breaches')
  @ApiOkResponse({ type: OncallPageDto })
  async breaches(
    @Query() query: OncallQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OncallPageDto> {
    const filter = this.filter(query, principal);
    return this.present(await new OncallQueries(this.dataSource.manager).breaches(filter), filter);
  }

  /** Running clocks past a warning threshold, nearest deadline first. */
  @Get('at-risk')
  @ApiOkResponse({ type: OncallPageDto })
  async atRisk(
    @Query() query: OncallQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OncallPageDto> {
    const filter = this.filter(query, principal);
    return this.present(await new OncallQueries(this.dataSource.manager).atRisk(filter), filter);
  }

  /**
   * Server-Sent Events: `warning` and `breach` events (JSON data) as any replica fires them,
   * filtered like the lists; a comment every 15 s keeps proxies from closing the stream.
   */
  @Get('stream')
  @ApiProduces('text/event-stream')
  streamEvents(
    @Query() query: OncallQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): void {
    const filter = this.filter(query, principal);
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(': connected\n\n');
    let id = 0;
    const unsubscribe = this.stream.subscribe((items) => {
      for (const item of items) {
        if (filter.agencies && (item.agency === null || !filter.agencies.includes(item.agency)))
          continue;
        if (filter.level && item.agencyLevel !== filter.level) continue;
        if (filter.stage && item.stage !== filter.stage) continue;
        const prefix = filter.regionPrefix;
        if (prefix && item.regionCode !== prefix && !item.regionCode.startsWith(`${prefix}.`))
          continue;
        raw.write(`id: ${++id}\nevent: ${item.type}\ndata: ${JSON.stringify(item)}\n\n`);
      }
    });
    const timer = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    const close = () => {
      clearInterval(timer);
      unsubscribe();
      forget();
      if (!raw.writableEnded) raw.end();
    };
    // Open streams end when the service begins to stop, so HTTP drains at once.
    const forget = this.stream.onShutdown(close);
    raw.on('close', close);
  }

  private filter(query: OncallQuery, principal: Principal): OncallFilter {
    let agencies: string[] | undefined = query.agency ? [query.agency] : undefined;
    const national = principal.roles.some((r) => (NATIONAL_ROLES as readonly string[]).includes(r));
    if (!national) {
      // An agency role sees its own agency; a supervisor also the agencies below it.
      const own = principal.agency ? [principal.agency] : [];
      if (principal.agency && principal.roles.includes('agency_supervisor')) {
        own.push(...this.descendants(principal.agency));
      }
      agencies = agencies ? agencies.filter((a) => own.includes(a)) : own;
    }
    return {
      ...(agencies ? { agencies } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.region ? { regionPrefix: query.region } : {}),
      ...(query.stage ? { stage: query.stage } : {}),
      ...(query.since ? { since: new Date(query.since) } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    };
  }

  private descendants(agency: string): string[] {
    const out: string[] = [];
    for (const child of this.agencies.childrenOf(agency)) {
      out.push(child.code, ...this.descendants(child.code));
    }
    return out;
  }

  private present(page: OncallPage, filter: OncallFilter): OncallPageDto {
    const now = new Date();
    return {
      items: page.items.map((c) => this.item(c, now)),
      total: page.total,
      limit: filter.limit,
      offset: filter.offset,
      byProvince: page.byProvince,
    };
  }

  private item(clock: SlaClock, now: Date): OncallItemDto {
    const calendar = this.calendars.forAgency(clock.agency, clock.calendar);
    return {
      clockId: clock.clockId,
      complaintId: clock.complaintId,
      stage: clock.stage,
      agency: clock.agency,
      agencyLevel: clock.agencyLevel,
      regionCode: clock.regionCode,
      province: clock.regionCode.slice(0, 2),
      status: clock.status,
      startedAt: clock.startedAt.toISOString(),
      dueAt: clock.dueAt.toISOString(),
      breachedAt: clock.breachedAt?.toISOString() ?? null,
      overdueMs: now.getTime() - clock.dueAt.getTime(),
      remaining: msToIsoDuration(remainingMs(clock, now, calendar)),
      warnedAt: clock.warnedAt,
    };
  }
}
