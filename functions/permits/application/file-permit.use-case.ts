// Filing a permit application: checked against the catalogue and the communes, written with its first event,
// and handed to the deadline workflow.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { filePermit, type Permit } from '../domain/permit.ts';
import type { DeadlineWorkflow, PermitIdentifiers, PermitsRepository } from './permits.ports.ts';

export interface FilePermitRequest {
  readonly applicant: string;
  readonly procedure: string;
  readonly commune: string;
  readonly project: Permit['project'];
}

export interface PermitsDependencies {
  readonly repository: PermitsRepository;
  readonly identifiers: PermitIdentifiers;
}

/** Use cases that (re)start the clock also hand the permit to the deadline workflow. */
export interface PermitsWithWorkflow extends PermitsDependencies {
  readonly workflow: DeadlineWorkflow;
}

/**
 * The years whose holidays a deadline may reach: from `fromYear` to the year after today (periods are at most
 * 60 days; a suspension running into next year is counted as far as today).
 */
export function holidayYears(fromYear: number, today: string): number[] {
  const to = Number(today.slice(0, 4)) + 1;
  return Array.from({ length: to - fromYear + 1 }, (_, index) => fromYear + index);
}

export async function filePermitApplication(dependencies: PermitsWithWorkflow, request: FilePermitRequest, now: Date): Promise<Permit> {
  const today = moroccanDate(now);
  const reference = await dependencies.repository.loadReference({
    procedure: request.procedure,
    commune: request.commune,
    years: holidayYears(Number(today.slice(0, 4)), today),
  });
  const issues = [
    ...(reference.procedure
      ? []
      : [
          {
            pointer: '/body/procedure',
            code: 'unknown_procedure',
            detail: {
              ar: `لا توجد المسطرة ${request.procedure} في دليل المساطر`,
              fr: `La procédure ${request.procedure} ne figure pas au catalogue`,
              en: `No procedure ${request.procedure} in the catalogue`,
            },
          },
        ]),
    ...(reference.commune
      ? []
      : [
          {
            pointer: '/body/commune',
            code: 'unknown_commune',
            detail: { ar: `الجماعة ${request.commune} غير معروفة`, fr: `Commune ${request.commune} inconnue`, en: `No commune ${request.commune}` },
          },
        ]),
  ];
  if (!reference.procedure || !reference.commune) {
    throw new ValidationFailedError(
      { ar: 'المسطرة أو الجماعة غير معروفة', fr: 'Procédure ou commune inconnue', en: 'Unknown procedure or commune' },
      { fieldIssues: issues },
    );
  }

  const id = dependencies.identifiers.newPermitId();
  const { procedure, commune } = reference;
  const change = filePermit(
    {
      id,
      receiptNumber: dependencies.identifiers.receiptNumber(commune.code, now, id),
      procedure: { code: procedure.code, names: procedure.names, category: procedure.category, period: procedure.period, deemedApproval: procedure.deemedApproval },
      commune: { code: commune.code, names: commune.names },
      applicant: request.applicant,
      project: request.project,
    },
    reference.holidays,
    now,
  );
  await dependencies.repository.create(change, [{ commune: commune.code, procedure: change.permit.procedure.code, date: today, counter: 'filed' }]);
  await dependencies.workflow.watch(change.permit);
  return change.permit;
}
