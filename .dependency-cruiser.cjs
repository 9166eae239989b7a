// The architecture's boundaries, checked by dependency-cruiser in `npm test` (`npm run lint:boundaries`) before
// any test runs. Each rule says why it exists; a rule that needs an exception is changed here, with its reason,
// never silenced in the code. test/unit/boundaries/boundaries.test.ts runs these rules on a small fixture tree
// (test/fixtures/boundaries) holding one violation of each, so a rule that stops matching fails a test.
//
// Paths are matched relative to the folder the cruise runs from: the repository root for `npm test`, the
// fixture tree for the unit test. Type-only imports count (cycles aside, see that rule): a domain type that names
// an adapter's type is welded to it as surely as a value import, even if the compiler erases it.

/** The AWS runtime, the Lambda toolkit and the handler middleware: what `domain/` must never know of. */
const RUNTIME_PACKAGES = '(^|/)node_modules/(@aws-sdk|@smithy|@middy|@aws-lambda-powertools|@types/aws-lambda|aws-lambda)/';
const CONTEXT = '^functions/(?!shared/)([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is the business rules in plain TypeScript: no AWS SDK, no middy, no Powertools, no Lambda types, so that ' +
        'it runs and is tested without any of them, and a change of infrastructure never touches it.',
      severity: 'error',
      from: { path: '^functions/[^/]+/domain/' },
      to: { path: RUNTIME_PACKAGES },
    },
    {
      name: 'domain-knows-no-outer-layer',
      comment:
        'Dependencies point inwards: the use cases (application/), their wiring to AWS (adapters/) and the Lambda entry ' +
        'points (handlers/) use the domain, never the other way round.',
      severity: 'error',
      from: { path: '^functions/[^/]+/domain/' },
      to: { path: '^functions/[^/]+/(application|adapters|handlers)/' },
    },
    {
      name: 'application-knows-no-adapter',
      comment:
        'Use cases name what they need as ports (interfaces in application/); adapters implement them and handlers wire ' +
        'them, so a use case is tested with in-memory ports and never reaches DynamoDB by an import.',
      severity: 'error',
      from: { path: '^functions/[^/]+/application/' },
      to: { path: '^functions/[^/]+/(adapters|handlers)/' },
    },
    {
      name: 'contexts-meet-at-their-public-modules',
      comment:
        'A bounded context reaches another only through the public*.ts modules at the root of its folder (public.ts for ' +
        'pure values and types, public-<what>.ts for wiring to AWS), so that each context may reshape its internals ' +
        'without breaking another. The same holds for service descriptions (<context>.service.ts).',
      severity: 'error',
      from: { path: CONTEXT },
      to: { path: '^functions/[^/]+/', pathNot: ['^functions/$1/', '^functions/shared/', '^functions/[^/]+/public[^/]*\\.ts$'] },
    },
    {
      name: 'shared-serves-every-context',
      comment:
        'functions/shared is the toolkit every context uses; it knows none of them (nor the platform list), or every ' +
        'bundle would carry another context and a context could no longer be added or removed as one folder.',
      severity: 'error',
      from: { path: '^functions/shared/' },
      to: { path: '^functions/', pathNot: '^functions/shared/' },
    },
    {
      name: 'platform-lists-service-descriptions',
      comment:
        'functions/platform.ts is the composition root of the platform: the list of the service descriptions (and the ' +
        "shared tables), nothing else, so that the CDK stack and the local platform read one list and never a context's internals.",
      severity: 'error',
      from: { path: '^functions/platform\\.ts$' },
      to: { path: '^functions/', pathNot: ['^functions/[^/]+/[^/]+\\.service\\.ts$', '^functions/shared/'] },
    },
    {
      name: 'descriptions-are-read-by-the-platform-only',
      comment:
        'A service description is the composition root of its service (its tables, functions and routes, wired from its ' +
        'own folder): inside functions/ only platform.ts imports it. Another context reads what it needs from public*.ts.',
      severity: 'error',
      from: { path: '^functions/', pathNot: '^functions/platform\\.ts$' },
      to: { path: '^functions/[^/]+/[^/]+\\.service\\.ts$' },
    },
    {
      name: 'descriptions-name-handlers-never-load-them',
      comment:
        'A description names each handler by its path (the bundler starts there); importing one would load its adapters, ' +
        'AWS clients and PDF engines into the CDK app, the local platform and the OpenAPI function.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '^functions/[^/]+/handlers/' },
    },
    {
      name: 'the-whole-platform-is-read-by-the-api-document',
      comment:
        'Only the API documentation publishes the whole platform (GET /openapi.json lists every route), so only its ' +
        'handlers import functions/platform.ts; in any other function it would bundle every service description.',
      severity: 'error',
      from: { path: '^functions/', pathNot: '^functions/api-docs/handlers/' },
      to: { path: '^functions/platform\\.ts$' },
    },
    {
      name: 'no-cycles-in-functions',
      comment:
        'A cycle of imports makes its modules one unit that cannot be loaded, tested or bundled apart, and under ESM one ' +
        'of them runs while the others are half-initialized. Only imports that stay at run time count: types that name ' +
        'each other (an act lists its marginal notes, a note names the act it changes) are one model, erased by the ' +
        'compiler, and splitting them apart would only scatter it.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'functions-stand-alone',
      comment:
        'functions/ is what is deployed to Lambda: it never loads the CDK app (lib/, bin/), the benchmark (bench/) or ' +
        'the tests (test/), which are built around it.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(lib|bin|bench|test)/' },
    },
    {
      name: 'schemas-use-zod-mini',
      comment:
        "Every function bundles its route's schemas: zod's classic API (`zod`, `zod/v4`) costs a cold start about 20 ms " +
        'to load, its functional API (`zod/mini`, the same zod v4 and the same checks) a few. Types may come from ' +
        '`zod/v4/core`, which both build on.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '(^|/)node_modules/zod/(index\\.|v4/index\\.|v4/classic/|v3/)' },
    },
    {
      name: 'imports-resolve',
      comment: 'An import the cruiser cannot resolve is an import whose boundaries nobody checked.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts (see above).
    tsPreCompilationDeps: true,
    // Subpath imports (`@aws-lambda-powertools/logger/middleware`) resolve through the packages' exports maps, as in Node.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
