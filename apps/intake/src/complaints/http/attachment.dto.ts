import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_LIMITS } from '../domain/attachments';

/** A file the channel already put in the object store; only its metadata comes here. */
export class AttachmentDto {
  @ApiProperty({ example: 'https://files.example.test/a/9f1c.jpg', maxLength: 2048 })
  @IsString()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  url: string;

  @ApiProperty({ enum: ATTACHMENT_CONTENT_TYPES })
  @IsIn(ATTACHMENT_CONTENT_TYPES)
  contentType: string;

  @ApiProperty({ minimum: 1, maximum: ATTACHMENT_LIMITS.bytes, description: 'Bytes' })
  @IsInt()
  @Min(1)
  @Max(ATTACHMENT_LIMITS.bytes)
  size: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'Lower-case hex SHA-256' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a lower-case hex SHA-256' })
  sha256: string;
}
