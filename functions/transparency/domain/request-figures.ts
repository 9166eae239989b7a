// The annual figures of a collectivity's access-to-information requests, per year of receipt, as a body's annual
// report gives them: requests (and urgent ones), answers by outcome, the working days each answer took (their sum,
// and how many answers took each number of days, for the mean and the median), the grounds named by refusals and
// partial answers, extensions, implicit refusals and withdrawals. Each counted change says what it adds in an outbox
// event; the figures' consumer adds it once, out of the change's transaction. No personal data. Pure.
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { isWorkingDay } from '../../shared/statutory-clock/statutory-clock.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { InformationRequest, RequestChange } from './information-request.ts';
import { REFUSAL_GROUNDS, type RefusalGround } from './refusal-grounds.ts';

export const REQUEST_COUNTED = 'information-request.counted';

export const FIGURE_COUNTERS = ['requests', 'urgent', 'answeredFull', 'answeredPartial', 'refused', 'answerWorkingDays', 'extensions', 'implicitRefusals', 'withdrawn'] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];

/** A counter of the grounds (`ground:<ground>`) or of the answers that took n working days (`days:<n>`). */
export type FigureAttribute = FigureCounter | `ground:${RefusalGround}` | `days:${number}`;

export interface RequestCounted extends Readonly<Record<string, unknown>> {
  readonly commune: string;
  /** The Moroccan year of the receipt: the figures follow the requests received in a year. */
  readonly year: number;
  readonly counts: Readonly<Partial<Record<FigureAttribute, number>>>;
}

/** Working days from the day after `receiptDate` to `date`, both as Moroccan dates, skipping weekends and `holidays`. */
export function workingDaysBetween(receiptDate: string, date: string, holidays: ReadonlySet<string>): number {
  let days = 0;
  for (let day = new Date(`${receiptDate}T00:00:00Z`); ; ) {
    day = new Date(day.getTime() + 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    if (iso > date) return days;
    if (isWorkingDay(iso, holidays)) days += 1;
  }
}

function countsOf(request: InformationRequest, change: RequestChange): RequestCounted['counts'] | undefined {
  switch (change.event.type) {
    case 'received':
      return { requests: 1, ...(request.urgency && { urgent: 1 }) };
    case 'extended':
      return { extensions: 1 };
    case 'implicitly-refused':
      return { implicitRefusals: 1 };
    case 'withdrawn':
      return { withdrawn: 1 };
    case 'answered': {
      const answer = request.answer!;
      // The clock keeps the holidays from the receipt to its due date: an answer in time falls among them.
      const days = workingDaysBetween(request.clock.receiptDate, moroccanDate(new Date(answer.at)), new Set(request.clock.holidays));
      const grounds = answer.outcome === 'refused' ? answer.grounds : answer.outcome === 'partial' ? answer.withheld.flatMap((part) => part.grounds) : [];
      const named = [...new Set(grounds.map(({ ground }) => ground))];
      const outcome = answer.outcome === 'full' ? 'answeredFull' : answer.outcome === 'partial' ? 'answeredPartial' : 'refused';
      return { [outcome]: 1, answerWorkingDays: days, [`days:${days}`]: 1, ...Object.fromEntries(named.map((ground) => [`ground:${ground}`, 1])) };
    }
    default:
      return undefined;
  }
}

/** The event that adds the change to its collectivity's figures; none for a change not counted. */
export function requestCounted(change: RequestChange): DomainEvent<RequestCounted> | undefined {
  const { request, event } = change;
  const counts = countsOf(request, change);
  if (!counts) return undefined;
  const data: RequestCounted = { commune: request.commune, year: Number(moroccanDate(new Date(request.receivedAt)).slice(0, 4)), counts };
  return domainEvent({ type: REQUEST_COUNTED, source: 'transparency', subject: request.id, occurredAt: event.at, version: event.version, data });
}

/** The figures as published: the counts, the mean and median working days to answer (null before any answer). */
export interface RequestFigures {
  readonly commune: string;
  readonly year: number;
  readonly requests: number;
  readonly urgent: number;
  readonly answers: { readonly full: number; readonly partial: number; readonly refused: number; readonly total: number };
  readonly workingDaysToAnswer: { readonly mean: number | null; readonly median: number | null };
  readonly groundsNamed: Readonly<Record<RefusalGround, number>>;
  readonly extensions: number;
  readonly implicitRefusals: number;
  readonly withdrawn: number;
}

/** The median of answers counted by how many working days each took: the middle one, or the mean of the two middle ones. */
export function medianOf(daysTaken: ReadonlyMap<number, number>): number | null {
  const total = [...daysTaken.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const sorted = [...daysTaken.entries()].sort(([a], [b]) => a - b);
  const at = (position: number) => {
    let seen = 0;
    for (const [days, count] of sorted) {
      seen += count;
      if (position < seen) return days;
    }
    return sorted.at(-1)![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export function publishedFigures(commune: string, year: number, counters: Readonly<Record<string, number>>): RequestFigures {
  const count = (name: string) => counters[name] ?? 0;
  const answers = { full: count('answeredFull'), partial: count('answeredPartial'), refused: count('refused') };
  const total = answers.full + answers.partial + answers.refused;
  const daysTaken = new Map(Object.entries(counters).filter(([name]) => name.startsWith('days:')).map(([name, value]) => [Number(name.slice(5)), value] as const));
  return {
    commune,
    year,
    requests: count('requests'),
    urgent: count('urgent'),
    answers: { ...answers, total },
    workingDaysToAnswer: { mean: total > 0 ? Math.round((count('answerWorkingDays') / total) * 10) / 10 : null, median: medianOf(daysTaken) },
    groundsNamed: Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, count(`ground:${ground}`)])) as Record<RefusalGround, number>,
    extensions: count('extensions'),
    implicitRefusals: count('implicitRefusals'),
    withdrawn: count('withdrawn'),
  };
}
