// Test layers: unit (mocked AWS), infra (CDK templates and cdk-nag), statemachines (real ASL files on the
// local runner), integration (real DynamoDB Local and S3 server), e2e (HTTP against `npm start`).
import { defineConfig } from 'vitest/config';

// Handlers log one JSON line per request; tests keep the console for their own failures.
const env = { LOG_LEVEL: 'SILENT', METRICS_DISABLED: 'true' };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], env, testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'statemachines', include: ['test/statemachines/**/*.test.ts'], env, testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          env,
          globalSetup: ['test/integration/emulators.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env,
          globalSetup: ['test/e2e/platform.global-setup.ts'],
          // The files share one platform and some move its clock, which would expire the others' tokens mid-test.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
