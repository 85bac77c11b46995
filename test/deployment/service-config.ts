import { ConfigError, loadConfig, type BaseServiceEnv } from '@salur/platform';
import { IntakeEnv } from '../../apps/intake/src/config/intake.env';
import { NotificationEnv } from '../../apps/notification/src/config/notification.env';
import { RoutingEnv } from '../../apps/routing/src/config/routing.env';
import { SlaEnv } from '../../apps/sla/src/config/sla.env';

/** The four services and the configuration class each validates its environment with. */
export type Service = 'intake' | 'routing' | 'sla' | 'notification';

export const envClasses: Record<Service, new () => BaseServiceEnv> = {
  intake: IntakeEnv,
  routing: RoutingEnv,
  sla: SlaEnv,
  notification: NotificationEnv,
};

/** The variables a service refuses to start without: those named when the environment is empty. */
export function requiredVariables(envClass: new () => BaseServiceEnv): string[] {
  try {
    loadConfig(envClass, {});
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}
