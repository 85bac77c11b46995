import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_CODE_PATTERN,
  CATEGORY_PATTERN,
  COMPLAINT_TYPES,
  PRIVACIES,
  REJECTION_REASONS,
  type ComplaintType,
  type Privacy,
  type RejectionReason,
} from '@salur/contracts';
import { Type } from 'class-transformer';
import { MAX_POSTPONE_DAYS, POSTPONE_REASONS, type PostponeReason } from '../domain/complaint-case';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const AGENCY_CODE = AGENCY_CODE_PATTERN;
const CATEGORY = CATEGORY_PATTERN;

export class VerifyDto {
  @ApiProperty({ example: 'infrastruktur' })
  @Matches(CATEGORY, { message: 'must be a category code' })
  category: string;

  @ApiProperty({ enum: COMPLAINT_TYPES })
  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @ApiPropertyOptional({ enum: PRIVACIES, description: 'May raise the privacy, never lower it' })
  @IsOptional()
  @IsIn(PRIVACIES)
  privacy?: Privacy;

  @ApiPropertyOptional({ description: 'Route to this agency instead of by the rules' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  agency?: string;
}

export class RejectDto {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS)
  reason: RejectionReason;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note?: string;
}

export class PostponeDto {
  @ApiProperty({
    example: '2026-12-01T01:00:00Z',
    description: `An instant in the future, at most ${MAX_POSTPONE_DAYS} days ahead (ISO 8601 with a time zone)`,
  })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 instant' })
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, { message: 'must be an instant with a time zone' })
  until: string;

  @ApiProperty({ enum: POSTPONE_REASONS })
  @IsIn(POSTPONE_REASONS)
  reason: PostponeReason;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required when the reason is other' })
  @ValidateIf((dto: PostponeDto) => dto.reason === 'other' || dto.note !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note?: string;
}

export class RequestInfoDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  question: string;
}

export class AttachmentDto {
  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  url: string;

  @ApiProperty({ example: 'image/jpeg' })
  @Matches(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, { message: 'must be a MIME type' })
  @MaxLength(127)
  contentType: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(100 * 1024 * 1024)
  size: number;

  @ApiProperty()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a lower-case hex SHA-256' })
  sha256: string;
}

export class RespondDto {
  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  response: string;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class ForwardDto {
  @ApiProperty({ example: 'pemda-64' })
  @Matches(AGENCY_CODE, { message: 'must be an agency code' })
  toAgency: string;

  @ApiProperty({ description: 'Why it is not this agency’s authority ("bukan wewenang")' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

export class EscalateDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason?: string;
}

export class ExtendDto {
  @ApiProperty({
    maxLength: 5000,
    description: 'Why the agency needs more time; shown to the reporter.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'must not be blank' })
  reason: string;
}

export class QueueQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses' })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated follow-up SLA states: running, at_risk, paused, breached, met',
  })
  @IsOptional()
  @IsString()
  slaState?: string;

  @ApiPropertyOptional({ enum: ['due', 'submitted'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'submitted'])
  sort?: 'due' | 'submitted';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CATEGORY, { message: 'must be a category code' })
  category?: string;

  @ApiPropertyOptional({ description: 'Submitted at or after (ISO 8601)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'Submitted before (ISO 8601)' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
