// Filing a permit application: checked against the catalogue and the communes, written with its first event,
// and handed to the deadline workflow.
import { ConflictError, IdempotencyKeyReusedError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { filePermit, type Permit } from '../domain/permit.ts';
import type { DeadlineWorkflow, PermitIdentifiers, PermitsRepository } from './permits.ports.ts';

/** What makes a filing the same filing: a retry with the same Idempotency-Key must ask for the same thing. */
function sameFiling(existing: Permit, request: FilePermitRequest): boolean {
  return (
    existing.applicant === request.applicant &&
    existing.procedure.code === request.procedure &&
    existing.commune.code === request.commune &&
    JSON.stringify(existing.project) === JSON.stringify(request.project)
  );
}

export interface FilePermitRequest {
  readonly applicant: string;
  readonly procedure: string;
  readonly commune: string;
  readonly project: Permit['project'];
  /** The caller's Idempotency-Key: the permit is named after it, so a retry meets the first filing. */
  readonly idempotencyKey?: string;
}

export interface PermitsDependencies {
  readonly repository: PermitsRepository;
  readonly identifiers: PermitIdentifiers;
}

/** Following a change that (re)starts the clock hands the permit to the deadline workflow. */
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

/**
 * Files the application. Its deadline workflow and its place in the figures follow from the `permit.filed` event
 * written with it. A retry with the same Idempotency-Key after a failure past the write (the client never got the
 * answer) finds the permit filed the first time and answers with it: one permit, one receipt number.
 */
export async function filePermitApplication(dependencies: PermitsDependencies, request: FilePermitRequest, now: Date): Promise<Permit> {
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

  const id = request.idempotencyKey ? dependencies.identifiers.permitIdFor(request.applicant, request.idempotencyKey) : dependencies.identifiers.newPermitId();
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
  try {
    await dependencies.repository.create(change, ['filed']);
  } catch (error) {
    const first = error instanceof ConflictError && request.idempotencyKey ? await dependencies.repository.get(id) : undefined;
    if (!first) throw error;
    if (!sameFiling(first, request)) {
      throw new IdempotencyKeyReusedError({
        ar: 'مفتاح عدم التكرار هذا استُعمل لإيداع طلب آخر',
        fr: "Cette clé d'idempotence a déjà servi pour un autre dépôt",
        en: 'This Idempotency-Key was used to file another application',
      });
    }
    return first;
  }
  return change.permit;
}
