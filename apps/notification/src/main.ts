import 'reflect-metadata';
import { startEventTransport } from '@salur/messaging';
import { bootstrapService, exitOnStartupFailure, loadConfig } from '@salur/platform';
import { NotificationEnv } from './config/notification.env';
import { NotificationModule } from './notification.module';

async function main(): Promise<void> {
  const config = loadConfig(NotificationEnv);
  await bootstrapService({
    name: 'notification',
    module: NotificationModule.register(config),
    config,
    swagger: {
      title: 'Salur notification',
      version: '1',
      description:
        'Reporter notifications, signed agency webhooks, on-call paging and the delivery log.',
    },
    configure: startEventTransport,
  });
}

main().catch(exitOnStartupFailure('notification'));
