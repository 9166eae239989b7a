// The open figures of a collectivity's complaints, per year of receipt and category, as the national portal
// publishes them: received, acknowledged late, answered (and the days it took), answered late, reopened, and the
// satisfaction of the ratings. Each counted change says what it adds in an outbox event; the figures' consumer
// adds it once, out of the change's transaction. Late is counted when it happens: at the lapse the deadline
// workflow records, or at a late acknowledgment or answer the workflow had not recorded yet.
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { Complaint, ComplaintEvent } from './complaint.ts';

export const FIGURE_COUNTERS = ['received', 'acknowledgedLate', 'answered', 'answerDays', 'answeredLate', 'reopened', 'rated', 'ratingPoints'] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];
export type FigureCounts = Readonly<Record<FigureCounter, number>>;

export const COMPLAINT_COUNTED = 'complaint.counted';

export interface ComplaintCounted extends Readonly<Record<string, unknown>> {
  readonly commune: string;
  /** The Moroccan year of the receipt: the figures follow the complaints received in a year. */
  readonly year: number;
  readonly category: string;
  readonly counts: Partial<FigureCounts>;
}

const DAY = 86_400_000;

function countsOf(complaint: Complaint, event: ComplaintEvent): Partial<FigureCounts> | undefined {
  const details = event.details ?? {};
  switch (event.type) {
    case 'filed':
      return { received: 1 };
    case 'deadline-lapsed': {
      const clocks = (details.clocks ?? []) as readonly string[];
      return { ...(clocks.includes('acknowledgment') && { acknowledgedLate: 1 }), ...(clocks.includes('answer') && { answeredLate: 1 }) };
    }
    case 'acknowledged':
      // Its lapse, once recorded, was counted then.
      return complaint.acknowledgment?.late && !complaint.lapses?.acknowledgment ? { acknowledgedLate: 1 } : undefined;
    case 'answered': {
      if (!details.firstAnswer) return undefined;
      const days = Math.round((Date.parse(event.at) - Date.parse(complaint.receivedAt)) / DAY);
      return { answered: 1, answerDays: days, ...(complaint.answer?.late && !complaint.lapses?.answer && { answeredLate: 1 }) };
    }
    case 'reopened':
      return { reopened: 1 };
    case 'rated':
      return { rated: 1, ratingPoints: Number(details.score) };
    default:
      return undefined;
  }
}

/** The event that adds `event`'s change of `complaint` to its collectivity's figures; none for a change not counted. */
export function complaintCounted(complaint: Complaint, event: ComplaintEvent): DomainEvent<ComplaintCounted> | undefined {
  const counts = countsOf(complaint, event);
  if (!counts || Object.keys(counts).length === 0) return undefined;
  const data: ComplaintCounted = { commune: complaint.commune, year: Number(moroccanDate(new Date(complaint.receivedAt)).slice(0, 4)), category: complaint.category, counts };
  return domainEvent({ type: COMPLAINT_COUNTED, source: 'complaints', subject: complaint.id, occurredAt: event.at, version: event.version, data });
}

export interface CategoryFigures extends FigureCounts {
  readonly category: string;
}

/** The figures as published: the counts, and the averages they make (null where nothing was answered or rated). */
export function published(counts: FigureCounts) {
  return {
    ...counts,
    averageAnswerDays: counts.answered > 0 ? Math.round((counts.answerDays / counts.answered) * 10) / 10 : null,
    /** Mean rating out of 5. */
    satisfaction: counts.rated > 0 ? Math.round((counts.ratingPoints / counts.rated) * 100) / 100 : null,
  };
}

export const NO_FIGURES: FigureCounts = Object.fromEntries(FIGURE_COUNTERS.map((counter) => [counter, 0])) as FigureCounts;
