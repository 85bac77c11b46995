import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ATTACHMENT_LIMITS } from '../domain/attachments';
import { AttachmentDto } from './attachment.dto';
import { TextField } from './field-decorators';

export class ReplyDto {
  @ApiProperty({ maxLength: 5000 })
  @TextField(5_000, 'multi-line')
  message: string;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: ATTACHMENT_LIMITS.count })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTACHMENT_LIMITS.count)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class ConfirmationDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (poor) to 5 (excellent)' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @TextField(5_000, 'multi-line')
  comment?: string;
}

export class ReopenDto {
  @ApiProperty({ maxLength: 5000 })
  @TextField(5_000, 'multi-line')
  reason: string;
}

export class ReporterActionResponseDto {
  @ApiProperty({ example: 'SLR-7K3M-Q9TX-2B8D' })
  trackingId: string;

  @ApiProperty({ enum: ['reply', 'confirm', 'reopen'] })
  action: string;

  @ApiProperty({ description: 'The status when accepted; routing decides the next one' })
  status: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;
}
