import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from './auth-errors';
import { JwtVerifier } from './jwt-verifier';
import { hasAnyRole, type Principal, type Role } from './principal';

const ROLES_METADATA = 'salur:roles';

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Requires a verified bearer token and, when given, one of these roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new Unauthenticated('an Authorization: Bearer token is required');
    const principal = await this.verifier.verify(match[1]);
    const roles =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (!hasAnyRole(principal, roles)) {
      throw new Forbidden(`this operation needs one of the roles: ${roles.join(', ')}`);
    }
    request.principal = principal;
    return true;
  }
}

/** `@Authenticated('oncall', 'admin')` on a controller or handler. */
export function Authenticated(...roles: Role[]): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(ROLES_METADATA, roles), UseGuards(AuthGuard), ApiBearerAuth());
}

/** The verified caller, in a handler guarded by `@Authenticated`. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Unauthenticated('no verified caller on this request');
    return principal;
  },
);
