// Every stack of the deployment keeps a margin within CloudFormation's limits (500 resources, a 1 MB template): at
// most 400 resources and 500 KB, for the real platform and for one of thirteen services as large as its largest.
import type { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import type { PlatformDescription } from '../../functions/shared/service-description.ts';
import { buildStack, templateBytes } from '../fixtures/infra/build-stack.ts';
import { withCopiesOf } from '../fixtures/infra/copied-services.ts';

const MAX_RESOURCES = 400;
const MAX_TEMPLATE_BYTES = 500 * 1024;
const SERVICES_PLANNED = 13;

interface StackSize {
  /** `foundation`, or the service's name. */
  readonly stack: string;
  readonly resources: number;
  readonly bytes: number;
}

/** Built without bundling or CloudFormation validation: the templates are those `cdk synth` writes, but for asset hashes. */
function stackSizes(description: PlatformDescription): StackSize[] {
  const built = buildStack(description, 'Raqmana', { bundle: false, validate: false });
  const size = (stack: string, template: Template, cdkStack: Stack): StackSize => ({
    stack,
    resources: Object.keys(template.toJSON().Resources as object).length,
    bytes: templateBytes(built.app, cdkStack),
  });
  return [
    size('foundation', built.template, built.stack),
    ...[...built.services].map(([name, service]) => size(name, service.template, service.stack)),
  ];
}

let real: StackSize[];
let largest: StackSize;
let planned: StackSize[];

beforeAll(() => {
  real = stackSizes(platform);
  largest = real.filter((size) => size.stack !== 'foundation').reduce((a, b) => (b.resources > a.resources ? b : a));
  planned = stackSizes(withCopiesOf(platform, largest.stack, SERVICES_PLANNED));
});

describe.each([
  ['the real platform', () => real],
  [`the real platform with ${SERVICES_PLANNED} copies of its largest service`, () => planned],
])('%s', (_name, sizes) => {
  it(`keeps every stack under ${MAX_RESOURCES} resources`, () => {
    expect(sizes().filter((size) => size.resources > MAX_RESOURCES)).toEqual([]);
  });

  it(`keeps every template under ${MAX_TEMPLATE_BYTES / 1024} KB`, () => {
    expect(sizes().filter((size) => size.bytes > MAX_TEMPLATE_BYTES)).toEqual([]);
  });
});

describe('the planned platform', () => {
  it(`has a nested stack for each of ${SERVICES_PLANNED} services as large as the largest today`, () => {
    const asLarge = planned.filter((size) => size.stack === largest.stack || size.stack.startsWith(`${largest.stack}-`));
    expect(asLarge).toHaveLength(SERVICES_PLANNED);
    for (const size of asLarge) expect(size.resources).toBe(largest.resources);
    expect(planned).toHaveLength(real.length + SERVICES_PLANNED - 1);
  });
});
