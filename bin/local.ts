// `npm start`: runs the whole platform locally on http://localhost:$PORT (default 3000), data under $DATA_DIR.
import { startLocalPlatform, type LocalPlatform } from '../lib/local/local-platform.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
const reset = process.argv.includes('--reset');
const started = performance.now();

let platform: LocalPlatform | undefined;
let stopping = false;

function shutDown(running: LocalPlatform): void {
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Raqmana did not stop cleanly:', error);
      process.exit(1);
    },
  );
}

/** Stops everything (Java included); asked during the start, it stops as soon as the start has finished. */
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping Raqmana...`);
  if (platform) shutDown(platform);
}

// Handled from the first line: Node's default action would exit at once and leave DynamoDB Local's Java running.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));

// A process manager that signals `npm start` reaches npm alone: npm and its shell exit and leave this process
// running. Node has no parent-death signal, but the exit of the parent re-parents this process, so a changed
// parent id is the cue to stop.
const parent = process.ppid;
// With the parent gone, the reader of a piped stdout may be gone too: a failed write must not end this process
// before it has stopped the Java one.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
setInterval(() => {
  if (process.ppid !== parent) stop('the parent process exited');
}, 500).unref();

platform = await startLocalPlatform({ port, dataDir, reset }).catch((error: unknown) => {
  console.error(`Raqmana could not start: ${(error as Error).message}`);
  process.exit(1);
});

if (stopping) {
  shutDown(platform);
} else {
  console.log(`Raqmana is running on ${platform.url} (started in ${Math.round(performance.now() - started)} ms, data in ${dataDir})
  API docs   ${platform.url}/docs
  OpenAPI    ${platform.url}/openapi.json
  Health     ${platform.url}/health
  Tokens     POST ${platform.url}/_local/tokens
  Clock      ${platform.url}/_local/clock
Press Ctrl+C to stop.`);
}
