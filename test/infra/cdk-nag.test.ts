// cdk-nag AwsSolutions on the real platform and on the fixture platforms, the foundation and every nested stack:
// every finding is fixed or acknowledged.
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Validations, type App, type Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { buildStack } from '../fixtures/infra/build-stack.ts';
import { fixturePlatform } from '../fixtures/infra/fixture-platform.ts';
import { importPlatform } from '../fixtures/infra/import-platform.ts';

/** Unacknowledged findings of this severity, one line each: `AwsSolutions-IAM5[Resource::*] at Stack/Role/...`. */
function findings(app: App, severity: 'error' | 'warning'): string[] {
  // cdk-nag 3 is a validation plugin; `validateScope` is its entry point outside `app.synth()`.
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
  return report.violations
    .filter((violation) => violation.severity === severity)
    .flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}: ${violation.description}`),
    );
}

function expectClean(app: App, stack: Stack): void {
  expect(findings(app, 'error')).toEqual([]);
  expect(findings(app, 'warning')).toEqual([]);
  // Nothing else (CDK itself, bundling) may report an error or warning either.
  expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
}

describe.each([
  ['the real platform (functions/platform.ts)', platform, 'Raqmana'],
  ['the fixture platform', fixturePlatform, 'RaqmanaFixture'],
  ['the Distributed Map fixture platform', importPlatform, 'RaqmanaImports'],
  ['the real platform sending e-mail (-c emailFromAddress)', platform, 'RaqmanaEmail', { emailFromAddress: 'no-reply@rabat.ma' }],
])('cdk-nag AwsSolutions on %s', (_name, description, stackId, context?: Record<string, unknown>) => {
  let app: App;
  let stack: Stack;
  beforeAll(() => {
    // Bundling does not change what the checks read (`npx cdk synth` bundles for real); CloudFormation validation is kept.
    ({ app, stack } = buildStack(description, stackId, { bundle: false, ...(context && { context }) }));
  });

  it('reports no unacknowledged error or warning', () => {
    expectClean(app, stack);
  });

  it('lets `cdk synth` through with the checks registered as bin/app.ts does', () => {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
    expect(() => app.synth({ force: true })).not.toThrow();
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('checks the resources of the nested stacks too', () => {
    const { app, stack } = buildStack(fixturePlatform, 'RaqmanaFixture', { bundle: false, validate: false });
    // A bucket without access logs, server-side encryption settings or TLS enforcement, in a service's stack.
    new s3.Bucket(stack.serviceStacks.get('notifications')!, 'Unguarded');
    expect(findings(app, 'error')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AwsSolutions-S1 at RaqmanaFixture\/NotificationsService\/Unguarded\/Resource/)]),
    );
  });
});
