// How acts link people into families: a birth act names the parents (by civil identifier where known), and
// marriage and divorce notes in the margins name the spouse. Other services (documents) decide who may ask
// for whose extract from these links.
import type { CivilAct } from './civil-act.ts';

/** The civil identifiers of the father and mother a birth act names. */
export function parentCivilIds(act: CivilAct): readonly string[] {
  return [act.person.father?.civilId, act.person.mother?.civilId].filter((civilId): civilId is string => civilId !== undefined);
}

/**
 * Whether the people of two birth acts are married now: the latest marriage or divorce note that names the
 * other, in either margin (a note may have reached only one of the two offices yet), is a marriage.
 */
export function areMarried(a: CivilAct, b: CivilAct): boolean {
  const unionNotes = (act: CivilAct, other: CivilAct) =>
    (act.notes ?? []).filter((note) => (note.kind === 'marriage' || note.kind === 'divorce') && note.spouseCivilId !== undefined && note.spouseCivilId === other.person.civilId);
  const latest = [...unionNotes(a, b), ...unionNotes(b, a)].sort((x, y) => x.eventDate.localeCompare(y.eventDate) || x.appliedAt.localeCompare(y.appliedAt)).at(-1);
  return latest?.kind === 'marriage';
}
