// Jest loads global setup and teardown with Node's own module resolution, outside its module
// registry, so the @salur/infra alias (a moduleNameMapper entry) does not exist there. Everything in
// this lib takes infra from here instead: the path names the same index file the alias does, so
// tests that import both get one module instance.
export * from '../../infra/src';
