// A scanned page of a civil-status register: declared with the SHA-256 of its image, uploaded, checked,
// then stored for good. A stored page is evidence: it is never declared, replaced or removed again.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, ForbiddenError, InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';

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
    throw new ValidationFailedError(
      {
        ar: 'معرف السجل غير صحيح: المكتب.السنة.السجل، مثلا RBT-HASSAN.1990.R-12',
        fr: 'Identifiant de registre invalide : BUREAU.année.registre, par exemple RBT-HASSAN.1990.R-12',
        en: 'Invalid register id: <OFFICE>.<year>.<register>, e.g. RBT-HASSAN.1990.R-12',
      },
      {
        fieldIssues: [
          {
            pointer: '/params/registerId',
            code: 'invalid_format',
            detail: {
              ar: 'المكتب.السنة.السجل، مثلا RBT-HASSAN.1990.R-12',
              fr: '<BUREAU>.<année>.<registre>, par exemple RBT-HASSAN.1990.R-12',
              en: '<OFFICE>.<year>.<register>, e.g. RBT-HASSAN.1990.R-12',
            },
          },
        ],
      },
    );
  }
  return match[1]!;
}

/** Registrars handle the registers of their own office only. */
export function requireRegistrarOfRegister(registerId: string, principal: Principal): string {
  const office = officeOfRegister(registerId);
  if (principal.office !== office) {
    throw new ForbiddenError({
      ar: `سجلات مكتب ${office} يتولاها ضباط الحالة المدنية به`,
      fr: `Les registres du bureau ${office} sont tenus par ses officiers`,
      en: `Registers of office ${office} are handled by its registrars`,
    });
  }
  return office;
}

export function pageStoredForGood(page: Pick<RegisterPage, 'page' | 'registerId'>): Localized {
  return {
    ar: `الصفحة ${page.page} من السجل ${page.registerId} محفوظة نهائيا`,
    fr: `La page ${page.page} du registre ${page.registerId} est conservée définitivement`,
    en: `Page ${page.page} of ${page.registerId} is stored for good`,
  };
}

export function requireDeclarable(existing: RegisterPage | undefined): void {
  if (existing?.status === 'stored') throw new InvalidStateError(pageStoredForGood(existing));
}

/** The upload is accepted only if its SHA-256 is the one declared. */
export function acceptUpload(page: RegisterPage, uploadedSha256: string | undefined, sizeBytes: number, now: Date): RegisterPage {
  if (page.status === 'stored') return page;
  if (uploadedSha256 === undefined) {
    throw new InvalidStateError({ ar: `لم يرفع أي ملف للصفحة ${page.page} بعد`, fr: `Rien n'a encore été téléversé pour la page ${page.page}`, en: `Nothing was uploaded for page ${page.page} yet` });
  }
  if (uploadedSha256 !== page.sha256) {
    throw new ChecksumMismatchError({
      ar: `بصمة SHA-256 للصورة المرفوعة هي ${uploadedSha256} وليست المصرح بها ${page.sha256}؛ لم تقبل`,
      fr: `L'image téléversée a pour SHA-256 ${uploadedSha256}, et non ${page.sha256} déclaré ; elle n'est pas acceptée`,
      en: `The uploaded image has SHA-256 ${uploadedSha256}, not the declared ${page.sha256}; it was not accepted`,
    });
  }
  return { ...page, status: 'stored', storedAt: now.toISOString(), sizeBytes };
}
