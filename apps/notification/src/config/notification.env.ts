import { BaseServiceEnv } from '@salur/platform';

/** The notification service's configuration: the shared variables. */
export class NotificationEnv extends BaseServiceEnv {
  override PORT = 3004;
}
