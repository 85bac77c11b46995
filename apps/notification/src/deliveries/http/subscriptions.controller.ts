import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { EVENT_TYPE_LIST, isAgencyCode } from '@salur/contracts';
import {
  Authenticated,
  CurrentPrincipal,
  ProblemDetailsDto,
  type Principal,
} from '@salur/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { ManageSubscriptions } from '../application/subscriptions/manage-subscriptions.use-case';
import { SubscriptionNotFound } from '../domain/notification-errors';
import type { Subscription } from '../domain/subscription';

const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'pemda-64.71' })
  @ValidateBy({
    name: 'isAgencyCode',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isAgencyCode(v),
      defaultMessage: () => '$property must be an agency code',
    },
  })
  agency: string;

  @ApiProperty({ example: 'https://sim.balikpapan.go.id/hooks/salur' })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ type: [String], description: 'event types wanted; empty or absent: all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(EVENT_TYPE_LIST, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    description: '`whsec_` and base64 of at least 24 bytes; generated if absent',
  })
  @IsOptional()
  @Matches(SECRET_PATTERN, {
    message: '$property must be whsec_ followed by base64 of at least 24 bytes',
  })
  secret?: string;
}

export class RotateSecretDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(SECRET_PATTERN, {
    message: '$property must be whsec_ followed by base64 of at least 24 bytes',
  })
  secret?: string;
}

export class SubscriptionsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  agency?: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' }) subscriptionId: string;
  @ApiProperty() agency: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) eventTypes: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'end of the rotation overlap' })
  previousSecretExpiresAt: string | null;
}

export class SubscriptionWithSecretDto extends SubscriptionDto {
  @ApiProperty({ description: 'shown only when created or rotated' }) secret: string;
}

type SubscriptionDtoShape = Omit<SubscriptionDto, never>;

export class SubscriptionListDto {
  @ApiProperty({ type: [SubscriptionDto] }) items: SubscriptionDto[];
}

function toDto(s: Subscription): SubscriptionDtoShape {
  return {
    subscriptionId: s.subscriptionId,
    agency: s.agency,
    url: s.url,
    eventTypes: [...s.eventTypes],
    createdAt: s.createdAt.toISOString(),
    previousSecretExpiresAt: s.previousSecretExpiresAt?.toISOString() ?? null,
  };
}

/** An admin manages every agency's subscriptions; an agency role only its own (404 otherwise). */
function scopeOf(principal: Principal): string | null {
  return principal.roles.includes('admin') ? null : (principal.agency ?? '');
}

@ApiTags('subscriptions')
@Controller('v1/subscriptions')
@Authenticated('admin', 'agency_supervisor', 'agency_operator')
@ApiResponse({ status: 404, type: ProblemDetailsDto })
export class SubscriptionsController {
  constructor(private readonly subscriptions: ManageSubscriptions) {}

  @Post()
  @ApiResponse({ status: 201, type: SubscriptionWithSecretDto })
  @ApiResponse({ status: 400, type: ProblemDetailsDto, description: 'invalid or refused URL' })
  async create(
    @Body() body: CreateSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionWithSecretDto> {
    const scope = scopeOf(principal);
    if (scope !== null && scope !== body.agency) {
      throw new SubscriptionNotFound(`agency ${body.agency} was not found`);
    }
    const created = await this.subscriptions.create({
      agency: body.agency,
      url: body.url,
      eventTypes: body.eventTypes ?? [],
      secret: body.secret,
    });
    return { ...toDto(created), secret: created.secret };
  }

  @Get()
  @ApiOkResponse({ type: SubscriptionListDto })
  async list(
    @Query() query: SubscriptionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionListDto> {
    const scope = scopeOf(principal);
    const agency = scope ?? query.agency ?? null;
    return { items: (await this.subscriptions.list(agency)).map(toDto) };
  }

  @Get(':id')
  @ApiOkResponse({ type: SubscriptionDto })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return toDto(await this.subscriptions.get(id, visibleTo(principal)));
  }

  /** A new secret signs from now on; the previous one also signs until the overlap ends. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: SubscriptionWithSecretDto })
  async rotate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RotateSecretDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionWithSecretDto> {
    const rotated = await this.subscriptions.rotate(id, visibleTo(principal), body.secret);
    return { ...toDto(rotated), secret: rotated.secret };
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.subscriptions.delete(id, visibleTo(principal));
  }
}

function visibleTo(principal: Principal): (s: Subscription) => boolean {
  const scope = scopeOf(principal);
  return (s) => scope === null || s.agency === scope;
}
