// Registering acts, reading them (every read recorded with who and why), their history, people by civil
// identifier, the national search by name in either script, and the access log auditors query.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { holdsFieldsOf } from '../../shared/http/idempotency-ids.ts';
import type { ActRegistered } from '../domain/act-events.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { registrarOf, requireActReader } from '../domain/act-access.ts';
import { registerAct, type ActPerson, type CivilAct, type RegisterActCommand, type WrittenName } from '../domain/civil-act.ts';
import { isValidCivilId } from '../domain/civil-identifier.ts';
import { PARENT_ROLES, parentLinkRequest, requireDistinctParents, requireParentMatches, type ParentRole } from '../domain/family-links.ts';
import { nameSimilarity, nameSplits, searchKeys } from '../domain/person-name.ts';
import type { ActRead, ActSummary, CivilStatusRepository, NameKey, PageRequest } from './civil-status.ports.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';

export interface CivilStatusDependencies {
  readonly repository: CivilStatusRepository;
  readonly newActId: () => string;
  readonly newCivilId: () => string;
  /** Ids of the link requests a birth act sends to the offices holding its parents' acts. */
  readonly newNoteId: () => string;
  /** Raised by the repository when a claim is taken; the use case draws another identifier for `civil-id`. */
  readonly isCivilIdTaken: (error: unknown) => boolean;
  /** Raised by the repository when the act's legacy reference is already registered. */
  readonly isLegacyReferenceTaken: (error: unknown) => boolean;
  /** Raised by the repository when an act with this id exists (a retry under the same Idempotency-Key). */
  readonly isActTaken: (error: unknown) => boolean;
  /** The id of the act a caller registers under an Idempotency-Key: the same for the same caller and key. */
  readonly actIdFor: (callerSub: string, idempotencyKey: string) => string;
  /** Gives a legacy reference claimed for an act that turned out to be another registration's retry back. */
  readonly releaseLegacyClaim: (act: CivilAct) => Promise<void>;
}

/** Search keys of a name written in one or both scripts; both scripts normally give the same keys. */
function keysOf(name: WrittenName | undefined): string[] {
  if (!name) return [];
  return [...new Set([...(name.latin ? searchKeys(name.latin) : []), ...(name.ar ? searchKeys(name.ar) : [])])];
}

/** The index entries of an act: each family-name key with each given-name key (at most 3 × 3). */
export function nameKeysOf(person: ActPerson): NameKey[] {
  const families = keysOf(person.familyName).slice(0, 3);
  const givens = keysOf(person.givenName).slice(0, 3);
  return families.flatMap((family) => givens.map((given) => ({ family, given })));
}

const CIVIL_ID_ATTEMPTS = 3;

interface NamedParent {
  readonly role: ParentRole;
  readonly act: CivilAct & { readonly person: { readonly civilId: string } };
}

/** The parents a birth act names by civil identifier, each checked against their own birth act before anything is written. */
async function namedParents(repository: CivilStatusRepository, person: ActPerson): Promise<NamedParent[]> {
  requireDistinctParents(person, '/body/person');
  const named = PARENT_ROLES.flatMap((role) => {
    const parent = person[role];
    return parent?.civilId === undefined ? [] : [{ role, parent, civilId: parent.civilId }];
  });
  return Promise.all(
    named.map(async ({ role, parent, civilId }) => {
      const act = requireParentMatches(role, parent, await repository.getByCivilId(civilId), person, '/body/person');
      return { role, act: { ...act, person: { ...act.person, civilId } } };
    }),
  );
}

/**
 * A parent link is confirmed at once when the registering office holds the parent's act too; otherwise it is
 * claimed until that office confirms it (a link request in its inbox).
 */
function withLinkStatuses(person: ActPerson, parents: readonly NamedParent[], office: string): ActPerson {
  return parents.reduce<ActPerson>(
    (linked, { role, act }) => ({ ...linked, [role]: { ...linked[role], linkStatus: act.office === office ? 'confirmed' : 'claimed' } }),
    person,
  );
}

