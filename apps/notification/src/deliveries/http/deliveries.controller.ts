import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@salur/platform';
import { IsUUID } from 'class-validator';
import { ListDeliveries } from '../application/list-deliveries/list-deliveries.use-case';

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
  @ApiProperty() recipient: string;
  @ApiProperty({ enum: ['email', 'sms', 'webhook', 'page'] }) channel: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
}

@ApiTags('deliveries')
@Controller('v1/deliveries')
@Authenticated('admin', 'oncall')
export class DeliveriesController {
  constructor(private readonly listDeliveries: ListDeliveries) {}

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
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
      })),
    };
  }
}
