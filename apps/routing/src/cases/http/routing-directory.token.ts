/** Injection token of the `RoutingDirectory` port. */
export const RoutingDirectoryToken = Symbol('RoutingDirectory');
