// The wrapper of every function that is not an HTTP route (workflow tasks, the sweep, deploy hooks): its log
// lines carry the request id and cold_start, and no keys left by an earlier invocation in the same process.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { invocationLogging } from './invocation-logging.ts';
import { logger } from './observability.ts';

export function taskHandler<Event, Result>(run: (event: Event, context: Context) => Promise<Result>) {
  return middy<Event, Result, Error, Context>().use(invocationLogging<Event, Result>(logger)).handler(run);
}
