// The generated OpenAPI document, checked by two validators someone else wrote: Redocly's linter (with the
// rules of redocly.yaml) and swagger-parser.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { openApiDocument } from '../../functions/api-docs/application/openapi-document.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
const REDOCLY_CLI = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number };
  readonly problems: readonly { readonly ruleId: string; readonly severity: string; readonly message: string }[];
}

const folder = mkdtempSync(join(tmpdir(), 'raqmana-openapi-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writtenDocument(): string {
  const file = join(folder, 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(platform)));
  return file;
}

describe('the OpenAPI document', () => {
  it('passes Redocly lint with no error', async () => {
    const file = writtenDocument();

    // lint exits 1 when it finds an error: the report on stdout is what the test reads either way.
    const { stdout } = await promisify(execFile)(process.execPath, [REDOCLY_CLI, 'lint', file, '--config', 'redocly.yaml', '--format', 'json'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;

    const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('is a valid OpenAPI 3.1 document for swagger-parser, every $ref resolved', async () => {
    const document = openApiDocument(platform);

    const validated = (await SwaggerParser.validate(structuredClone(document) as never)) as unknown as { openapi: string; paths?: Record<string, object> };

    expect(validated.openapi).toBe('3.1.0');
    const operations = Object.values(validated.paths ?? {}).flatMap((item) => Object.keys(item ?? {}));
    expect(operations).toHaveLength(platform.services.flatMap((service) => service.functions.filter((fn) => fn.route)).length);
  });
});
