// The boundary rules of .dependency-cruiser.cjs can fail: run on a fixture tree holding one violation of each
// (test/fixtures/boundaries), the cruiser reports each of them, and nothing else, with the same command line as
// `npm test` runs on functions/.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const fixture = join(root, 'test/fixtures/boundaries');
const configFile = join(root, '.dependency-cruiser.cjs');
const require = createRequire(import.meta.url);
const config = require(configFile) as { forbidden: { name: string; comment: string }[] };

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** Each fixture file states the rule it breaks in a `violates:` comment above the offending import. */
function declaredViolations(): { rule: string; from: string }[] {
  const files = readdirSync(join(fixture, 'functions'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.flatMap((file) =>
    [...readFileSync(join(fixture, 'functions', file), 'utf8').matchAll(/violates: ([a-z-]+)/g)].map((match) => ({ rule: match[1]!, from: `functions/${file}` })),
  );
}

async function cruiseFixture(): Promise<Violation[]> {
  // The package exports no path to its command line; node_modules/.bin links it here.
  const cli = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const args = [cli, 'functions', '--config', configFile, '--output-type', 'json'];
  // The cruiser exits non-zero when it finds violations: that is what this fixture is for.
  const output = await promisify(execFile)(process.execPath, args, { cwd: fixture, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`dependency-cruiser failed: ${error.stderr ?? String(error)}`);
      return { stdout: error.stdout };
    },
  );
  return (JSON.parse(output.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('the boundary rules', () => {
  let violations: Violation[];
  beforeAll(async () => {
    violations = await cruiseFixture();
  }, 60_000);

  it('each say why they exist', () => {
    for (const rule of config.forbidden) expect(rule.comment.length, rule.name).toBeGreaterThan(40);
  });

  it('each have one violation in the fixture', () => {
    expect(declaredViolations().map((violation) => violation.rule).sort()).toEqual(config.forbidden.map((rule) => rule.name).sort());
  });

  it.each(config.forbidden.map((rule) => [rule.name]))('%s reports its violation', (name) => {
    const declared = declaredViolations().filter((violation) => violation.rule === name);
    expect(violations.filter((violation) => violation.rule.name === name).map((violation) => violation.from)).toEqual(declared.map((violation) => violation.from));
  });

  it('report nothing the fixture allows (a type-only cycle, the API document reading the platform, public modules)', () => {
    expect(violations).toHaveLength(config.forbidden.length);
  });
});
