import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, ProblemDetailsDto } from '@salur/platform';
import { IsUUID } from 'class-validator';
import { ListDeliveries } from '../application/list-deliveries/list-deliveries.use-case';
import { RedriveDelivery } from '../application/redrive-delivery/redrive-delivery.use-case';

export class DeliveriesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  complaintId: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) sourceEventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ enum: ['reporter', 'agency', 'oncall'] }) recipientKind: string;
  @ApiProperty({ description: 'agency code, on-call route, or the complaint id for its reporter' })
  recipient: string;
  @ApiProperty({ enum: ['email', 'sms', 'webhook', 'page'] }) channel: string;
  @ApiProperty({ description: 'subscription id of a webhook, dedup key and action of a page' })
  targetKey: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) lastError: string | null;
  @ApiProperty({ nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
}

@ApiTags('deliveries')
@Controller('v1/deliveries')
@Authenticated('admin', 'oncall')
export class DeliveriesController {
  constructor(
    private readonly listDeliveries: ListDeliveries,
    private readonly redriveDelivery: RedriveDelivery,
  ) {}

  @Get()
  @ApiOkResponse({ type: DeliveryListDto })
  async list(@Query() query: DeliveriesQuery): Promise<DeliveryListDto> {
    const deliveries = await this.listDeliveries.execute(query.complaintId);
    return {
      items: deliveries.map((d) => ({
        deliveryId: d.deliveryId,
        sourceEventId: d.sourceEventId,
        eventType: d.eventType,
        complaintId: d.complaintId,
        recipientKind: d.recipientKind,
        recipient: d.recipient,
        channel: d.channel,
        targetKey: d.targetKey,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        lastStatusCode: d.lastStatusCode,
        nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }

  /** A failed delivery gets a fresh round of tries, starting now. */
  @Post(':deliveryId/redrive')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'the delivery is pending again, due now' })
  @ApiResponse({ status: 404, type: ProblemDetailsDto })
  @ApiResponse({ status: 409, type: ProblemDetailsDto, description: 'the delivery has not failed' })
  async redrive(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string): Promise<void> {
    await this.redriveDelivery.execute(deliveryId);
  }
}
