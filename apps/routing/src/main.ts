import 'reflect-metadata';
import { startEventTransport } from '@salur/messaging';
import { bootstrapService, exitOnStartupFailure, loadConfig } from '@salur/platform';
import { RoutingEnv } from './config/routing.env';
import { RoutingModule } from './routing.module';

async function main(): Promise<void> {
  const config = loadConfig(RoutingEnv);
  await bootstrapService({
    name: 'routing',
    module: RoutingModule.register(config),
    config,
    swagger: {
      title: 'Salur routing',
      version: '1',
      description: 'Agency directory, verification, disposition rules and the complaint lifecycle.',
    },
    configure: startEventTransport,
  });
}

main().catch(exitOnStartupFailure('routing'));
