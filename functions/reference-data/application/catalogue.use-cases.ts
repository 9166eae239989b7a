// Reading the communes and the procedures catalogue.
import { NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { Commune } from '../domain/commune.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { PageRequest, ReferenceDataRepository } from './reference-data.repository.ts';

export function listCommunes(repository: ReferenceDataRepository, page: PageRequest): Promise<Page<Commune>> {
  return repository.listCommunes(page);
}

export async function getCommune(repository: ReferenceDataRepository, code: string): Promise<Commune> {
  const commune = await repository.getCommune(code);
  if (!commune) {
    throw new NotFoundError({ ar: `لا توجد جماعة بالرمز ${code}`, fr: `Aucune commune n'a le code ${code}`, en: `No commune has the code ${code}` });
  }
  return commune;
}

export function listProcedures(repository: ReferenceDataRepository, page: PageRequest): Promise<Page<Procedure>> {
  return repository.listProcedures(page);
}

export async function getProcedure(repository: ReferenceDataRepository, code: string): Promise<Procedure> {
  const procedure = await repository.getProcedure(code);
  if (!procedure) {
    throw new NotFoundError({ ar: `لا يوجد إجراء بالرمز ${code}`, fr: `Aucune procédure n'a le code ${code}`, en: `No procedure has the code ${code}` });
  }
  return procedure;
}