export async function registerCivilAct(
  dependencies: CivilStatusDependencies,
  request: Omit<RegisterActCommand, 'id' | 'registrar'>,
  principal: Principal,
  now: Date,
  idempotencyKey?: string,
): Promise<CivilAct> {
  const registrar = registrarOf(principal);
  if (nameKeysOf(request.person).length === 0) {
    throw new ValidationFailedError(
      { ar: 'يلزم الاسم الشخصي والاسم العائلي', fr: 'La personne doit avoir un prénom et un nom de famille', en: 'The person needs a given name and a family name' },
      {
        fieldIssues: [
          {
            pointer: '/body/person/familyName',
            code: 'required',
            detail: {
              ar: 'الاسم الشخصي والاسم العائلي، بالحروف العربية أو اللاتينية',
              fr: 'Un prénom et un nom de famille, en caractères arabes ou latins',
              en: 'A given name and a family name, in Arabic or Latin script',
            },
          },
        ],
      },
    );
  }
  const parents = await namedParents(dependencies.repository, request.person);
  const id = idempotencyKey === undefined ? dependencies.newActId() : dependencies.actIdFor(principal.sub, idempotencyKey);
  const command: RegisterActCommand = { ...request, person: withLinkStatuses(request.person, parents, registrar.office), id, registrar };
  for (let attempt = 1; ; attempt++) {
    const change = registerAct(command, request.type === 'birth' ? dependencies.newCivilId() : undefined, now);
    const linkRequests = parents
      .filter((parent) => parent.act.office !== registrar.office)
      .map((parent) => parentLinkRequest(change.act, parent.role, parent.act, dependencies.newNoteId(), registrar, now));
    try {
      await dependencies.repository.create(change, linkRequests);
      return change.act;
    } catch (error) {
      // The act exists under the id of this caller's key: a retry (or a racing twin) gets the first act.
      if (idempotencyKey !== undefined && dependencies.isActTaken(error)) return firstRegistration(dependencies, change.act, request);
      // A civil identifier is random: on the rare draw of one already given, draw again.
      if (!dependencies.isCivilIdTaken(error) || attempt >= CIVIL_ID_ATTEMPTS) throw error;
    }
  }
}

/** What a registration asked for, as the act it made keeps it (the identifier drawn and the links' statuses aside). */
function askedOf(act: CivilAct): Record<string, unknown> {
  const { civilId: _civilId, ...person } = act.person;
  const unlinked = Object.fromEntries(
    Object.entries(person).map(([field, value]) => {
      if (!(PARENT_ROLES as readonly string[]).includes(field) || !value || typeof value !== 'object') return [field, value];
      const { linkStatus: _linkStatus, ...parent } = value as Record<string, unknown>;
      return [field, parent];
    }),
  );
  return { type: act.type, legacy: act.legacy, person: unlinked, ...(act.deathDate !== undefined && { deathDate: act.deathDate }) };
}

/** The act a first registration under the same key made, if it asked the same; the key reused for another one is refused. */
async function firstRegistration(dependencies: CivilStatusDependencies, attempted: CivilAct, request: Omit<RegisterActCommand, 'id' | 'registrar'>): Promise<CivilAct> {
  const first = await dependencies.repository.get(attempted.id);
  const asked = { type: request.type, legacy: request.legacy, person: request.person, ...(request.deathDate !== undefined && { deathDate: request.deathDate }) };
  if (first && holdsFieldsOf(askedOf(first), asked)) return first;
  // This attempt claimed its own legacy reference for the first act's id: give it back.
  if (first && !holdsFieldsOf({ legacy: first.legacy }, { legacy: attempted.legacy })) await dependencies.releaseLegacyClaim(attempted);
  throw new IdempotencyKeyReusedError({
    ar: 'مفتاح عدم التكرار هذا استُعمل لتسجيل عقد آخر',
    fr: "Cette clé d'idempotence a déjà servi à enregistrer un autre acte",
    en: 'This Idempotency-Key was used to register another act',
  });
}

