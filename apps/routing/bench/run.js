// Runs a TypeScript bench of this folder with the compiler and aliases the unit tests use:
//   node apps/routing/bench/run.js [routing] [-- options]
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@salur\/([a-z-]+)$/.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', 'index.ts') : request;
  return resolveFilename.call(this, target, ...rest);
};
addHook(
  (code, filename) =>
    transformSync(code, {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    }).code,
  { exts: ['.ts'] },
);

const name = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'routing';
require(path.join(__dirname, `${name}.ts`));
