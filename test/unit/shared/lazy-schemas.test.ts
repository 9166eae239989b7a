// No context's schemas module builds a zod schema when it is imported: a function loads its whole context's
// module, and only its own route's request schemas may be built, on its first request (see defineRoute).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));

// Every schema starts from one of zod/mini's factories (z.object, z.string, z.iso.date…): counted here.
vi.mock('zod/mini', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const counted = (factory: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      built.count += 1;
      return factory.apply(this, args);
    };
  const isFactory = (name: string, value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function' && /^[a-z_]/.test(name);
  const wrap = (namespace: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(namespace).map(([name, value]) => [name, isFactory(name, value) ? counted(value) : value]));
  return { ...wrap(real), iso: wrap(real.iso as Record<string, unknown>) };
});

const ROOT = join(import.meta.dirname, '../../..');
const schemaModules = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return schemaModules(path);
    return entry.name.endsWith('.schema.ts') ? [path] : [];
  });

const CONTEXT_MODULES = readdirSync(join(ROOT, 'functions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .flatMap((entry) => schemaModules(join(ROOT, 'functions', entry.name)))
  .map((path) => relative(ROOT, path));

describe('schemas modules', () => {
  beforeAll(async () => {
    // The shared shapes (codes, names, pagination) are small and built once, at import, by design.
    for (const path of schemaModules(join(ROOT, 'functions/shared'))) await import(pathToFileURL(path).href);
    await import(pathToFileURL(join(ROOT, 'functions/shared/http/pagination.ts')).href);
  });

  it.each(CONTEXT_MODULES)('%s builds no schema at import', async (path) => {
    const before = built.count;
    const module = (await import(pathToFileURL(join(ROOT, path)).href)) as Record<string, unknown>;
    expect(built.count - before).toBe(0);
    // Its route contracts build their schemas when they are read, each once.
    const routes = Object.values(module).filter((value): value is { operationId: string; params?: unknown } => typeof value === 'object' && value !== null && 'operationId' in value);
    for (const route of routes) expect(route.params).toBe(route.params);
  });
});
