// A scanned page of a civil-status register: declared with the SHA-256 of its image, uploaded, checked,
// then stored for good. A stored page is evidence: it is never declared, replaced or removed again.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, ForbiddenError, InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';

export { ChecksumMismatchError };

/** `<OFFICE>.<year>.<register>`, e.g. `RBT-HASSAN.1990.R-12`. */
const REGISTER_ID = /^([A-Z0-9][A-Z0-9-]{1,31})\.(\d{4})\.([A-Za-z0-9-]{1,32})$/;

export interface RegisterPage {
  readonly registerId: string;
  readonly office: string;
  readonly page: number;
  /** Lower-case hex SHA-256 the registrar declared for the image. */
  readonly sha256: string;
  readonly contentType: string;
  /** Acts the page shows. */
  readonly acts: readonly string[];
  readonly status: 'awaiting-upload' | 'stored';
  readonly objectKey: string;
  readonly declaredAt: string;
  readonly declaredBy: string;
  readonly storedAt?: string;
  readonly sizeBytes?: number;
}

export function officeOfRegister(registerId: string): string {
  const match = REGISTER_ID.exec(registerId);
  if (!match) {
    throw new ValidationFailedError('Invalid register id', {
      fieldIssues: [{ pointer: '/params/registerId', code: 'invalid_format', detail: '<OFFICE>.<year>.<register>, e.g. RBT-HASSAN.1990.R-12' }],
    });
  }
  return match[1]!;
}

/** Registrars handle the registers of their own office only. */
export function requireRegistrarOfRegister(registerId: string, principal: Principal): string {
  const office = officeOfRegister(registerId);
  if (principal.office !== office) throw new ForbiddenError(`Registers of office ${office} are handled by its registrars`);
  return office;
}

export function requireDeclarable(existing: RegisterPage | undefined): void {
  if (existing?.status === 'stored') throw new InvalidStateError(`Page ${existing.page} of ${existing.registerId} is stored for good`);
}

/** The upload is accepted only if its SHA-256 is the one declared. */
export function acceptUpload(page: RegisterPage, uploadedSha256: string | undefined, sizeBytes: number, now: Date): RegisterPage {
  if (page.status === 'stored') return page;
  if (uploadedSha256 === undefined) throw new InvalidStateError(`Nothing was uploaded for page ${page.page} yet`);
  if (uploadedSha256 !== page.sha256) {
    throw new ChecksumMismatchError(`The uploaded image has SHA-256 ${uploadedSha256}, not the declared ${page.sha256}; it was not accepted`);
  }
  return { ...page, status: 'stored', storedAt: now.toISOString(), sizeBytes };
}
