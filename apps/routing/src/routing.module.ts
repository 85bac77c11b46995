import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import { AuthModule, TypeOrmDatabaseModule } from '@salur/platform';
import type { RoutingEnv } from './config/routing.env';
import { routingDatabase } from './database/data-source';
import { CasesModule } from './cases/cases.module';

@Module({})
export class RoutingModule {
  static register(config: RoutingEnv): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        TypeOrmDatabaseModule.forConfig(config, routingDatabase(config.DATABASE_URL)),
        MessagingModule.forService(config, {
          name: 'routing',
          produces: [Topics.complaints],
        }),
        AuthModule.forRoot(config),
        CasesModule,
      ],
    };
  }
}
