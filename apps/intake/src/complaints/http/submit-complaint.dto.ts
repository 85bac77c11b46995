import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  COMPLAINT_TYPES,
  LANGUAGES,
  PRIVACIES,
  type Channel,
  type ComplaintType,
  type Language,
  type Privacy,
} from '@salur/contracts';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class LocationDto {
  @ApiProperty({ example: '64.71', description: 'Kemendagri region code at any depth' })
  @IsString()
  @Matches(/^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/, {
    message: 'must be a Kemendagri region code such as 64 or 64.71',
  })
  regionCode: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class ReporterDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, { message: 'must be a phone number, e.g. +6281234567890' })
  phone?: string;
}

export class SubmitComplaintDto {
  @ApiProperty({ enum: COMPLAINT_TYPES })
  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body: string;

  @ApiPropertyOptional({ example: 'infrastruktur' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/, { message: 'must be a category code' })
  @MaxLength(64)
  category?: string;

  @ApiProperty({ type: LocationDto })
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiProperty({ enum: PRIVACIES })
  @IsIn(PRIVACIES)
  privacy: Privacy;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: ReporterDto, description: 'Required unless privacy is anonymous' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;
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
