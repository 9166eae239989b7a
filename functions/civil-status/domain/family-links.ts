// How acts link people into families: a birth act names the parents (by civil identifier where known), and
// marriage and divorce notes in the margins name the spouse. A link that grants a right (documents decides who
// may ask for whose extract from these links) counts only once the office holding the other person's act has
// confirmed it: one office alone can claim a link, never grant one.
import { InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { ActChange, ActPerson, CivilAct, Parent, WrittenName } from './civil-act.ts';
import { noteStatusDetail, requireTargetOffice, type MarginalNote } from './marginal-note.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';

/** `claimed` by the office that wrote the act; `confirmed` by the office holding the other person's act. */
export type LinkStatus = 'claimed' | 'confirmed';

export type ParentRole = 'father' | 'mother';

export const PARENT_ROLES: readonly ParentRole[] = ['father', 'mother'];

/** The civil identifiers of the father and mother a birth act names, once the office of each parent's act has confirmed them. */
export function parentCivilIds(act: CivilAct): readonly string[] {
  return PARENT_ROLES.map((role) => act.person[role]).flatMap((parent) => (parent?.civilId !== undefined && parent.linkStatus === 'confirmed' ? [parent.civilId] : []));
}

/** The latest marriage or divorce note in `act`'s margin that names `other`. */
function latestUnionNote(act: CivilAct, other: CivilAct) {
  return (act.notes ?? [])
    .filter((note) => (note.kind === 'marriage' || note.kind === 'divorce') && note.spouseCivilId !== undefined && note.spouseCivilId === other.person.civilId)
    .sort((x, y) => byCodePoints(x.eventDate, y.eventDate) || byCodePoints(x.appliedAt, y.appliedAt))
    .at(-1);
}

/**
 * Whether the people of two birth acts are married now: in both margins, the latest marriage or divorce note
 * naming the other is a marriage. A marriage written in one margin only is a claim its other office has not
 * confirmed yet; a divorce in either margin ends the link.
 */
export function areMarried(a: CivilAct, b: CivilAct): boolean {
  return latestUnionNote(a, b)?.kind === 'marriage' && latestUnionNote(b, a)?.kind === 'marriage';
}

/** Letters only, without diacritics, case, tatweel, spaces or punctuation: how two spellings of one written name compare. */
function comparable(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function sameWrittenName(a: WrittenName, b: WrittenName): boolean {
  return (['ar', 'latin'] as const).some((script) => a[script] !== undefined && b[script] !== undefined && comparable(a[script]) === comparable(b[script]));
}

/** A claimed name matches an act when, in a script both give, the given name (and the family name, when claimed) is the act's. */
export function namesMatch(claimed: { readonly givenName: WrittenName; readonly familyName?: WrittenName | undefined }, person: Pick<ActPerson, 'givenName' | 'familyName'>): boolean {
  return sameWrittenName(claimed.givenName, person.givenName) && (claimed.familyName === undefined || sameWrittenName(claimed.familyName, person.familyName));
}

function refuse(pointer: string, code: string, detail: Localized): never {
  throw new ValidationFailedError(detail, { fieldIssues: [{ pointer, code, detail }] });
}

const ROLE_NAMES: Readonly<Record<ParentRole, Localized>> = {
  father: { ar: 'الأب', fr: 'le père', en: 'the father' },
  mother: { ar: 'الأم', fr: 'la mère', en: 'the mother' },
};

/** A birth act names a parent by identifier only if it is another person's identifier, once. */
export function requireDistinctParents(person: Pick<ActPerson, 'father' | 'mother'>, pointer: string): void {
  if (person.father?.civilId !== undefined && person.father.civilId === person.mother?.civilId) {
    refuse(`${pointer}/mother/civilId`, 'same_person', {
      ar: 'لا يمكن أن يكون الشخص نفسه أبا وأما',
      fr: 'Une même personne ne peut être à la fois le père et la mère',
      en: 'One person cannot be both the father and the mother',
    });
  }
}

/**
 * Checks a parent named by civil identifier against that parent's own birth act (400 otherwise): it exists, its
 * person has the parent's sex, is born before the child, and bears the names the child's act gives.
 */
export function requireParentMatches(role: ParentRole, claimed: Parent, parentAct: CivilAct | undefined, child: Pick<ActPerson, 'birthDate'>, pointer: string): CivilAct {
  const who = ROLE_NAMES[role];
  const at = `${pointer}/${role}`;
  if (!parentAct || parentAct.type !== 'birth' || parentAct.status !== 'registered') {
    refuse(`${at}/civilId`, 'unknown_civil_id', {
      ar: `لا يوجد عقد ولادة مسجل بالمعرف المدني المعطى لـ${who.ar}`,
      fr: `Aucun acte de naissance enregistré ne porte l'identifiant civil donné pour ${who.fr}`,
      en: `No registered birth act has the civil identifier given for ${who.en}`,
    });
  }
  if (parentAct.person.sex !== (role === 'father' ? 'M' : 'F')) {
    refuse(`${at}/civilId`, 'wrong_sex', {
      ar: `المعرف المدني المعطى لـ${who.ar} يخص شخصا من الجنس الآخر`,
      fr: `L'identifiant civil donné pour ${who.fr} est celui d'une personne de l'autre sexe`,
      en: `The civil identifier given for ${who.en} is that of a person of the other sex`,
    });
  }
  if (parentAct.person.birthDate >= child.birthDate) {
    refuse(`${at}/civilId`, 'born_after_child', {
      ar: `${who.ar} المعني بهذا المعرف مولود بعد الطفل`,
      fr: `La personne de cet identifiant, donnée pour ${who.fr}, est née après l'enfant`,
      en: `The person of this identifier, given as ${who.en}, was born after the child`,
    });
  }
  if (!namesMatch(claimed, parentAct.person)) {
    refuse(`${at}/givenName`, 'names_do_not_match', {
      ar: `اسم ${who.ar} لا يطابق الاسم المقيد في عقد ولادة صاحب المعرف المدني`,
      fr: `Le nom donné pour ${who.fr} n'est pas celui de l'acte de naissance de cet identifiant civil`,
      en: `The name given for ${who.en} is not the one on the birth act of that civil identifier`,
    });
  }
  return parentAct;
}

/** Checks the spouse a marriage or divorce note names against the spouse's own birth act (400 otherwise). */
export function requireSpouseMatches(spouseName: { readonly givenName: WrittenName; readonly familyName: WrittenName } | undefined, spouseAct: CivilAct | undefined): CivilAct {
  if (!spouseName) {
    refuse('/body/spouseName', 'required', {
      ar: 'اذكر اسم الزوج(ة) كما هو في عقد ولادته(ا) مع معرفه(ا) المدني',
      fr: "Donnez le nom du conjoint tel qu'il figure sur son acte de naissance, avec son identifiant civil",
      en: "Give the spouse's name as their birth act has it, with their civil identifier",
    });
  }
  if (!spouseAct || spouseAct.type !== 'birth' || spouseAct.status !== 'registered') {
    refuse('/body/spouseCivilId', 'unknown_civil_id', {
      ar: 'لا يوجد عقد ولادة مسجل بهذا المعرف المدني',
      fr: "Aucun acte de naissance enregistré ne porte cet identifiant civil",
      en: 'No registered birth act has this civil identifier',
    });
  }
  if (!namesMatch(spouseName, spouseAct.person)) {
    refuse('/body/spouseName', 'names_do_not_match', {
      ar: 'اسم الزوج(ة) لا يطابق الاسم المقيد في عقد ولادة صاحب المعرف المدني',
      fr: "Le nom du conjoint n'est pas celui de l'acte de naissance de cet identifiant civil",
      en: "The spouse's name is not the one on the birth act of that civil identifier",
    });
  }
  return spouseAct;
}

/**
 * A birth act registered in one office names a parent whose act another office holds: the link is claimed, and
 * this request goes straight to that office's inbox (the table is national: nothing to carry) to be confirmed.
 */
export function parentLinkRequest(
  child: CivilAct,
  role: ParentRole,
  parentAct: CivilAct & { readonly person: { readonly civilId: string } },
  noteId: string,
  registrar: { readonly sub: string; readonly office: string },
  now: Date,
): MarginalNote {
  return {
    noteId,
    birthActId: parentAct.id,
    kind: 'parent-link',
    eventDate: child.person.birthDate,
    text: {},
    parentLink: { childActId: child.id, role, parentCivilId: parentAct.person.civilId },
    sourceOffice: registrar.office,
    targetOffice: parentAct.office,
    recordedBy: registrar.sub,
    recordedAt: now.toISOString(),
    status: 'delivered',
    deliveredAt: now.toISOString(),
  };
}

/**
 * The office holding a parent's birth act confirms the link a child's act claims: the child's act is updated
 * (the parent's link `confirmed`, a `link-confirmed` action) and the request leaves the inbox, in one write.
 */
export function confirmParentLink(child: CivilAct, note: MarginalNote, registrar: { readonly sub: string; readonly office: string }, now: Date): { change: ActChange; note: MarginalNote } {
  requireTargetOffice(note, registrar);
  if (note.status !== 'delivered') throw new InvalidStateError(noteStatusDetail(note));
  const role = note.parentLink!.role;
  const parent = child.person[role];
  if (parent?.civilId !== note.parentLink!.parentCivilId) {
    throw new InvalidStateError({
      ar: `لم يعد عقد الطفل يذكر هذا المعرف المدني لـ${ROLE_NAMES[role].ar}`,
      fr: `L'acte de l'enfant ne donne plus cet identifiant civil pour ${ROLE_NAMES[role].fr}`,
      en: `The child's act no longer gives this civil identifier for ${ROLE_NAMES[role].en}`,
    });
  }
  const at = now.toISOString();
  const updated: CivilAct = { ...child, version: child.version + 1, person: { ...child.person, [role]: { ...parent, linkStatus: 'confirmed' } } };
  return {
    change: { act: updated, action: { type: 'link-confirmed', at, by: registrar.sub, version: updated.version, details: { noteId: note.noteId, role, office: registrar.office } } },
    note: { ...note, status: 'applied', appliedAt: at, appliedBy: registrar.sub },
  };
}
