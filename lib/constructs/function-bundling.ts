// How every Lambda function is bundled: one set of esbuild settings, read by the CDK construct (which runs the
// esbuild CLI) and by the benchmark (which runs esbuild's API), so the benchmark measures the bundles we deploy.
import type { BuildOptions } from 'esbuild';
import { Charset, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

// esbuild's ESM output has no `require`; CommonJS dependencies bundled into it still call it.
const REQUIRE_SHIM =
  "import { createRequire as __raqmanaCreateRequire } from 'node:module'; const require = __raqmanaCreateRequire(import.meta.url);";

/** The settings, in the terms both esbuild front ends share. */
export const FUNCTION_BUNDLE = {
  target: 'node24',
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings only; embedding the sources would triple what each cold start parses.
  sourcesContent: false,
  // The Arabic of every message as UTF-8 (two bytes a letter) rather than \uXXXX escapes (six): 10-12 KB less
  // in each bundle, and no slower to load (measured on 2026-12-04, 41 fresh processes each way).
  charset: 'utf8' as const,
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  // The SDK version is the one the lockfile pins and the tests ran against, not whatever the runtime ships.
  externalModules: [] as string[],
  /** Modules replaced in the bundles, paths relative to the project root (the directory esbuild runs in). */
  alias: {
    // Only the environment link of the default credential chain answers in Lambda (see the module's comment).
    '@aws-sdk/credential-provider-node': './functions/shared/aws/lambda-credentials.ts',
    // Node's web streams load on first use instead of at import (see the module's comment).
    'node:stream/web': './functions/shared/aws/lazy-web-streams.ts',
    // pdf-lib's standard fonts and PNG decoder, which our documents never use (see the modules' comments).
    '@pdf-lib/standard-fonts': './functions/shared/pdf/absent-standard-fonts.ts',
    '@pdf-lib/upng': './functions/shared/pdf/absent-png.ts',
    // pdf-lib's deflate, done by Node's zlib (see the module's comment).
    pako: './functions/shared/pdf/native-deflate.ts',
  } as Readonly<Record<string, string>>,
};

/** The `bundling` of a NodejsFunction (without its command hooks), as ESM in `index.mjs`. */
export function cdkBundlingOptions(): BundlingOptions {
  return {
    minify: FUNCTION_BUNDLE.minify,
    sourceMap: FUNCTION_BUNDLE.sourceMap,
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    charset: Charset.UTF8,
    target: FUNCTION_BUNDLE.target,
    format: OutputFormat.ESM,
    mainFields: FUNCTION_BUNDLE.mainFields,
    banner: FUNCTION_BUNDLE.banner,
    externalModules: FUNCTION_BUNDLE.externalModules,
    forceDockerBundling: false,
    esbuildArgs: { '--alias': Object.entries(FUNCTION_BUNDLE.alias).map(([module, replacement]) => `${module}=${replacement}`) },
  };
}

/** The same bundle through esbuild's API, as the CDK's command line builds it (`--bundle --platform=node ...`). */
export function esbuildBuildOptions(entry: string, outfile: string, projectRoot: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: FUNCTION_BUNDLE.target,
    minify: FUNCTION_BUNDLE.minify,
    sourcemap: FUNCTION_BUNDLE.sourceMap,
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    charset: FUNCTION_BUNDLE.charset,
    mainFields: FUNCTION_BUNDLE.mainFields,
    banner: { js: FUNCTION_BUNDLE.banner },
    external: FUNCTION_BUNDLE.externalModules,
    alias: FUNCTION_BUNDLE.alias,
    logLevel: 'warning',
  };
}
