import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_LEVELS, SLA_STAGES, type SlaStage } from '@salur/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class OncallQuery {
  @ApiPropertyOptional({ example: 'pemda-64.71' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: string;

  @ApiPropertyOptional({
    example: '64',
    description: 'Kemendagri code prefix: province or regency/city',
  })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
    message: '$property must be a Kemendagri region code such as 64 or 64.71',
  })
  region?: string;

  @ApiPropertyOptional({ enum: SLA_STAGES })
  @IsOptional()
  @IsIn(SLA_STAGES)
  stage?: SlaStage;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'breached (or, for at-risk, started) at or after',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class OncallItemDto {
  @ApiProperty({ format: 'uuid' }) clockId: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ enum: SLA_STAGES }) stage: string;
  @ApiProperty({ nullable: true, type: String }) agency: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyLevel: string | null;
  @ApiProperty({ example: '64.71' }) regionCode: string;
  @ApiProperty({ example: '64' }) province: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) breachedAt: string | null;
  @ApiProperty({ description: 'ms past the deadline (negative: still to go), wall-clock' })
  overdueMs: number;
  @ApiProperty({
    description: 'working time left in the agency calendar, ISO 8601',
    example: 'PT3H',
  })
  remaining: string;
  @ApiProperty({ nullable: true, type: Number }) warnedAt: number | null;
}

export class OncallPageDto {
  @ApiProperty({ type: [OncallItemDto] }) items: OncallItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ example: { '64': 3, '31': 1 } }) byProvince: Record<string, number>;
}
