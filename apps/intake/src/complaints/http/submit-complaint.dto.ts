import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_CODE_PATTERN,
  CHANNELS,
  COMPLAINT_TYPES,
  isDateOrInstant,
  LANGUAGES,
  PRIVACIES,
  type Channel,
  type ComplaintType,
  type Language,
  type Privacy,
} from '@salur/contracts';
import { CATEGORIES } from '@salur/directory';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ATTACHMENT_LIMITS } from '../domain/attachments';
import { INDONESIA_BOUNDS } from '../domain/location';
import { AttachmentDto } from './attachment.dto';
import { PhoneNumber, TextField } from './field-decorators';

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code);

export class LocationDto {
  @ApiProperty({ example: '64.71', description: 'Kemendagri region code at any depth' })
  @IsString()
  @MaxLength(13)
  @Matches(/^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/, {
    message: 'must be a Kemendagri region code such as 64 or 64.71',
  })
  regionCode: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @TextField(500)
  address?: string;

  @ApiPropertyOptional({
    minimum: INDONESIA_BOUNDS.minLat,
    maximum: INDONESIA_BOUNDS.maxLat,
    description: 'WGS 84 latitude; with lon, inside Indonesia',
  })
  @ValidateIf((l: LocationDto) => l.lat !== undefined || l.lon !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lat must be given with lon' })
  @Min(INDONESIA_BOUNDS.minLat, { message: 'lat must lie within Indonesia' })
  @Max(INDONESIA_BOUNDS.maxLat, { message: 'lat must lie within Indonesia' })
  lat?: number;

  @ApiPropertyOptional({
    minimum: INDONESIA_BOUNDS.minLon,
    maximum: INDONESIA_BOUNDS.maxLon,
    description: 'WGS 84 longitude; with lat, inside Indonesia',
  })
  @ValidateIf((l: LocationDto) => l.lat !== undefined || l.lon !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'lon must be given with lat' })
  @Min(INDONESIA_BOUNDS.minLon, { message: 'lon must lie within Indonesia' })
  @Max(INDONESIA_BOUNDS.maxLon, { message: 'lon must lie within Indonesia' })
  lon?: number;
}

export class ReporterDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @TextField(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().normalize('NFC') : value,
  )
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({
    example: '0812-3456-7890',
    description: 'Normalised to E.164 (+6281234567890)',
  })
  @IsOptional()
  @PhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ example: '6471012345670001', description: 'NIK: 16 digits' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{16}$/, { message: 'nationalId must be a 16-digit NIK' })
  nationalId?: string;
}

export class SubmitComplaintDto {
  @ApiProperty({ enum: COMPLAINT_TYPES })
  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ maxLength: 200 })
  @TextField(200)
  title: string;

  @ApiProperty({ maxLength: 10000, description: 'Plain text; HTML is kept as text' })
  @TextField(10_000, 'multi-line')
  body: string;

  @ApiPropertyOptional({ enum: CATEGORY_CODES, description: 'Optional: the verifier classifies' })
  @IsOptional()
  @IsIn(CATEGORY_CODES, { message: 'category must be a code of the category catalogue' })
  category?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'A date or an ISO 8601 instant' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @ValidateBy({
    name: 'dateOrInstant',
    validator: {
      validate: (value: unknown) => isDateOrInstant(value),
      defaultMessage: () => '$property must be a date (2026-11-20) or an ISO 8601 instant',
    },
  })
  occurredAt?: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiPropertyOptional({ example: 'pemda-64.71', description: 'The agency the reporter addresses' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(AGENCY_CODE_PATTERN, { message: 'targetAgency must be an agency code' })
  targetAgency?: string;

  @ApiProperty({ enum: PRIVACIES })
  @IsIn(PRIVACIES)
  privacy: Privacy;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({
    type: ReporterDto,
    description: 'Name and email or phone, required unless privacy is anonymous',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: ATTACHMENT_LIMITS.count })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTACHMENT_LIMITS.count)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class SubmitComplaintResponseDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'SLR-7K3M-Q9TX-2B8D' })
  trackingId: string;

  @ApiProperty({ description: "The reporter's secret for their full view; shown once" })
  trackingToken: string;

  @ApiProperty({ example: 'pending_verification' })
  status: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
}
