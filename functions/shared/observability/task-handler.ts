// The wrapper of every function that is not an HTTP route (workflow tasks, the sweep, deploy hooks): its log
// lines carry the request id and cold_start, and no keys of another invocation.
import type { Context } from 'aws-lambda';
import { withInvocationLogging } from './invocation-logging.ts';
import { logger } from './observability.ts';

export function taskHandler<Event, Result>(run: (event: Event, context: Context) => Promise<Result>) {
  return withInvocationLogging(logger, run);
}
