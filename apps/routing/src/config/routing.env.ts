import { BaseServiceEnv } from '@salur/platform';

/** Routing's configuration: the shared variables. */
export class RoutingEnv extends BaseServiceEnv {
  override PORT = 3002;
}
