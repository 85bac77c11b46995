import {
  Inject,
  Injectable,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import type { RateLimit } from '../application/ports';
import { RateLimited } from '../domain/intake-errors';

export const CLIENT_RATE_LIMIT = Symbol('CLIENT_RATE_LIMIT');

/**
 * Limits the writes of one client address (429 with Retry-After). Runs before validation, so a
 * flood of junk is turned away as cheaply as a flood of valid requests.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  constructor(@Inject(CLIENT_RATE_LIMIT) private readonly limit: RateLimit) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const decision = this.limit.take(`ip:${request.ip}`, Date.now());
    if (decision.allowed) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(decision.retryAfterSeconds));
    throw new RateLimited('client', decision.retryAfterSeconds);
  }
}

/** Adds Retry-After to the 429 a use case raises (the problem filter writes the body). */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof RateLimited) {
          const reply = context.switchToHttp().getResponse<FastifyReply>();
          void reply.header('retry-after', String(error.retryAfterSeconds));
        }
        return throwError(() => error);
      }),
    );
  }
}
