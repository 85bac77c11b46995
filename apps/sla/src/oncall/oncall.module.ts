import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createStandaloneLogger } from '@salur/platform';
import type { SlaEnv } from '../config/sla.env';
import type { ClocksModule } from '../clocks/clocks.module';
import { BoardController } from './http/board.controller';
import { OncallController } from './http/oncall.controller';
import { SlaStream } from './stream/sla-stream';

@Injectable()
export class SlaStreamLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(SlaStream) private readonly stream: SlaStream) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.stream.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stream.stop();
  }
}

@Module({})
export class OncallModule {
  static register(config: SlaEnv, clocks: ReturnType<typeof ClocksModule.register>): DynamicModule {
    return {
      module: OncallModule,
      imports: [clocks],
      controllers: [OncallController, BoardController],
      providers: [
        {
          provide: SlaStream,
          useFactory: () =>
            new SlaStream(
              config.DATABASE_URL,
              createStandaloneLogger('sla-stream', config.LOG_LEVEL),
            ),
        },
        SlaStreamLifecycle,
      ],
    };
  }
}
