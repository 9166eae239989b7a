// Duplicates suggested to the unit when a complaint is filed: open complaints of the same collectivity and category
// within a radius of its point (100 m by default, data of the commune), or whose text says the same once
// normalised in Arabic or French. The unit decides (qualification `duplicate`); nothing is merged by itself.
import { createHash } from 'node:crypto';
import { textWords } from '../../shared/text/text-words.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { change, type Complaint, type ComplaintChange } from './complaint.ts';

/** The side of a grid cell, in degrees: about 330 m of latitude. A radius is looked for in the cells it touches. */
export const CELL_DEGREES = 0.003;

const EARTH_RADIUS_METERS = 6_371_000;
const METERS_PER_DEGREE_OF_LATITUDE = (Math.PI * EARTH_RADIUS_METERS) / 180;

export interface Point {
  readonly lat: number;
  readonly long: number;
}

export function cellOf(point: Point): string {
  return `${Math.floor(point.lat / CELL_DEGREES)}:${Math.floor(point.long / CELL_DEGREES)}`;
}

/** Every cell a circle of `radiusMeters` around `point` touches (those of its bounding box). */
export function cellsWithin(point: Point, radiusMeters: number): string[] {
  const latSpan = radiusMeters / METERS_PER_DEGREE_OF_LATITUDE;
  const longSpan = latSpan / Math.cos((point.lat * Math.PI) / 180);
  const rows = [Math.floor((point.lat - latSpan) / CELL_DEGREES), Math.floor((point.lat + latSpan) / CELL_DEGREES)];
  const columns = [Math.floor((point.long - longSpan) / CELL_DEGREES), Math.floor((point.long + longSpan) / CELL_DEGREES)];
  const cells: string[] = [];
  for (let row = rows[0]!; row <= rows[1]!; row += 1) for (let column = columns[0]!; column <= columns[1]!; column += 1) cells.push(`${row}:${column}`);
  return cells;
}

/** The great-circle distance (haversine), in metres. */
export function distanceMeters(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLong = radians(b.long - a.long);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

/** What two texts share when they say the same: their normalized words, in order; none for a text without words. */
export function textKey(text: string): string | undefined {
  const words = textWords(text);
  return words.length === 0 ? undefined : createHash('sha256').update(words.join(' ')).digest('base64url');
}

export interface SuggestedDuplicate {
  readonly id: string;
  readonly reason: 'nearby' | 'same-text';
  readonly distanceMeters?: number;
}

export interface DuplicateCandidates {
  /** Open complaints of the same category in the cells around the point, with their points. */
  readonly nearby: readonly { readonly id: string; readonly point: Point }[];
  /** Open complaints whose text has the same key. */
  readonly sameText: readonly string[];
}

/** The suggestion recorded on the complaint (history `duplicates-suggested`), if any candidate is one. */
export function suggestDuplicates(complaint: Complaint, candidates: DuplicateCandidates, now: Date): ComplaintChange | undefined {
  const point = complaint.location?.point;
  const radius = complaint.rules.duplicateRadiusMeters;
  const near: SuggestedDuplicate[] = point
    ? candidates.nearby
        .filter((candidate) => candidate.id !== complaint.id)
        .map((candidate) => ({ id: candidate.id, reason: 'nearby' as const, distanceMeters: Math.round(distanceMeters(point, candidate.point)) }))
        .filter((candidate) => candidate.distanceMeters <= radius)
    : [];
  const same: SuggestedDuplicate[] = candidates.sameText.filter((id) => id !== complaint.id && !near.some((candidate) => candidate.id === id)).map((id) => ({ id, reason: 'same-text' }));
  const suggested = [...near.sort((a, b) => a.distanceMeters! - b.distanceMeters!), ...same];
  if (suggested.length === 0) return undefined;
  return change(complaint, { suggestedDuplicates: suggested }, 'duplicates-suggested', { sub: 'system', role: 'system' }, now, undefined, { suggested });
}

/** A complaint the unit qualified as a duplicate of another, with who filed it (if they did online). */
export interface DuplicateOf {
  readonly id: string;
  readonly complainant?: string;
}

/**
 * The answer of a complaint, told to the complainants of the complaints that repeat it (once each: the
 * notification is named after the answer and the recipient), about their own complaint.
 */
export function answerToldToDuplicates(original: Complaint, duplicates: readonly DuplicateOf[]): DomainEvent[] {
  const answer = original.answer;
  if (!answer) return [];
  const cause = domainEvent({ type: 'complaint.answer-shared', source: 'complaints', subject: original.id, occurredAt: answer.at, version: original.version, data: {} });
  const told = new Set([original.complainant]);
  return duplicates.flatMap((duplicate) => {
    if (!duplicate.complainant || told.has(duplicate.complainant)) return [];
    told.add(duplicate.complainant);
    return [
      notificationRequested(cause, {
        recipient: duplicate.complainant,
        topic: 'complaint-duplicate-answered',
        about: { kind: 'complaint', id: duplicate.id, reference: duplicate.id },
        message: {
          ar: `صدر الجواب عن الشكاية التي تطابق شكايتكم: ${answer.text}`,
          fr: `La réclamation que rejoint la vôtre a reçu sa réponse : ${answer.text}`,
          en: `The complaint yours duplicates has been answered: ${answer.text}`,
        },
      }),
    ];
  });
}