/** Writes what a registration's event brings beside the act: its first action, search entries and link requests. */
export async function recordActRegistration(repository: CivilStatusRepository, event: DomainEvent<ActRegistered>): Promise<void> {
  const { act } = await repository.getWithRegistration(event.data.actId);
  if (!act) return;
  await repository.recordRegistration(act, event.data.action, nameKeysOf(act.person), event.data.linkRequests);
}

export interface ReadContext {
  readonly principal: Principal;
  readonly reason: string;
  readonly requestId: string;
  readonly now: Date;
}

function roleOf(principal: Principal): string {
  return principal.roles.includes('registrar') ? 'registrar' : principal.roles.includes('auditor') ? 'auditor' : 'citizen';
}

export async function readCivilAct(repository: CivilStatusRepository, id: string, context: ReadContext): Promise<CivilAct> {
  const act = requireActReader(await repository.get(id), id, context.principal);
  await repository.recordRead({ actId: act.id, by: context.principal.sub, role: roleOf(context.principal), reason: context.reason, at: context.now.toISOString(), requestId: context.requestId });
  return act;
}

/** Checked before any lookup: a mistyped identifier never reaches the register. */
export function requireValidCivilId(civilId: string, pointer: string): void {
  if (!isValidCivilId(civilId)) {
    throw new ValidationFailedError(
      {
        ar: 'المعرف المدني غير صحيح: رقم التحقق لا يطابق، أحد الأرقام مكتوب خطأ',
        fr: "Identifiant civil invalide : le chiffre de contrôle ne correspond pas, un chiffre est mal saisi",
        en: 'Invalid civil identifier: the check digit does not match, a digit is mistyped',
      },
      {
        fieldIssues: [
          {
            pointer,
            code: 'invalid_check_digit',
            detail: {
              ar: 'عشرة أرقام، آخرها رقم التحقق (Verhoeff) المحسوب من الأرقام التسعة الأخرى',
              fr: 'Dix chiffres, dont le dernier est le chiffre de contrôle (Verhoeff) des neuf autres',
              en: 'Ten digits whose last is the Verhoeff check digit of the others',
            },
          },
        ],
      },
    );
  }
}

/** Registrars of any office, and the person themselves, read a person's birth act by their identifier. */
export async function readPerson(repository: CivilStatusRepository, civilId: string, context: ReadContext): Promise<CivilAct> {
  requireValidCivilId(civilId, '/params/civilId');
  const { principal } = context;
  const allowed = principal.roles.includes('registrar') || (principal.roles.includes('citizen') && principal.civilId === civilId);
  const act = allowed ? await repository.getByCivilId(civilId) : undefined;
  if (!act) throw new NotFoundError({ ar: `لا يوجد شخص بالمعرف المدني ${civilId}`, fr: `Aucune personne ne porte l'identifiant civil ${civilId}`, en: `No person ${civilId}` });
  await repository.recordRead({ actId: act.id, by: principal.sub, role: roleOf(principal), reason: context.reason, at: context.now.toISOString(), requestId: context.requestId });
  return act;
}

/** The actions, oldest first; the registration's is written from its event: until then the act shows it. */
export async function civilActHistory(repository: CivilStatusRepository, id: string, principal: Principal, page: PageRequest) {
  const { act: found, registration } = await repository.getWithRegistration(id);
  const act = requireActReader(found, id, principal);
  if (!principal.roles.includes('registrar') && !principal.roles.includes('auditor')) {
    throw new ForbiddenError({ ar: 'سجل العمليات مخصص لضباط الحالة المدنية والمراقبين', fr: "L'historique est réservé aux officiers d'état civil et aux auditeurs", en: 'The history is for registrars and auditors' });
  }
  return repository.actions(act.id, page, registration?.action);
}

