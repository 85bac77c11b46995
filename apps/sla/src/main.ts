import 'reflect-metadata';
import { startEventTransport } from '@salur/messaging';
import { bootstrapService, exitOnStartupFailure, loadConfig } from '@salur/platform';
import { SlaEnv } from './config/sla.env';
import { SlaModule } from './sla.module';

async function main(): Promise<void> {
  const config = loadConfig(SlaEnv);
  await bootstrapService({
    name: 'sla',
    module: SlaModule.register(config),
    config,
    swagger: {
      title: 'Salur SLA',
      version: '1',
      description: 'Business calendars, SLA clocks, warnings, breaches and escalation requests.',
    },
    configure: startEventTransport,
  });
}

main().catch(exitOnStartupFailure('sla'));
