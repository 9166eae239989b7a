// Family links on DynamoDB Local: a link that grants a right (documents' entitlement) counts only once the office
// holding the other person's act has confirmed it. Each test is one of the attacks of issue 10 (item D).
import { idFromIdempotencyKey } from '../../functions/shared/http/idempotency-ids.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import type { LocalStreams } from '../../lib/local/local-streams.ts';
import { actRegistrationConsumer } from './civil-status-consumers.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from '../../functions/civil-status/adapters/dynamodb-civil-status.repository.ts';
import { registerCivilAct, type CivilStatusDependencies } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import { applyInboxNote, recordMarginalNote, redriveMarginalNote, type NotesDependencies } from '../../functions/civil-status/application/marginal-notes.use-cases.ts';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { newCivilId } from '../../functions/civil-status/domain/civil-identifier.ts';
import { areMarried, parentCivilIds, type CivilAct } from '../../functions/civil-status/public.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../functions/shared/errors/domain-errors.ts';
import { followStreams, freshTables, localDocumentClient } from './local-aws.ts';

const now = new Date('2026-12-01T10:00:00Z');
let clock: VirtualClock;
let streams: LocalStreams;
const fes: Principal = { sub: 'registrar-fes', roles: ['registrar'], office: 'FES-AGDAL' };
const rabat: Principal = { sub: 'registrar-rabat', roles: ['registrar'], office: 'RBT-HASSAN' };
let repository: DynamoDbCivilStatusRepository;
let number = 0;
const sent: string[] = [];

function dependencies(): CivilStatusDependencies {
  return {
    repository,
    newActId: () => randomUUID(),
    newCivilId: () => newCivilId(() => Math.floor(Math.random() * 10)),
    newNoteId: () => randomUUID(),
    isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
    isLegacyReferenceTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'legacy-reference',
    isActTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'act',
    actIdFor: idFromIdempotencyKey,
    releaseLegacyClaim: (act) => repository.releaseLegacyClaim(act),
  };
}

function notes(): NotesDependencies {
  return { repository, newNoteId: () => randomUUID(), delivery: { send: async (noteId) => void sent.push(noteId) } };
}

type Person = CivilAct['person'];

function registerBirth(registrar: Principal, person: Partial<Person> & Pick<Person, 'givenName' | 'familyName' | 'sex'>): Promise<CivilAct> {
  number += 1;
  return registerCivilAct(
    dependencies(),
    { type: 'birth', legacy: { office: registrar.office!, year: 2000, register: 'R-1', number }, person: { birthDate: '2000-01-01', birthPlace: { latin: 'Fès' }, ...person } },
    registrar,
    now,
  );
}

const mother = { givenName: { ar: 'خديجة', latin: 'Khadija' }, familyName: { ar: 'العلوي', latin: 'Alaoui' } };

async function bornIn(registrar: Principal, person: Partial<Person> = {}) {
  return registerBirth(registrar, { ...mother, sex: 'F', birthDate: '1970-03-04', ...person });
}

