// Each function is deployed with the environment variables of the resources it is granted, and no others: a
// handler module that looks up another resource's name when it loads would stop on its first cold start in AWS,
// while the local platform, which runs every handler in one process with every name set, would never show it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolve } from 'node:path';
import { platform } from '../../functions/platform.ts';
import { isResourceEnvironmentName, resourceEnvironmentNames } from '../../functions/shared/service-description.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
const functions = platform.services.flatMap((service) => service.functions.map((fn) => ({ service: service.name, fn })));
const everyResourceName = [...new Set(functions.flatMap(({ fn }) => resourceEnvironmentNames(fn)))];
const originalEnvironment = { ...process.env };

/** A value of the shape the stack gives: a name for tables and buckets, an ARN for workflows and keys. */
function deployedValueOf(name: string): string {
  if (name.startsWith('STATE_MACHINE_')) return `arn:aws:states:eu-west-3:000000000000:stateMachine:${name.toLowerCase()}`;
  if (name.startsWith('SIGNING_KEY_')) return 'arn:aws:kms:eu-west-3:000000000000:key/00000000-0000-4000-8000-000000000000';
  return `raqmana-${name.toLowerCase()}`;
}

afterEach(() => {
  process.env = { ...originalEnvironment };
});

describe('every handler module', () => {
  it.each(functions.map(({ service, fn }) => [`${service}/${fn.id}`, fn] as const))('%s loads with only the resources it is granted', async (_name, fn) => {
    const granted = new Set(resourceEnvironmentNames(fn));
    const environment = Object.fromEntries(Object.entries(originalEnvironment).filter(([name]) => !isResourceEnvironmentName(name)));
    for (const name of granted) environment[name] = deployedValueOf(name);
    process.env = environment;
    vi.resetModules();

    const module = (await import(resolve(REPOSITORY_ROOT, fn.entry))) as { handler?: unknown };

    expect(typeof module.handler).toBe('function');
    expect(everyResourceName.filter((name) => !granted.has(name) && process.env[name] !== undefined)).toEqual([]);
  }, 30_000);
});
