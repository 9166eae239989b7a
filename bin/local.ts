// `npm start`: runs the whole platform locally on http://localhost:$PORT (default 3000), data under $DATA_DIR.
import { startLocalPlatform } from '../lib/local/local-platform.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
const reset = process.argv.includes('--reset');
const started = performance.now();

const platform = await startLocalPlatform({ port, dataDir, reset }).catch((error: unknown) => {
  console.error(`Raqmana could not start: ${(error as Error).message}`);
  process.exit(1);
});

console.log(`Raqmana is running on ${platform.url} (started in ${Math.round(performance.now() - started)} ms, data in ${dataDir})
  API docs   ${platform.url}/docs
  OpenAPI    ${platform.url}/openapi.json
  Health     ${platform.url}/health
  Tokens     POST ${platform.url}/_local/tokens
  Clock      ${platform.url}/_local/clock
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Raqmana...`);
    platform.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Raqmana did not stop cleanly:', error);
        process.exit(1);
      },
    );
  });
}
