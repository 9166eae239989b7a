// Every function of the registry office loads with the environment its description grants and nothing else, as
// the stack gives it in Lambda: a handler that names another resource at load (a table it is not granted) would
// fail every cold start there, while the local platform, which hands every function every name, would not show it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registryOfficeService } from '../../../functions/registry-office/registry-office.service.ts';
import { isResourceEnvironmentName, resourceEnvironmentNames } from '../../../functions/shared/service-description.ts';

const saved = { ...process.env };

/** A value of the shape the stack gives: a key's ARN for a signing key, a physical name otherwise. */
const sampleValue = (name: string) => (name.startsWith('SIGNING_KEY_') ? 'arn:aws:kms:eu-west-3:000000000000:key/00000000-0000-0000-0000-000000000000' : `raqmana-${name.toLowerCase()}`);

afterEach(() => {
  process.env = { ...saved };
});

describe('the registry office functions', () => {
  it.each(registryOfficeService.functions.map((fn) => [fn.id, fn] as const))('%s loads with only the resources it is granted', async (_id, fn) => {
    const others = Object.fromEntries(Object.entries(saved).filter(([name]) => !isResourceEnvironmentName(name)));
    process.env = { ...others, ...Object.fromEntries(resourceEnvironmentNames(fn).map((name) => [name, sampleValue(name)])) };
    vi.resetModules();

    await expect(import(`../../../${fn.entry}`)).resolves.toHaveProperty('handler');
  });
});
