// Errors the domain and use cases raise: each names a declared problem type (its stable `code`, with the status
// and titles the HTTP edge answers with: problem-types.ts and each service's <context>.problems.ts). Their detail
// is written in the three languages a caller may ask for; `message` keeps the English text for logs.
import type { Language, Localized } from '../i18n/language.ts';
import { PLATFORM_PROBLEMS, type ProblemType } from './problem-types.ts';

export interface FieldIssue {
  /** JSON pointer into the request: `/body/project/title`, `/query/limit`, `/params/code`. */
  readonly pointer: string;
  /** Stable issue code (`invalid_type`, `unrecognized_keys`, `too_big`, ...). */
  readonly code: string;
  /** Already in the caller's language (the edge's checks know it), or in the three for the edge to choose. */
  readonly detail: string | Localized;
}

export abstract class DomainError extends Error {
  /** A declared problem type: `readonly problem = PERMIT_PROBLEMS['deadline-lapsed']`. */
  abstract readonly problem: ProblemType;
  readonly fieldIssues: readonly FieldIssue[];
  readonly localizedDetail: Localized;

  constructor(detail: Localized, options: { cause?: unknown; fieldIssues?: readonly FieldIssue[] } = {}) {
    super(detail.en, { cause: options.cause });
    this.name = new.target.name;
    this.fieldIssues = options.fieldIssues ?? [];
    this.localizedDetail = detail;
  }

  get code(): this['problem']['code'] {
    return this.problem.code;
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
  readonly problem = PLATFORM_PROBLEMS['validation-failed'];
}

export class MalformedJsonError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['malformed-json'];
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['unsupported-media-type'];
}

export class PayloadTooLargeError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['payload-too-large'];
}

export class AuthenticationRequiredError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['authentication-required'];
}

export class ForbiddenError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['forbidden'];
}

export class NotFoundError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['not-found'];
}

export class ConflictError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['conflict'];
}

/**
 * Runs a write that may lose a race and need not win it (a scan's verdict recorded on the way: the next read records
 * it again); resolves false when someone else changed the record meanwhile.
 */
export async function writtenUnlessChangedMeanwhile(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['idempotency-key-reused'];
}

export class RequestInProgressError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['request-in-progress'];
}

/** The resource exists but its state does not allow the operation (a decided permit cannot be suspended). */
export class InvalidStateError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['invalid-state'];
}

/** An upload whose content is not the one its uploader declared (by SHA-256). */
export class ChecksumMismatchError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['checksum-mismatch'];
}

/** An uploaded file the malware scanner has not tagged yet (the scan takes seconds to minutes). */
export class FileNotScannedYetError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['file-not-scanned-yet'];
}

/** An uploaded file the scanner found a threat in, or could not scan: served to no one. */
export class FileQuarantinedError extends DomainError {
  readonly problem = PLATFORM_PROBLEMS['file-quarantined'];
}
