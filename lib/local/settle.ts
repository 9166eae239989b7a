// Waiting until what the changes so far caused has happened, on the local platform: the clock's tracked work and
// drains quiet, then quiet again after a grace, since DynamoDB Local on disk can show a stream record a moment
// after the write that made it (seen: a receipt's event missed by an immediate look), and again after each look
// that delivered something (its consumers' writes are the next late records).
import { setTimeout as pause } from 'node:timers/promises';
import type { VirtualClock } from './virtual-clock.ts';

/** How late DynamoDB Local on disk may show a stream record. */
const STREAM_RECORD_GRACE_MS = 250;

export async function settle(clock: VirtualClock): Promise<void> {
  await clock.quiescent();
  do await pause(STREAM_RECORD_GRACE_MS);
  while (await clock.quiescent());
}
