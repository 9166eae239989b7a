// When the holiday calendar changes, every running deadline that may depend on it is counted again, in each
// context that keeps deadlines: all shards at once, each page after page. What a recount changes (the case, its
// history, its workflow, its applicant's inbox) is the context's business; the kit finds the cases.
import type { Page } from '../../http/pagination.ts';
import type { CaseClock } from '../domain/case-clock.ts';
import { DEADLINE_SHARDS } from '../domain/deadline-shards.ts';

/** The context's sparse index of running clocks, read from a due instant on. */
export interface OpenDeadlinesFrom {
  /** One page of the cases of `shard` whose clock runs and whose due instant is at or after `instant`, soonest first. */
  openDueFrom(shard: number, instant: Date, page: { readonly limit: number; readonly cursor?: string }): Promise<Page<string>>;
}

/** Counts one case again; resolves whether its deadline moved. */
export type RecountCase = (subject: string) => Promise<boolean>;

export interface RecountResult {
  readonly examined: number;
  readonly moved: number;
}

/**
 * Recounts every case whose running deadline falls at or after `from` (a deadline before it cannot reach the
 * changed year). A failure fails the whole recount after every other case was tried: the event is delivered again,
 * and a case already recounted does not move a second time.
 */
export async function recountOpenDeadlines(index: OpenDeadlinesFrom, recountCase: RecountCase, from: Date, pageSize = 100): Promise<RecountResult> {
  let examined = 0;
  let moved = 0;
  const failures: unknown[] = [];
  await Promise.all(
    DEADLINE_SHARDS.map(async (shard) => {
      let cursor: string | undefined;
      try {
        do {
          const page = await index.openDueFrom(shard, from, { limit: pageSize, ...(cursor && { cursor }) });
          for (const subject of page.items) {
            try {
              if (await recountCase(subject)) moved += 1;
              examined += 1;
            } catch (error) {
              failures.push(error);
            }
          }
          cursor = page.nextCursor;
        } while (cursor);
      } catch (error) {
        failures.push(error);
      }
    }),
  );
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} deadline(s) or shard read(s) could not be recounted (${examined} examined, ${moved} moved)`);
  return { examined, moved };
}

/** What recounting a context's cases over a changed year needs of its storage. */
export interface RecountableCases<Case, Change> extends OpenDeadlinesFrom {
  get(subject: string): Promise<Case | undefined>;
  /** The public holidays of these years, as they now stand. */
  holidays(years: readonly number[]): Promise<ReadonlySet<string>>;
  save(change: Change): Promise<void>;
}

/**
 * The first instant a deadline counting over `year` can fall at: 1 January in Morocco, which is at most one hour
 * ahead of UTC. A deadline before it cannot reach the changed year.
 */
export function firstDueInstantOver(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

/**
 * Holidays of `year` an administrator confirmed or moved: every case whose running deadline may count over it is
 * counted again with the holidays of its receipt year and the next (all a count can reach), and the change the
 * context makes of a deadline that moved (`recountCase`, undefined when it did not) is saved. A case received after
 * that year cannot count over it.
 */
export function recountDeadlinesOverYear<Case, Change>(
  cases: RecountableCases<Case, Change>,
  clockOf: (found: Case) => CaseClock | undefined,
  recountCase: (found: Case, holidays: ReadonlySet<string>) => Change | undefined,
  year: number,
): Promise<RecountResult> {
  const recountOne: RecountCase = async (subject) => {
    const found = await cases.get(subject);
    const clock = found && clockOf(found);
    const receiptYear = clock && Number(clock.receiptDate.slice(0, 4));
    if (!found || !receiptYear || receiptYear > year) return false;
    const change = recountCase(found, await cases.holidays([receiptYear, receiptYear + 1]));
    if (!change) return false;
    await cases.save(change);
    return true;
  };
  return recountOpenDeadlines(cases, recountOne, firstDueInstantOver(year));
}
