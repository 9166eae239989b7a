// Scanned register pages: declared with their SHA-256, uploaded straight to storage, accepted only if the
// upload matches, and then kept for good; staff view them through short-lived links.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { ChecksumMismatchError, acceptUpload, officeOfRegister, requireDeclarable, requireRegistrarOfRegister, type RegisterPage } from '../domain/register-page.ts';
import type { CivilStatusRepository, RegisterPagesStore } from './civil-status.ports.ts';

export interface PageDeclaration {
  readonly registerId: string;
  readonly page: number;
  readonly sha256: string;
  readonly contentType: string;
  readonly acts: readonly string[];
}

export async function declareRegisterPage(repository: CivilStatusRepository, store: RegisterPagesStore, declaration: PageDeclaration, principal: Principal, now: Date) {
  const office = requireRegistrarOfRegister(declaration.registerId, principal);
  requireDeclarable(await repository.getPage(declaration.registerId, declaration.page));
  const page: RegisterPage = {
    ...declaration,
    sha256: declaration.sha256.toLowerCase(),
    office,
    status: 'awaiting-upload',
    objectKey: store.newObjectKey(declaration.registerId, declaration.page),
    declaredAt: now.toISOString(),
    declaredBy: principal.sub,
  };
  await repository.declarePage(page);
  const upload = await store.uploadUrl(page.objectKey, page.sha256, page.contentType);
  return { page, upload: { ...upload, method: 'PUT', expiresAt: new Date(now.getTime() + 15 * 60_000).toISOString() } };
}

async function existingPage(repository: CivilStatusRepository, registerId: string, pageNumber: number): Promise<RegisterPage> {
  const page = await repository.getPage(registerId, pageNumber);
  if (!page) {
    throw new NotFoundError({
      ar: `لم يصرح قط بالصفحة ${pageNumber} من السجل ${registerId}`,
      fr: `La page ${pageNumber} du registre ${registerId} n'a jamais été déclarée`,
      en: `Page ${pageNumber} of ${registerId} was never declared`,
    });
  }
  return page;
}

export async function completeRegisterPage(
  repository: CivilStatusRepository,
  store: RegisterPagesStore,
  registerId: string,
  pageNumber: number,
  principal: Principal,
  now: Date,
): Promise<RegisterPage> {
  requireRegistrarOfRegister(registerId, principal);
  const page = await existingPage(repository, registerId, pageNumber);
  if (page.status === 'stored') return page;
  const uploaded = await store.digest(page.objectKey);
  let stored: RegisterPage;
  try {
    stored = acceptUpload(page, uploaded?.sha256, uploaded?.sizeBytes ?? 0, now);
  } catch (error) {
    // A refused upload must not stay in storage as if it were the page.
    if (error instanceof ChecksumMismatchError) await store.discard(page.objectKey);
    throw error;
  }
  await repository.storePage(stored);
  return stored;
}

export async function viewRegisterPage(repository: CivilStatusRepository, store: RegisterPagesStore, registerId: string, pageNumber: number, principal: Principal) {
  const office = officeOfRegister(registerId);
  if (!principal.roles.includes('auditor') && principal.office !== office) {
    throw new ForbiddenError({
      ar: `يطلع على سجلات مكتب ${office} ضباط الحالة المدنية به والمراقبون`,
      fr: `Les registres du bureau ${office} sont consultés par ses officiers et les auditeurs`,
      en: `Registers of office ${office} are viewed by its registrars and auditors`,
    });
  }
  const page = await existingPage(repository, registerId, pageNumber);
  if (page.status !== 'stored') {
    throw new InvalidStateError({
      ar: `الصفحة ${pageNumber} من السجل ${registerId} لم تحفظ بعد`,
      fr: `La page ${pageNumber} du registre ${registerId} n'est pas encore conservée`,
      en: `Page ${pageNumber} of ${registerId} is not stored yet`,
    });
  }
  return { ...page, viewUrl: await store.viewUrl(page.objectKey) };
}