describe('family links on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTables(civilStatusService.tables ?? []);
    repository = new DynamoDbCivilStatusRepository(localDocumentClient(), names['civil-status']!);
    // A birth act's parent-link requests follow from its registration's event, as in AWS.
    clock = new VirtualClock(now);
    streams = followStreams(clock, names, [actRegistrationConsumer(repository)]);
  });

  afterAll(async () => {
    await streams.stop();
    clock.dispose();
  });

  it("refuses a birth act naming a stranger's identifier as mother under another name, and leaves nothing written", async () => {
    const stranger = await bornIn(rabat);
    const attempt = registerBirth(fes, {
      givenName: { latin: 'Omar' },
      familyName: { latin: 'Berrada' },
      sex: 'M',
      mother: { givenName: { latin: 'Nadia' }, familyName: { latin: 'Berrada' }, civilId: stranger.person.civilId! },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'validation-failed', fieldIssues: [{ pointer: '/body/person/mother/givenName', code: 'names_do_not_match' }] });
    expect((await repository.notesOf('inbox', 'RBT-HASSAN', { limit: 50 })).items).toEqual([]);
  });

  it('refuses a man named as mother, one person as both parents, and a parent born after the child', async () => {
    const man = await registerBirth(rabat, { givenName: { latin: 'Khadija' }, familyName: { latin: 'Alaoui' }, sex: 'M', birthDate: '1970-01-01' });
    const woman = await bornIn(rabat);
    const child = { givenName: { latin: 'Omar' }, familyName: { latin: 'Alaoui' }, sex: 'M' as const };
    await expect(registerBirth(fes, { ...child, mother: { ...mother, civilId: man.person.civilId! } })).rejects.toMatchObject({ fieldIssues: [{ code: 'wrong_sex' }] });
    const both = { givenName: { latin: 'Khadija' }, civilId: woman.person.civilId! };
    await expect(registerBirth(fes, { ...child, father: both, mother: both })).rejects.toMatchObject({ fieldIssues: [{ pointer: '/body/person/mother/civilId', code: 'same_person' }] });
    await expect(registerBirth(fes, { ...child, birthDate: '1960-01-01', mother: { ...mother, civilId: woman.person.civilId! } })).rejects.toMatchObject({
      fieldIssues: [{ code: 'born_after_child' }],
    });
  });

  it("claims a parent link until the office holding the parent's act confirms it, and only then grants it", async () => {
    const parent = await bornIn(rabat);
    const child = await registerBirth(fes, { givenName: { latin: 'Omar' }, familyName: { latin: 'Alaoui' }, sex: 'M', mother: { ...mother, civilId: parent.person.civilId! } });
    expect(child.person.mother?.linkStatus).toBe('claimed');
    expect(parentCivilIds((await repository.get(child.id))!)).toEqual([]);

    await clock.quiescent();
    const [request] = (await repository.notesOf('inbox', 'RBT-HASSAN', { limit: 50 })).items.filter((note) => note.parentLink?.childActId === child.id);
    expect(request).toMatchObject({ kind: 'parent-link', birthActId: parent.id, parentLink: { role: 'mother', parentCivilId: parent.person.civilId }, sourceOffice: 'FES-AGDAL' });
    // The claiming office cannot confirm its own claim.
    await expect(applyInboxNote(repository, 'RBT-HASSAN', request!.noteId, fes, now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyInboxNote(repository, 'FES-AGDAL', request!.noteId, fes, now)).rejects.toBeInstanceOf(NotFoundError);

    await applyInboxNote(repository, 'RBT-HASSAN', request!.noteId, rabat, now);
    const confirmed = (await repository.get(child.id))!;
    expect(confirmed.person.mother?.linkStatus).toBe('confirmed');
    expect(parentCivilIds(confirmed)).toEqual([parent.person.civilId]);
    expect((await repository.actions(child.id, { limit: 10 })).items.map((action) => action.type)).toEqual(['registered', 'link-confirmed']);
  });

  it("confirms at once a parent whose act the registering office holds (it is the office that would confirm)", async () => {
    const parent = await bornIn(fes);
    const child = await registerBirth(fes, { givenName: { latin: 'Omar' }, familyName: { latin: 'Alaoui' }, sex: 'M', mother: { ...mother, civilId: parent.person.civilId! } });
    expect(parentCivilIds(child)).toEqual([parent.person.civilId]);
  });

  it("does not marry a citizen to a stranger on one office's word: the other spouse's office must apply the counterpart", async () => {
    const husband = await registerBirth(fes, { givenName: { latin: 'Omar' }, familyName: { latin: 'Berrada' }, sex: 'M', birthDate: '1968-01-01' });
    const wife = await bornIn(rabat);
    const marriage = { kind: 'marriage' as const, eventDate: '1995-06-01', text: { fr: 'Marié' }, spouseCivilId: wife.person.civilId!, spouseName: mother };
    const note = await recordMarginalNote(notes(), husband.id, marriage, fes, now);
    await applyInboxNote(repository, 'FES-AGDAL', note.noteId, fes, now);
    expect(areMarried((await repository.get(husband.id))!, (await repository.get(wife.id))!)).toBe(false);

    const [counterpart] = (await repository.notesOf('inbox', 'RBT-HASSAN', { limit: 50 })).items.filter((candidate) => candidate.counterpartOf === note.noteId);
    expect(counterpart).toMatchObject({ birthActId: wife.id, spouseCivilId: husband.person.civilId, kind: 'marriage' });
    await expect(applyInboxNote(repository, 'RBT-HASSAN', counterpart!.noteId, fes, now)).rejects.toBeInstanceOf(ForbiddenError);
    await applyInboxNote(repository, 'RBT-HASSAN', counterpart!.noteId, rabat, now);
    expect(areMarried((await repository.get(husband.id))!, (await repository.get(wife.id))!)).toBe(true);
  });

  it("refuses a marriage naming a spouse whose act bears other names, or without the spouse's names", async () => {
    const husband = await registerBirth(fes, { givenName: { latin: 'Omar' }, familyName: { latin: 'Berrada' }, sex: 'M', birthDate: '1968-01-01' });
    const stranger = await bornIn(rabat);
    const marriage = { kind: 'marriage' as const, eventDate: '1995-06-01', text: { fr: 'Marié' }, spouseCivilId: stranger.person.civilId! };
    await expect(recordMarginalNote(notes(), husband.id, { ...marriage, spouseName: { givenName: { latin: 'Nadia' }, familyName: { latin: 'Alaoui' } } }, fes, now)).rejects.toMatchObject({
      fieldIssues: [{ pointer: '/body/spouseName', code: 'names_do_not_match' }],
    });
    await expect(recordMarginalNote(notes(), husband.id, marriage, fes, now)).rejects.toBeInstanceOf(ValidationFailedError);
    expect((await repository.notesOf('outbox', 'FES-AGDAL', { limit: 50 })).items.filter((note) => note.birthActId === husband.id)).toEqual([]);
  });

  it('answers 404 for redriving a note that does not exist, 409 for one that is not among the dead letters', async () => {
    await expect(redriveMarginalNote(notes(), randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
    const person = await bornIn(rabat);
    const note = await recordMarginalNote(notes(), person.id, { kind: 'other', eventDate: '2000-01-01', text: { fr: 'Mention' } }, rabat, now);
    await expect(redriveMarginalNote(notes(), note.noteId, now)).rejects.toBeInstanceOf(ConflictError);
  });
});
