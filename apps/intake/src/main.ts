import 'reflect-metadata';
import { startEventTransport } from '@salur/messaging';
import { bootstrapService, exitOnStartupFailure, loadConfig } from '@salur/platform';
import { IntakeEnv } from './config/intake.env';
import { IntakeModule } from './intake.module';

async function main(): Promise<void> {
  const config = loadConfig(IntakeEnv);
  await bootstrapService({
    name: 'intake',
    module: IntakeModule.register(config),
    config,
    swagger: {
      title: 'Salur intake',
      version: '1',
      description:
        'Citizen-facing intake: submit a complaint once, through any channel, and follow it.',
    },
    // Form-encoded bodies (Open311 posts) are parsed by Nest's own Fastify parser.
    configure: startEventTransport,
  });
}

main().catch(exitOnStartupFailure('intake'));
