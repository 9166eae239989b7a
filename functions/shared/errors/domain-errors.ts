// Errors the domain and use cases raise: each carries a stable `code`, never an HTTP status
// (the HTTP edge maps codes to statuses in problem-types.ts).
export interface FieldIssue {
  /** JSON pointer into the request: `/body/project/title`, `/query/limit`, `/params/code`. */
  readonly pointer: string;
  /** Stable issue code (`invalid_type`, `unrecognized_keys`, `too_big`, ...). */
  readonly code: string;
  readonly detail: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly fieldIssues: readonly FieldIssue[];

  constructor(message: string, options: { cause?: unknown; fieldIssues?: readonly FieldIssue[] } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.fieldIssues = options.fieldIssues ?? [];
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'validation-failed';
}

export class MalformedJsonError extends DomainError {
  readonly code = 'malformed-json';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type';
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload-too-large';
}

export class AuthenticationRequiredError extends DomainError {
  readonly code = 'authentication-required';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found';
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency-key-reused';
}

export class RequestInProgressError extends DomainError {
  readonly code = 'request-in-progress';
}

/** The resource exists but its state does not allow the operation (a decided permit cannot be suspended). */
export class InvalidStateError extends DomainError {
  readonly code = 'invalid-state';
}
