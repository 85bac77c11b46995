import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListDeliveries } from './application/list-deliveries/list-deliveries.use-case';
import { RecordAgencyDelivery } from './application/record-deliveries/record-agency-delivery.use-case';
import { DeliveriesController } from './http/deliveries.controller';
import { ComplaintEventsHandler } from './messaging/complaint-events.handler';
import { PostgresDeliveryStore } from './persistence/postgres-delivery-store';

const systemClock = { now: () => new Date() };

@Module({
  controllers: [DeliveriesController, ComplaintEventsHandler],
  providers: [
    { provide: RecordAgencyDelivery, useFactory: () => new RecordAgencyDelivery(systemClock) },
    {
      provide: ListDeliveries,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new ListDeliveries(new PostgresDeliveryStore(dataSource.manager)),
    },
  ],
})
export class DeliveriesModule {}
