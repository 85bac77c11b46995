import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ProblemMapping } from '../errors/problem-mapping';
import { AUTH_PROBLEMS } from './auth-errors';
import { AuthGuard } from './auth.guard';
import { JwtVerifier, type JwtVerifierOptions } from './jwt-verifier';

ProblemMapping.register(AUTH_PROBLEMS);

/** Bearer-token verification for every controller marked `@Authenticated`. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: {
    readonly AUTH_JWT_SECRET?: string;
    readonly AUTH_JWKS_URL?: string;
    readonly AUTH_JWT_ISSUER: string;
    readonly AUTH_JWT_AUDIENCE: string;
  }): DynamicModule {
    const verifier: JwtVerifierOptions = {
      issuer: options.AUTH_JWT_ISSUER,
      audience: options.AUTH_JWT_AUDIENCE,
      ...(options.AUTH_JWT_SECRET !== undefined ? { secret: options.AUTH_JWT_SECRET } : {}),
      ...(options.AUTH_JWKS_URL !== undefined ? { jwksUrl: options.AUTH_JWKS_URL } : {}),
    };
    return {
      module: AuthModule,
      providers: [{ provide: JwtVerifier, useFactory: () => new JwtVerifier(verifier) }, AuthGuard],
      exports: [JwtVerifier, AuthGuard],
    };
  }
}
