// The recourse chain of a request: the complaint to the head of the body (filed by its requester, or recorded by an
// agent when it came on paper), the head's answer (the president of the commune), and the CDAI complaint pack.
// Each reads the request with the holidays its periods are counted with, in one request.
import type { Principal } from '../../shared/auth/principal.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { RequestChange } from '../domain/information-request.ts';
import { answerInternalComplaint, cdaiPackOf, fileInternalComplaint, issueCdaiPack, type CdaiPack } from '../domain/recourse.ts';
import { headOfBodyActing, requesterOrAgent } from '../domain/request-access.ts';
import { withComplaintReminder } from '../domain/recourse-end.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import { requestView, type RequestView } from './request-queries.use-cases.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

/** A request's timeline is short (a few dozen events at most): one page holds it. */
const TIMELINE_PAGE = 100;

/** The request and the holidays of last year, this year and the next: every recourse period counted now falls in them. */
async function readWithHolidays(repository: TransparencyRepository, id: string, now: Date) {
  const year = Number(moroccanDate(now).slice(0, 4));
  const { request, holidays } = await repository.requestWithHolidays(id, [year - 1, year, year + 1]);
  if (!request) throw unknownRequest(id);
  return { request, holidays };
}

async function saved(repository: TransparencyRepository, made: RequestChange, now: Date): Promise<RequestView> {
  await repository.save(made);
  return requestView(made.request, now);
}

export async function complainToHead(repository: TransparencyRepository, id: string, reason: string, principal: Principal, now: Date): Promise<RequestView> {
  const { request, holidays } = await readWithHolidays(repository, id, now);
  return saved(repository, withComplaintReminder(fileInternalComplaint(request, reason, holidays, requesterOrAgent(request, principal), now), holidays), now);
}

export async function answerComplaint(repository: TransparencyRepository, id: string, text: string, principal: Principal, now: Date): Promise<RequestView> {
  const { request, holidays } = await readWithHolidays(repository, id, now);
  return saved(repository, answerInternalComplaint(request, text, holidays, headOfBodyActing(request.commune, principal), now), now);
}

/** Issues the pack once; asked again, the same pack from what was recorded (no write). */
export async function cdaiPack(repository: TransparencyRepository, id: string, principal: Principal, now: Date): Promise<CdaiPack<RequestView>> {
  const { request, holidays } = await readWithHolidays(repository, id, now);
  const made = issueCdaiPack(request, holidays, requesterOrAgent(request, principal), now);
  if (made) await repository.save(made);
  const timeline = await repository.history(id, { limit: TIMELINE_PAGE });
  const issued = made?.request ?? request;
  return cdaiPackOf(issued, requestView(issued, now), timeline.items);
}
