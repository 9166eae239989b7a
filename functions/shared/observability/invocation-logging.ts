// The wrapper around every function's middy chain: each invocation's log lines carry its request id and
// cold_start, and no keys of another invocation — an earlier one of a warm Lambda, or one running at the same
// time in the local platform, where every function shares one process and one logger.
import type { Context } from 'aws-lambda';
import type { StructuredLogger } from './observability.ts';

export function withInvocationLogging<Event, Result>(logger: StructuredLogger, handler: (event: Event, context: Context) => Promise<Result>) {
  return (event: Event, context: Context): Promise<Result> => logger.withInvocation(context, () => handler(event, context));
}
