import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_TYPES, SLA_STAGES, type ComplaintType, type SlaStage } from '@salur/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';

export class DueQuery {
  @ApiProperty({ format: 'date-time', example: '2026-11-02T02:00:00Z' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ example: 'P5D', description: 'ISO 8601; days are working days in business time' })
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  duration: string;

  @ApiPropertyOptional({ enum: ['business', '24x7'], default: 'business' })
  @IsOptional()
  @IsIn(['business', '24x7'])
  calendar?: 'business' | '24x7';
}

export class DueDto {
  @ApiProperty({ example: 'pemda-64.71' }) agency: string;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
  @ApiProperty({ enum: ['business', '24x7'] }) calendar: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ example: 'P5D' }) duration: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class YearQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;
}

const REGION = /^\d{2}(\.\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class HolidayBody {
  @ApiProperty({ example: '2026-03-19' })
  @Matches(DATE, { message: '$property must be a date written YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: 'Hari Suci Nyepi' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['national_holiday', 'cuti_bersama', 'regional_holiday'] })
  @IsIn(['national_holiday', 'cuti_bersama', 'regional_holiday'])
  kind: 'national_holiday' | 'cuti_bersama' | 'regional_holiday';

  @ApiPropertyOptional({ example: '51', description: 'province or regency/city; regional only' })
  @IsOptional()
  @Matches(REGION, {
    message: '$property must be a province or regency/city code such as 51 or 64.02',
  })
  regionCode?: string;

  @ApiProperty({
    example: 'SKB 1017/2024, 2/2024, 2/2024',
    description: 'the decree or regulation',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source: string;
}

export class RemoveHolidayQuery {
  @ApiPropertyOptional({ example: '51' })
  @IsOptional()
  @Matches(REGION, {
    message: '$property must be a province or regency/city code such as 51 or 64.02',
  })
  regionCode?: string;
}

export class PolicyBody {
  @ApiProperty({ enum: SLA_STAGES })
  @IsIn(SLA_STAGES)
  stage: SlaStage;

  @ApiPropertyOptional({ example: 'pemda-64.71' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({ example: 'infrastruktur' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_TYPES })
  @IsOptional()
  @IsIn(COMPLAINT_TYPES)
  type?: ComplaintType;

  @ApiProperty({ example: 'P5D' })
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  duration: string;

  @ApiProperty({ enum: ['business', '24x7'] })
  @IsIn(['business', '24x7'])
  calendar: 'business' | '24x7';

  @ApiPropertyOptional({ example: [0.5, 0.8] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  warnings?: number[];

  @ApiPropertyOptional({
    example: 'P7D',
    nullable: true,
    type: String,
    description:
      'What one extension adds, in the same calendar (ISO 8601). Omitted: P7D for follow_up, ' +
      'none for the other stages; null: the stage cannot be extended.',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  extension?: string | null;
}

export class PolicyDto {
  @ApiProperty({ enum: SLA_STAGES }) stage: string;
  @ApiProperty({ nullable: true, type: String }) agency: string | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) type: string | null;
  @ApiProperty() version: number;
  @ApiProperty() duration: string;
  @ApiProperty({ enum: ['business', '24x7'] }) calendar: string;
  @ApiProperty({ type: [Number] }) warnings: number[];
  @ApiProperty({ nullable: true, type: String }) extension: string | null;
}

export class WorkingWeekBody {
  @ApiProperty({
    example: {
      monday: [{ start: '08:00', end: '16:00' }],
      saturday: [{ start: '08:00', end: '12:00' }],
    },
    description:
      'working intervals per weekday, local time; a missing weekday is not a working day',
  })
  @IsObject()
  workingWeek: Record<string, { start: string; end: string }[]>;
}
