// The middy middleware every function's chain starts with: each invocation's log lines carry its request id and
// cold_start, and none of the keys an earlier invocation of the same process appended (the local platform runs
// every function in one process; a warm Lambda reuses the logger).
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { StructuredLogger } from './observability.ts';

export function invocationLogging<Event, Result>(logger: StructuredLogger): MiddlewareObj<Event, Result, Error, Context> {
  return {
    before: (request) => logger.startInvocation(request.context),
    after: () => logger.endInvocation(),
    onError: () => logger.endInvocation(),
  };
}
