// Copies the non-TypeScript files the services read at run time (Handlebars templates) from
// apps/ and libs/ into dist/, keeping their paths, so dist/ runs on its own (as in the image).
import { cpSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ASSET = /\.hbs$/;

function copyAssets(directory) {
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (ASSET.test(entry)) cpSync(path, join(root, 'dist', relative(root, path)));
  }
}

for (const top of ['apps', 'libs']) copyAssets(join(root, top));
