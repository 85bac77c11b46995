import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  CATEGORY_PATTERN,
  CHANNELS,
  COMPLAINT_TYPES,
  REGION_CODE_PATTERN,
  type Channel,
  type ComplaintType,
} from '@salur/contracts';
import {
  Authenticated,
  CurrentPrincipal,
  RequestValidationError,
  type Principal,
} from '@salur/platform';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { ManageRules } from '../application/manage-rules/manage-rules.use-case';
import type { StoredRuleSet } from '../application/ports';
import type { RuledDisposition } from '../domain/disposition';
import { parseRuleSet } from '../domain/rule-set-validation';

export class ReplaceRulesDto {
  @ApiProperty({ description: 'The version this change is based on (0 for the first)' })
  @IsInt()
  @Min(0)
  expectedVersion: number;

  @ApiProperty({
    description:
      'Ordered rules, first match wins: { id, description?, when: { categories?, types?, regionPrefixes?, keywords?, channels? }, target: { kind, agency? } }',
  })
  @IsArray()
  rules: unknown[];
}

export class SimulateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CATEGORY_PATTERN, { message: 'must be a category code' })
  category?: string;

  @ApiProperty({ enum: COMPLAINT_TYPES })
  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @ApiProperty({ example: '64.71' })
  @Matches(REGION_CODE_PATTERN, { message: 'must be a region code' })
  regionCode: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  body?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;
}

/** The disposition rule set: read, replace (a new version), and a dry run. */
@ApiTags('rules')
@Controller('v1/rules')
export class RulesController {
  constructor(private readonly manageRules: ManageRules) {}

  @Get()
  @Authenticated('verifier', 'admin')
  current(): Promise<StoredRuleSet> {
    return this.manageRules.current();
  }

  @Put()
  @Authenticated('admin')
  replace(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ReplaceRulesDto,
  ): Promise<StoredRuleSet> {
    const parsed = parseRuleSet(dto.rules);
    if (parsed.rules === null) throw new RequestValidationError(parsed.errors);
    return this.manageRules.replace({
      rules: parsed.rules,
      expectedVersion: dto.expectedVersion,
      by: principal.subject,
    });
  }

  @Post('simulate')
  @HttpCode(200)
  @Authenticated('verifier', 'admin')
  async simulate(
    @Body() dto: SimulateDto,
  ): Promise<{ agency: string; reason: string; ruleId: string | null; ruleSetVersion: number }> {
    const result: RuledDisposition & { ruleSetVersion: number } = await this.manageRules.simulate({
      category: dto.category ?? null,
      type: dto.type,
      regionCode: dto.regionCode,
      title: dto.title,
      body: dto.body ?? '',
      channel: dto.channel,
    });
    return {
      agency: result.agency.code,
      reason: result.reason,
      ruleId: result.ruleId ?? null,
      ruleSetVersion: result.ruleSetVersion,
    };
  }
}
