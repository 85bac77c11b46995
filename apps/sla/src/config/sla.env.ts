import { BaseServiceEnv } from '@salur/platform';

/** The SLA service's configuration: the shared variables. */
export class SlaEnv extends BaseServiceEnv {
  override PORT = 3003;
}
