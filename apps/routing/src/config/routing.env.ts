import { CHANNELS, type Channel } from '@salur/contracts';
import { BaseServiceEnv, EnvList, EnvNumber } from '@salur/platform';
import { IsArray, IsIn, IsInt, Max, Min } from 'class-validator';

/** Routing's configuration: the shared variables, auto-verification and duplicate detection. */
export class RoutingEnv extends BaseServiceEnv {
  override PORT = 3002;

  /**
   * Channels whose complete submissions (category, location, a reporter with a name and an email
   * or phone) are verified without a verifier; `none` turns auto-verification off.
   */
  @EnvList()
  @IsArray()
  @IsIn([...CHANNELS, 'none'], { each: true })
  ROUTING_AUTO_VERIFY_CHANNELS: (Channel | 'none')[] = ['web', 'mobile'];

  /**
   * How far back (hours) a new submission is compared with open complaints about the same
   * regency/city to find a duplicate; 0 turns duplicate detection off.
   */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(8760)
  ROUTING_DUPLICATE_WINDOW_HOURS = 168;
}

/** The trusted channels of `ROUTING_AUTO_VERIFY_CHANNELS`, without the `none` marker. */
export function autoVerifiedChannels(config: RoutingEnv): Channel[] {
  return config.ROUTING_AUTO_VERIFY_CHANNELS.filter((c): c is Channel => c !== 'none');
}
