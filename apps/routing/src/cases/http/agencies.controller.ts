import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AGENCY_CODE_PATTERN, AGENCY_LEVELS, type AgencyLevel } from '@salur/contracts';
import { INDONESIAN_TIME_ZONES, type AgencySeed, type IndonesianTimeZone } from '@salur/directory';
import { Authenticated, CurrentPrincipal, type Principal } from '@salur/platform';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ManageAgencies,
  type AgencyChangeResult,
} from '../application/manage-agencies/manage-agencies.use-case';
import { LiveAgencyDirectory } from '../application/live-agency-directory';
import { AgencyNotFound } from '../domain/errors';

const AGENCY_CODE = AGENCY_CODE_PATTERN;
const REGION_CODE = /^\d{2}(?:\.\d{2})?$/;

export class CreateAgencyDto {
  @ApiProperty({ example: 'kl-bpjs-kesehatan' })
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  shortName: string;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS)
  level: AgencyLevel;

  @ApiProperty({ nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  parentCode: string | null;

  @ApiProperty({ nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @Matches(REGION_CODE, { message: 'must be a province or regency code' })
  regionCode: string | null;

  @ApiProperty({ enum: INDONESIAN_TIME_ZONES })
  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone: IndonesianTimeZone;

  @ApiProperty()
  @IsBoolean()
  hasPpid: boolean;
}

export class EditAgencyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  shortName?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  parentCode?: string | null;

  @ApiPropertyOptional({ enum: INDONESIAN_TIME_ZONES })
  @IsOptional()
  @IsIn(INDONESIAN_TIME_ZONES)
  timeZone?: IndonesianTimeZone;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  hasPpid?: boolean;

  @ApiPropertyOptional({ description: 'false deactivates: its open complaints are re-routed' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListAgenciesQueryDto {
  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: AgencyLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  parent?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;
}

/** The agency directory: everyone signed in reads it, admins change it. */
@ApiTags('agencies')
@Controller('v1/agencies')
export class AgenciesController {
  constructor(
    private readonly manageAgencies: ManageAgencies,
    private readonly directory: LiveAgencyDirectory,
  ) {}

  @Get()
  @Authenticated()
  list(@Query() q: ListAgenciesQueryDto): { items: readonly AgencySeed[] } {
    return {
      items: this.directory
        .current()
        .all()
        .filter(
          (a) =>
            (q.level === undefined || a.level === q.level) &&
            (q.parent === undefined || a.parentCode === q.parent) &&
            (q.active === undefined || a.active === q.active),
        ),
    };
  }

  @Get(':code')
  @Authenticated()
  get(@Param('code') code: string): AgencySeed {
    const agency = this.directory.current().get(code);
    if (!agency) throw new AgencyNotFound(code);
    return agency;
  }

  @Post()
  @Authenticated('admin')
  create(@Body() dto: CreateAgencyDto): Promise<AgencySeed> {
    return this.manageAgencies.create({
      code: dto.code,
      name: dto.name,
      shortName: dto.shortName,
      level: dto.level,
      parentCode: dto.parentCode,
      regionCode: dto.regionCode,
      timeZone: dto.timeZone,
      hasPpid: dto.hasPpid,
      active: true,
    });
  }

  @Patch(':code')
  @Authenticated('admin')
  edit(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() dto: EditAgencyDto,
  ): Promise<AgencyChangeResult> {
    return this.manageAgencies.update(
      code,
      {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.shortName !== undefined ? { shortName: dto.shortName } : {}),
        ...(dto.parentCode !== undefined ? { parentCode: dto.parentCode } : {}),
        ...(dto.timeZone !== undefined ? { timeZone: dto.timeZone } : {}),
        ...(dto.hasPpid !== undefined ? { hasPpid: dto.hasPpid } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      },
      { role: 'admin', id: principal.subject },
    );
  }
}
