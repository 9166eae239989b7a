// Searching a commune's register of a year by number, receipt dates, subject words, sender, status and service,
// without a Scan; and listing each letter under its search tokens, out of the transaction that registered it.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { endOfMoroccanDay } from '../../shared/statutory-clock/moroccan-day.ts';
import { mayRead, mayReadQueue } from '../domain/letter-access.ts';
import { letterTokens, queryTokens } from '../domain/letter-search.ts';
import type { Letter, LetterStatus } from '../domain/letter.ts';
import { letterView, type LetterView } from './letter-queries.use-cases.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';

/** Lists a registered letter under its tokens; a redelivered event writes the same entries again. */
export async function indexLetterForSearch(repository: RegistryOfficeRepository, event: DomainEvent): Promise<void> {
  const letter = await repository.get(String(event.data.letterId));
  if (letter) await repository.putSearchEntries(letter, letterTokens(letter));
}

export interface RegisterSearch {
  readonly commune: string;
  readonly year: number;
  readonly number?: string;
  /** Words of the subject, in Arabic or French, in any of their common spellings. */
  readonly words?: string;
  /** Words of the sender's name or organisation. */
  readonly sender?: string;
  /** Moroccan dates of receipt, both included. */
  readonly from?: string;
  readonly to?: string;
  readonly status?: LetterStatus;
  readonly service?: string;
}

const DAY_MS = 86_400_000;
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

function matches(letter: Letter, search: RegisterSearch): boolean {
  return (search.status === undefined || letter.status === search.status) && (search.service === undefined || letter.routing?.service === search.service);
}

/**
 * One page of the letters that meet every criterion given, newest received first; the commune's clerks and agents
 * (confidential letters only those on their list) and auditors. Status and service are checked on the letters
 * read, after the token and dates narrowed them: a page may hold fewer letters than asked, and still a cursor.
 */
export async function searchRegister(repository: RegistryOfficeRepository, search: RegisterSearch, principal: Principal, page: PageRequest): Promise<Page<LetterView>> {
  if (!mayReadQueue(search.commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يبحث في سجلات الجماعة ${search.commune} إلا أعوانها والمراقبون`,
      fr: `Seuls ses agents et les auditeurs cherchent dans les registres de ${search.commune}`,
      en: `Only its staff and the auditors search the registers of ${search.commune}`,
    });
  }
  const kept = (letters: readonly Letter[]) => letters.filter((letter) => matches(letter, search) && mayRead(letter, principal)).map(letterView);
  if (search.number) {
    const letter = await repository.letterByNumber(search.commune, search.number);
    return { items: kept(letter && letter.year === search.year ? [letter] : []) };
  }
  const received = {
    ...(search.from && { from: new Date(endOfMoroccanDay(dayBefore(search.from)).getTime() + 1) }),
    ...(search.to && { to: endOfMoroccanDay(search.to) }),
  };
  const found = await repository.search({ commune: search.commune, year: search.year }, queryTokens(search), received, page);
  return { ...found, items: kept(found.items) };
}
