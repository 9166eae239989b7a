// What an extract or a full copy of a birth act says, in both scripts, and the few claims its QR code signs:
// enough for anyone to check the paper in their hands against the signature, offline.
import { createHash } from 'node:crypto';
import type { AppliedNote, CivilAct, WrittenName } from '../../civil-status/public.ts';
import type { OfficeOfCommune } from '../../reference-data/public.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { DocumentKind } from './document-request.ts';

/** A value as printed in the Arabic and the French column. */
export interface PrintedName {
  readonly ar: string;
  readonly fr: string;
}

export interface BirthDocument {
  readonly number: string;
  readonly kind: DocumentKind;
  /** The act's legacy reference: office, year, register and number. */
  readonly actReference: string;
  readonly issuedAt: string;
  readonly office: { readonly code: string; readonly names: BilingualName; readonly commune: BilingualName };
  readonly person: {
    readonly givenName: PrintedName;
    readonly familyName: PrintedName;
    readonly sex: 'F' | 'M';
    readonly birthDate: string;
    readonly birthPlace: PrintedName;
    readonly father?: PrintedName;
    readonly mother?: PrintedName;
  };
  /** Full copies only: the marginal notes, in the order they were written. */
  readonly notes?: readonly Pick<AppliedNote, 'kind' | 'eventDate' | 'text'>[];
}

/** The signed claims, with short names: the QR code has to stay readable by a phone camera. */
export interface DocumentClaims {
  /** Claims version. */
  readonly v: 1;
  /** Document number. */
  readonly dn: string;
  readonly k: 'extract' | 'full-copy';
  /** Act reference. */
  readonly ref: string;
  /** Full name: Arabic, then Latin script. */
  readonly nm: readonly [string, string];
  /** Date of birth, `YYYY-MM-DD`. */
  readonly dob: string;
  /** Issue date in Morocco, `YYYY-MM-DD`. */
  readonly iat: string;
  /** SHA-256 (base64url) of the document's data as printed. */
  readonly dg: string;
}

/** Every name the document prints exists in both scripts: nobody has to transliterate it by hand. */
export function isDigitized(act: CivilAct): boolean {
  const both = (name: WrittenName | undefined) => name === undefined || (name.ar !== undefined && name.latin !== undefined);
  const { person } = act;
  return [person.givenName, person.familyName, person.birthPlace, person.father?.givenName, person.father?.familyName, person.mother?.givenName, person.mother?.familyName].every(both);
}

/** A name in one script only (an old act) is printed as written, in both columns. */
function printed(name: WrittenName): PrintedName {
  return { ar: name.ar ?? name.latin ?? '', fr: name.latin ?? name.ar ?? '' };
}

function parentName(parent: NonNullable<CivilAct['person']['father']>): PrintedName {
  const given = printed(parent.givenName);
  const family = parent.familyName ? printed(parent.familyName) : undefined;
  return family ? { ar: `${given.ar} ${family.ar}`, fr: `${given.fr} ${family.fr}` } : given;
}

export function legacyReferenceOf(act: CivilAct): string {
  const { office, year, register, number } = act.legacy;
  return `${office}/${year}/${register}/${number}`;
}

export function birthDocument(act: CivilAct, kind: DocumentKind, office: OfficeOfCommune, number: string, issuedAt: Date): BirthDocument {
  const { person } = act;
  return {
    number,
    kind,
    actReference: legacyReferenceOf(act),
    issuedAt: issuedAt.toISOString(),
    office: { code: office.code, names: office.names, commune: office.commune.names },
    person: {
      givenName: printed(person.givenName),
      familyName: printed(person.familyName),
      sex: person.sex,
      birthDate: person.birthDate,
      birthPlace: printed(person.birthPlace),
      ...(person.father && { father: parentName(person.father) }),
      ...(person.mother && { mother: parentName(person.mother) }),
    },
    ...(kind === 'birth-full-copy' && { notes: (act.notes ?? []).map((note) => ({ kind: note.kind, eventDate: note.eventDate, text: note.text })) }),
  };
}

export function documentClaims(document: BirthDocument): DocumentClaims {
  const { person } = document;
  return {
    v: 1,
    dn: document.number,
    k: document.kind === 'birth-extract' ? 'extract' : 'full-copy',
    ref: document.actReference,
    nm: [`${person.givenName.ar} ${person.familyName.ar}`, `${person.givenName.fr} ${person.familyName.fr}`],
    dob: person.birthDate,
    iat: moroccanDate(new Date(document.issuedAt)),
    // The document is built field by field in a fixed order, so its JSON is canonical.
    dg: createHash('sha256').update(JSON.stringify(document)).digest('base64url'),
  };
}
