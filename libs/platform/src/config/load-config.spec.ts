import { IsString, MinLength } from 'class-validator';
import { BaseServiceEnv } from './base-service.env';
import { EnvBoolean, EnvList } from './env-decorators';
import { ConfigError, loadConfig } from './load-config';

class IntakeEnv extends BaseServiceEnv {
  override PORT = 3001;

  @EnvList()
  @IsString({ each: true })
  @MinLength(8, { each: true })
  OPEN311_API_KEYS: string[] = [];

  @EnvBoolean()
  OPEN311_ENABLED = true;
}

const valid = {
  DATABASE_URL: 'postgres://salur:pw@db:5432/salur',
  KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
  AUTH_JWT_SECRET: 'x'.repeat(32),
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(IntakeEnv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults, converts types and keeps the app default port', () => {
    const config = loadConfig(IntakeEnv, valid);
    expect(config).toBeInstanceOf(IntakeEnv);
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      KAFKA_BROKERS: ['kafka-0:9092', 'kafka-1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: 10_000,
      HTTP_BODY_LIMIT: 1_048_576,
      AUTH_JWT_ISSUER: 'salur',
      AUTH_JWT_AUDIENCE: 'salur',
      OPEN311_API_KEYS: [],
      OPEN311_ENABLED: true,
    });
    expect(config.KAFKA_CLIENT_ID).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads overrides and the app’s own variables', () => {
    const config = loadConfig(IntakeEnv, {
      ...valid,
      PORT: '8080',
      LOG_LEVEL: 'debug',
      KAFKA_TOPIC_PREFIX: 'test-42.',
      OPEN311_API_KEYS: 'key-one-1,key-two-2',
      OPEN311_ENABLED: 'false',
      AUTH_JWT_AUDIENCE: 'salur-agencies',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      LOG_LEVEL: 'debug',
      KAFKA_TOPIC_PREFIX: 'test-42.',
      OPEN311_API_KEYS: ['key-one-1', 'key-two-2'],
      OPEN311_ENABLED: false,
      AUTH_JWT_AUDIENCE: 'salur-agencies',
    });
  });

  it('reads only declared variables, not the rest of the environment', () => {
    const config = loadConfig(IntakeEnv, { ...valid, PATH: '/usr/bin', HOME: '/root' });
    expect(Object.keys(config)).not.toContain('PATH');
    expect(Object.keys(config)).not.toContain('HOME');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(IntakeEnv, { ...valid, LOG_LEVEL: '', PORT: '' })).toMatchObject({
      LOG_LEVEL: 'info',
      PORT: 3001,
    });
  });

  it('names every bad variable and why, in one message', () => {
    const error = configError({
      PORT: 'eighty',
      KAFKA_BROKERS: 'kafka-0',
      LOG_LEVEL: 'loud',
      SHUTDOWN_GRACE_MS: '-1',
      AUTH_JWT_SECRET: 'short',
    });
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual([
      'AUTH_JWT_SECRET',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
      'PORT',
      'SHUTDOWN_GRACE_MS',
    ]);
    expect(error.message).toContain('Invalid configuration (IntakeEnv), 6 variables to fix:');
    expect(error.message).toContain('  - DATABASE_URL: is required but not set');
    expect(error.message).toContain('  - KAFKA_BROKERS: each broker must be host:port');
    expect(error.message).toMatch(/ {2}- PORT: .*integer/);
    expect(error.message).toMatch(
      / {2}- LOG_LEVEL: must be one of the following values: fatal, error/,
    );
    expect(error.message).toContain('  - SHUTDOWN_GRACE_MS: must not be less than 0');
    expect(error.message).toContain(
      '  - AUTH_JWT_SECRET: must be at least 32 characters (256 bits) for HS256',
    );
  });

  it('never echoes values, which may be secrets', () => {
    const error = configError({
      ...valid,
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      AUTH_JWT_SECRET: 'tooshort',
    });
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('tooshort');
  });

  it('requires the HS256 secret only when no JWKS URL is configured', () => {
    const { AUTH_JWT_SECRET: _secret, ...withoutSecret } = valid;
    expect(configError(withoutSecret).message).toMatch(
      /^ {2}- AUTH_JWT_SECRET: is required unless AUTH_JWKS_URL is set$/m,
    );
    const config = loadConfig(IntakeEnv, {
      ...withoutSecret,
      AUTH_JWKS_URL: 'https://sso.example.go.id/.well-known/jwks.json',
    });
    expect(config.AUTH_JWT_SECRET).toBeUndefined();
  });

  it('rejects a topic prefix Kafka would not accept', () => {
    expect(configError({ ...valid, KAFKA_TOPIC_PREFIX: 'a b' }).message).toContain(
      'KAFKA_TOPIC_PREFIX: may only contain letters, digits, ".", "_" and "-"',
    );
  });
});
