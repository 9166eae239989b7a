import { describe, expect, it } from 'vitest';
import { LAMBDA_RUNTIME } from '../../lib/constructs/api-function.ts';

describe('the toolchain', () => {
  it('runs the tests on the Node major of the Lambda runtime', () => {
    const major = process.versions.node.split('.')[0];

    expect(LAMBDA_RUNTIME.name).toBe(`nodejs${major}.x`);
  });
});
