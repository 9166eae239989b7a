// When the holiday calendar changes, every running deadline that may depend on it is counted again, in each
// context that keeps deadlines: all shards at once, each page after page. What a recount changes (the case, its
// history, its workflow, its applicant's inbox) is the context's business; the kit finds the cases.
import type { Page } from '../../http/pagination.ts';
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
