import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

export interface ConfigProblem {
  readonly variable: string;
  readonly messages: readonly string[];
}

/**
 * Thrown when the environment does not satisfy an env class. The message lists every bad
 * variable with its reasons, so one failed start tells the operator everything to fix. Values are
 * never echoed: several of these variables are secrets or carry credentials.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly envClass: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      [
        `Invalid configuration (${envClass}), ${problems.length} ${problems.length === 1 ? 'variable' : 'variables'} to fix:`,
        ...problems.map((problem) => `  - ${problem.variable}: ${problem.messages.join('; ')}`),
      ].join('\n'),
    );
  }
}

type EnvClass<T> = new () => T;

/**
 * Reads and validates the variables `EnvClass` declares from `env`. Only the declared variables
 * are read, so the result holds configuration, not the whole process environment. An empty value
 * counts as unset, as in most env-file tooling, so `FOO=` falls back to the default.
 */
export function loadConfig<T extends object>(
  EnvClass: EnvClass<T>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Readonly<T> {
  const variables = declaredEnvVariables(EnvClass);
  const plain: Record<string, string> = {};
  for (const variable of variables) {
    const value = env[variable];
    if (value !== undefined && value !== '') plain[variable] = value;
  }
  const config = plainToInstance(EnvClass, plain);
  const errors = validateSync(config, {
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ConfigError(
      EnvClass.name,
      errors.map((error) => toProblem(error, plain)),
    );
  }
  return Object.freeze(config);
}

/** The variables an env class reads: every validated property and every one with a default. */
export function declaredEnvVariables<T extends object>(EnvClass: EnvClass<T>): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvClass, '', true, false);
  // Properties with a default but no validator are still configuration.
  return new Set([...metadata.map((entry) => entry.propertyName), ...Object.keys(new EnvClass())]);
}

function toProblem(error: ValidationError, plain: Record<string, string>): ConfigProblem {
  const variable = error.property;
  const withoutName = (message: string): string =>
    message.startsWith(`${variable} `) ? message.slice(variable.length + 1) : message;
  if (!(variable in plain)) {
    // Unset: the other constraints' complaints (too short, not a URL) would only confuse. An
    // `@IsDefined` message, where there is one, says under which condition it is required.
    const presence = error.constraints?.isDefined;
    return { variable, messages: [presence ? withoutName(presence) : 'is required but not set'] };
  }
  const messages = Object.values(error.constraints ?? {}).map(withoutName);
  return { variable, messages: messages.length > 0 ? messages : ['is invalid'] };
}
