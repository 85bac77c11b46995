import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@salur/contracts';
import { MessagingModule } from '@salur/messaging';
import { AuthModule, TypeOrmDatabaseModule } from '@salur/platform';
import type { SlaEnv } from './config/sla.env';
import { slaDatabase } from './database/data-source';
import { AdminModule } from './admin/admin.module';
import { ClocksModule } from './clocks/clocks.module';
import { OncallModule } from './oncall/oncall.module';

@Module({})
export class SlaModule {
  static register(config: SlaEnv): DynamicModule {
    const clocks = ClocksModule.register(config);
    return {
      module: SlaModule,
      imports: [
        TypeOrmDatabaseModule.forConfig(config, slaDatabase(config.DATABASE_URL)),
        MessagingModule.forService(config, {
          name: 'sla',
          produces: [Topics.sla],
        }),
        AuthModule.forRoot(config),
        AdminModule.register(clocks),
        OncallModule.register(config, clocks),
      ],
    };
  }
}
