// Errors the domain and use cases raise: each carries a stable `code`, never an HTTP status
// (the HTTP edge maps codes to statuses in problem-types.ts). Their detail is written in the three
// languages a caller may ask for; `message` keeps the English text for logs.
import type { Language, Localized } from '../i18n/language.ts';

export interface FieldIssue {
  /** JSON pointer into the request: `/body/project/title`, `/query/limit`, `/params/code`. */
  readonly pointer: string;
  /** Stable issue code (`invalid_type`, `unrecognized_keys`, `too_big`, ...). */
  readonly code: string;
  /** Already in the caller's language (the edge's checks know it), or in the three for the edge to choose. */
  readonly detail: string | Localized;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly fieldIssues: readonly FieldIssue[];
  readonly localizedDetail: Localized;

  constructor(detail: Localized, options: { cause?: unknown; fieldIssues?: readonly FieldIssue[] } = {}) {
    super(detail.en, { cause: options.cause });
    this.name = new.target.name;
    this.fieldIssues = options.fieldIssues ?? [];
    this.localizedDetail = detail;
  }

  /** The detail in the caller's language. */
  detailIn(language: Language): string {
    return this.localizedDetail[language];
  }

  /** The field issues with their details in the caller's language. */
  fieldIssuesIn(language: Language): { readonly pointer: string; readonly code: string; readonly detail: string }[] {
    return this.fieldIssues.map((issue) => ({ ...issue, detail: typeof issue.detail === 'string' ? issue.detail : issue.detail[language] }));
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

/** An upload whose content is not the one its uploader declared (by SHA-256). */
export class ChecksumMismatchError extends DomainError {
  readonly code = 'checksum-mismatch';
}
