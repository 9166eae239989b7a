// Writes the files a function's description generates from the platform (`generatedFiles`): beside its bundle when
// the CDK or the benchmark bundles it, in one folder for the local platform, which runs every function itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionDescription, PlatformDescription } from '../functions/shared/service-description.ts';

export function writeGeneratedFiles(files: Readonly<Record<string, Uint8Array>>, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(folder, name), contents);
}

/** Every function's generated files in one folder; two functions generating the same name would read each other's. */
export function writePlatformGeneratedFiles(platform: PlatformDescription, folder: string): void {
  const writtenBy = new Map<string, string>();
  const functions: FunctionDescription[] = platform.services.flatMap((service) => service.functions);
  for (const fn of functions) {
    if (!fn.generatedFiles) continue;
    const files = fn.generatedFiles(platform);
    for (const name of Object.keys(files)) {
      const other = writtenBy.get(name);
      if (other) throw new Error(`${fn.id} and ${other} both generate ${name}`);
      writtenBy.set(name, fn.id);
    }
    writeGeneratedFiles(files, folder);
  }
}
