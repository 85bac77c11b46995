import { findRepoRoot } from '@salur/infra';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { IntakeStack } from './support/intake-stack';

const CHECKED_IN = join(findRepoRoot(), 'docs', 'openapi', 'intake.json');

/**
 * The OpenAPI document intake serves at /docs-json is generated from the code; the copy in
 * docs/openapi/intake.json must equal it. After changing the API, refresh the copy with
 * `UPDATE_OPENAPI=1` and this test.
 */
describe('intake OpenAPI document', () => {
  let stack: IntakeStack;

  beforeAll(async () => {
    stack = await IntakeStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('matches the checked-in copy', async () => {
    const response = await fetch(stack.url('/docs-json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    if (process.env.UPDATE_OPENAPI === '1') {
      mkdirSync(dirname(CHECKED_IN), { recursive: true });
      const options = (await resolveConfig(CHECKED_IN)) ?? {};
      writeFileSync(
        CHECKED_IN,
        await format(JSON.stringify(document), { ...options, filepath: CHECKED_IN }),
      );
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/complaints',
        '/v1/complaints/{trackingId}',
        '/v1/complaints/{trackingId}/replies',
        '/v1/complaints/{trackingId}/confirmation',
        '/v1/complaints/{trackingId}/reopen',
      ]),
    );
    expect(JSON.parse(readFileSync(CHECKED_IN, 'utf8'))).toEqual(document);
  });
});