export function actAccessLog(repository: CivilStatusRepository, actId: string, page: PageRequest): Promise<Page<ActRead>> {
  return repository.accessLog(actId, page);
}

export interface NameSearch {
  readonly name: string;
  readonly birthYear?: number;
  readonly sex?: 'F' | 'M';
  readonly fatherName?: string;
  readonly motherName?: string;
  readonly limit: number;
}

export interface Candidate extends ActSummary {
  /** 0 to 1: how well the names (and parents' names when asked) match. */
  readonly score: number;
}

const CANDIDATES_PER_KEY = 50;
const MAX_KEY_QUERIES = 12;

function writtenForms(name: WrittenName | undefined): string[] {
  return name ? [name.latin, name.ar].filter((form): form is string => Boolean(form)) : [];
}

function bestSimilarity(query: string, forms: readonly string[]): number {
  return forms.reduce((best, form) => Math.max(best, nameSimilarity(query, form)), 0);
}

function fullNames(person: ActSummary['person']): string[] {
  const givens = writtenForms(person.givenName);
  const families = writtenForms(person.familyName);
  return givens.flatMap((given) => families.flatMap((family) => [`${given} ${family}`, `${family} ${given}`]));
}

function parentNames(parent: ActSummary['person']['father']): string[] {
  if (!parent) return [];
  const givens = writtenForms(parent.givenName);
  const families = writtenForms(parent.familyName);
  return [...givens, ...givens.flatMap((given) => families.map((family) => `${given} ${family}`))];
}

/** National search: candidates found by name keys in either script, ranked by similarity; no scan. */
export async function searchCivilActs(repository: Pick<CivilStatusRepository, 'findByName'>, search: NameSearch): Promise<Candidate[]> {
  // Every split's whole-name keys come before any split's article and part keys, so a long name (four words and
  // more) still gets its likeliest lookups within the bound.
  const lookups = new Map<string, { priority: number; lookup: { family: string; given?: string; birthYear?: number } }>();
  for (const split of nameSplits(search.name)) {
    searchKeys(split.family).forEach((family, familyRank) => {
      const givens = split.given === undefined ? [undefined] : searchKeys(split.given);
      givens.forEach((given, givenRank) => {
        const lookup = { family, ...(given !== undefined && { given }), ...(search.birthYear !== undefined && given !== undefined && { birthYear: search.birthYear }) };
        const id = JSON.stringify(lookup);
        const priority = familyRank + givenRank;
        if ((lookups.get(id)?.priority ?? Infinity) > priority) lookups.set(id, { priority, lookup });
      });
    });
  }
  const chosen = [...lookups.values()].sort((a, b) => a.priority - b.priority).slice(0, MAX_KEY_QUERIES);
  const found = await Promise.all(chosen.map(({ lookup }) => repository.findByName(lookup, CANDIDATES_PER_KEY)));
  const byAct = new Map<string, ActSummary>();
  for (const summary of found.flat()) byAct.set(summary.actId, summary);

  return [...byAct.values()]
    .filter((summary) => search.sex === undefined || summary.person.sex === search.sex)
    .filter((summary) => search.birthYear === undefined || summary.person.birthDate.startsWith(`${search.birthYear}-`))
    .map((summary) => {
      const scores = [
        bestSimilarity(search.name, fullNames(summary.person)),
        ...(search.fatherName ? [bestSimilarity(search.fatherName, parentNames(summary.person.father))] : []),
        ...(search.motherName ? [bestSimilarity(search.motherName, parentNames(summary.person.mother))] : []),
      ];
      return { ...summary, score: Math.round((scores.reduce((total, score) => total + score, 0) / scores.length) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || byCodePoints(a.actId, b.actId))
    .slice(0, search.limit);
}
