// The deadline workflow's task: where does this permit's clock stand now (recording a lapse when it has come)?
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitPapers } from '../adapters/permit-papers.dependencies.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { checkPermitDeadline } from '../application/check-deadline.use-case.ts';
import { issueCertificate } from '../application/permit-papers.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async ({ subject: permitId }: DeadlineCheckRequest) => {
  const at = now();
  const check = await checkPermitDeadline(permitsDependencies, permitId, at);
  // A procedure approved by law when its deadline passes gets its certificate now. An execution checks a lapsed
  // permit once; should another check it again, the register keeps the first certificate and drops the new PDF.
  if (check.state === 'lapsed') {
    const permit = await permitsDependencies.repository.get(permitId);
    if (permit) await issueCertificate(permitPapers, permit, { now: at, by: 'system', requestId: `deadline-${permitId}` });
  }
  return check;
});
