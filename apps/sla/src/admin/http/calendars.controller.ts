import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { holidaysFor, mergeHolidays } from '@salur/calendar';
import { Authenticated, CurrentPrincipal, type Principal } from '@salur/platform';
import { DataSource } from 'typeorm';
import { AgencyCalendars } from '../../calendars/agency-calendars';
import { ChangePolicy, ComputeDue, EditHolidays } from '../application/calendar-admin.use-cases';
import { DEFAULT_POLICIES } from '../../clocks/domain/sla-policy';
import { PostgresAdminStore } from '../persistence/postgres-admin-store';
import {
  DueDto,
  DueQuery,
  HolidayBody,
  PolicyBody,
  PolicyDto,
  RemoveHolidayQuery,
  WorkingWeekBody,
  YearQuery,
} from './admin.dto';
import { AgencyDirectory } from '@salur/directory';
import { UnknownAgency } from '../domain/admin-errors';

@ApiTags('sla calendars')
@Controller('v1/sla')
export class CalendarsController {
  constructor(
    private readonly computeDue: ComputeDue,
    private readonly changePolicy: ChangePolicy,
    private readonly editHolidays: EditHolidays,
    private readonly calendars: AgencyCalendars,
    private readonly dataSource: DataSource,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** The deadline `duration` after `from` in the agency's business time, for "due by" displays. */
  @Get('calendars/:agency/due')
  @Authenticated()
  @ApiOkResponse({ type: DueDto })
  due(@Param('agency') agency: string, @Query() query: DueQuery): DueDto {
    const due = this.computeDue.execute(
      agency,
      new Date(query.from),
      query.duration,
      query.calendar ?? 'business',
    );
    return {
      agency: due.agency,
      timeZone: due.timeZone,
      calendar: due.calendar,
      from: due.from.toISOString(),
      duration: due.duration,
      dueAt: due.dueAt.toISOString(),
    };
  }

  /** An agency's calendar: zone, working week and the holidays it observes in a year. */
  @Get('calendars/:agency')
  @Authenticated()
  calendar(@Param('agency') agency: string, @Query() query: YearQuery) {
    const year = query.year ?? new Date().getUTCFullYear();
    const ofYear = holidaysFor(year);
    const edits = this.calendars.currentEdits();
    const region = this.agencies.get(agency);
    if (!region) throw new UnknownAgency(agency);
    const inYear = (date: string) => date.startsWith(`${year}-`);
    return {
      agency,
      timeZone: this.calendars.timeZoneOf(agency),
      workingWeek: this.calendars.workingWeekOf(agency),
      year,
      provisional: ofYear.provisional,
      holidays: mergeHolidays(
        [
          ...ofYear.entries.filter((e) => !edits.removed.includes(e.date)),
          ...edits.added.filter((e) => inYear(e.date)),
        ],
        edits.regional.filter((e) => inYear(e.date)),
        region.regionCode ?? undefined,
      ),
    };
  }

  @Put('calendars/:agency/working-week')
  @Authenticated('admin')
  async setWorkingWeek(
    @Param('agency') agency: string,
    @Body() body: WorkingWeekBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.dataSource.transaction((manager) =>
      this.editHolidays.setWorkingWeek(
        new PostgresAdminStore(manager),
        agency,
        body.workingWeek,
        principal.subject,
      ),
    );
    return { agency, workingWeek: body.workingWeek };
  }

  /** National holidays and cuti bersama of a year (shipped decree plus edits), and regional ones. */
  @Get('holidays')
  @Authenticated()
  holidays(@Query() query: YearQuery) {
    const year = query.year ?? new Date().getUTCFullYear();
    const ofYear = holidaysFor(year);
    const edits = this.calendars.currentEdits();
    const inYear = (date: string) => date.startsWith(`${year}-`);
    const national = [
      ...ofYear.entries.filter((e) => !edits.removed.includes(e.date)),
      ...edits.added.filter((e) => inYear(e.date)),
    ];
    return {
      year,
      provisional: ofYear.provisional,
      source: ofYear.source,
      holidays: mergeHolidays(national, []),
      regional: edits.regional.filter((e) => inYear(e.date)),
    };
  }

  @Post('holidays')
  @Authenticated('admin')
  @HttpCode(201)
  async addHoliday(@Body() body: HolidayBody, @CurrentPrincipal() principal: Principal) {
    const holiday = {
      date: body.date,
      name: body.name,
      kind: body.kind,
      regionCode: body.regionCode ?? null,
      source: body.source,
    };
    await this.dataSource.transaction((manager) =>
      this.editHolidays.add(new PostgresAdminStore(manager), holiday, principal.subject),
    );
    return holiday;
  }

  @Delete('holidays/:date')
  @Authenticated('admin')
  @HttpCode(204)
  async removeHoliday(
    @Param('date') date: string,
    @Query() query: RemoveHolidayQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.editHolidays.remove(
        new PostgresAdminStore(manager),
        date,
        query.regionCode ?? null,
        principal.subject,
      ),
    );
  }

  /** Stored policy versions, then the defaults (version 1). */
  @Get('policies')
  @Authenticated('admin', 'oncall')
  @ApiOkResponse({ type: [PolicyDto] })
  async policies(): Promise<PolicyDto[]> {
    const stored = await new PostgresAdminStore(this.dataSource.manager).policies();
    return [...stored, ...DEFAULT_POLICIES].map((r) => ({ ...r, warnings: [...r.warnings] }));
  }

  @Post('policies')
  @Authenticated('admin')
  @HttpCode(201)
  @ApiOkResponse({ type: PolicyDto })
  async addPolicy(
    @Body() body: PolicyBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyDto> {
    const rule = await this.dataSource.transaction((manager) =>
      this.changePolicy.execute(
        new PostgresAdminStore(manager),
        {
          stage: body.stage,
          agency: body.agency ?? null,
          category: body.category ?? null,
          type: body.type ?? null,
          duration: body.duration,
          calendar: body.calendar,
          ...(body.warnings ? { warnings: body.warnings } : {}),
          ...(body.extension !== undefined ? { extension: body.extension } : {}),
        },
        principal.subject,
      ),
    );
    return { ...rule, warnings: [...rule.warnings] };
  }

  /** Who changed which policy or holiday, newest first. */
  @Get('audit')
  @Authenticated('admin')
  audit() {
    return new PostgresAdminStore(this.dataSource.manager).auditTrail(200);
  }
}
