import { ConfigError, loadConfig } from '@salur/platform';
import { autoVerifiedChannels, RoutingEnv } from './routing.env';

const required = {
  DATABASE_URL: 'postgres://localhost/salur',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'a-development-secret-of-at-least-32-chars',
};

describe('routing configuration', () => {
  it('auto-verifies web and mobile, and looks back a week for duplicates, by default', () => {
    const config = loadConfig(RoutingEnv, required);
    expect(autoVerifiedChannels(config)).toEqual(['web', 'mobile']);
    expect(config.ROUTING_DUPLICATE_WINDOW_HOURS).toBe(168);
    expect(config.PORT).toBe(3002);
  });

  it('takes other channels, or none', () => {
    expect(
      autoVerifiedChannels(
        loadConfig(RoutingEnv, { ...required, ROUTING_AUTO_VERIFY_CHANNELS: 'web, whatsapp' }),
      ),
    ).toEqual(['web', 'whatsapp']);
    expect(
      autoVerifiedChannels(
        loadConfig(RoutingEnv, { ...required, ROUTING_AUTO_VERIFY_CHANNELS: 'none' }),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown channel, naming the variable', () => {
    expect(() =>
      loadConfig(RoutingEnv, { ...required, ROUTING_AUTO_VERIFY_CHANNELS: 'fax' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig(RoutingEnv, { ...required, ROUTING_AUTO_VERIFY_CHANNELS: 'fax' }),
    ).toThrow(/ROUTING_AUTO_VERIFY_CHANNELS/);
  });
});
