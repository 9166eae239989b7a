// Civil status over HTTP on the local platform: births registered in two offices, found by variant spellings
// in both scripts, read by identifier (a wrong check digit refused first), and every read in the access log.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { request, settle as settleEvents, tokenFor } from './http-client.ts';

const unique = Date.now() % 100_000;
const as = (sub: string, roles: Role[], extra: { office?: string; civilId?: string } = {}) => tokenFor({ sub: `${sub}-${unique}`, roles, ...extra });

interface Act {
  id: string;
  person: { civilId?: string };
}

let rabatRegistrar: string;
let casaRegistrar: string;
let mohammed: Act;
let fatima: Act;

function birth(office: string, number: number, person: Record<string, unknown>) {
  return { type: 'birth', legacy: { office, year: 1990, register: `R-${unique}`, number }, person };
}

describe('the civil-status register', () => {
  beforeAll(async () => {
    rabatRegistrar = await as('registrar-rabat', ['registrar'], { office: 'RBT-HASSAN' });
    casaRegistrar = await as('registrar-casa', ['registrar'], { office: 'CASA-ANFA' });
    const first = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      body: birth('RBT-HASSAN', 1, {
        givenName: { ar: 'مُحَمَّد', latin: 'Mohammed' },
        familyName: { ar: 'بناني', latin: 'Bennani' },
        sex: 'M',
        birthDate: '1990-03-14',
        birthPlace: { ar: 'الرباط', latin: 'Rabat' },
        father: { givenName: { latin: 'Ahmed' }, familyName: { latin: 'Bennani' } },
        mother: { givenName: { latin: 'Khadija' }, familyName: { latin: 'Alaoui' } },
      }),
    });
    expect(first.status).toBe(201);
    mohammed = first.json as unknown as Act;
    // Typed only in Arabic, in another office.
    const second = await request('POST', '/v1/civil-status/acts', {
      token: casaRegistrar,
      body: birth('CASA-ANFA', 7, {
        givenName: { ar: 'فاطمة' },
        familyName: { ar: 'الإدريسي' },
        sex: 'F',
        birthDate: '1990-07-02',
        birthPlace: { ar: 'الدار البيضاء' },
      }),
    });
    expect(second.status).toBe(201);
    fatima = second.json as unknown as Act;
    // An act's search entries follow from its registration's event.
    await settleEvents();
  });

  it('lists the offices of the communes, for anyone', async () => {
    const offices = await request('GET', '/v1/civil-status/offices?limit=100');

    expect(offices.json.items).toContainEqual({ code: 'RBT-HASSAN', names: { ar: 'مكتب الحالة المدنية حسان', fr: "Bureau d'état civil Hassan" }, commune: 'rabat' });
  });

  it('gives each birth a valid ten-digit civil identifier', () => {
    expect(mohammed.person.civilId).toMatch(/^\d{10}$/);
    expect(fatima.person.civilId).not.toBe(mohammed.person.civilId);
  });

  it('refuses a second act with the same office, year, register and number', async () => {
    const duplicate = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      body: birth('RBT-HASSAN', 1, { givenName: { latin: 'Omar' }, familyName: { latin: 'Tazi' }, sex: 'M', birthDate: '1990-01-01', birthPlace: { latin: 'Rabat' } }),
    });

    expect(duplicate.status).toBe(409);
  });

  it("refuses to register in another office's registers", async () => {
    const foreign = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      body: birth('CASA-ANFA', 99, { givenName: { latin: 'Omar' }, familyName: { latin: 'Tazi' }, sex: 'M', birthDate: '1990-01-01', birthPlace: { latin: 'Rabat' } }),
    });

    expect(foreign.status).toBe(403);
  });

  it.each([
    ['Mohamed Benani', 'Latin variants'],
    ['BENNANI Muhammad', 'family name first'],
    ['محمد بناني', 'Arabic script for a Latin and Arabic act'],
  ])('finds Mohammed Bennani from "%s" (%s)', async (name) => {
    const search = await request('GET', `/v1/civil-status/search?name=${encodeURIComponent(name)}&birthYear=1990`, { token: casaRegistrar });

    expect(search.status).toBe(200);
    expect((search.json.candidates as { actId: string }[]).map((candidate) => candidate.actId)).toContain(mohammed.id);
  });

  it('finds an act typed only in Arabic from a Latin spelling, from any office', async () => {
    const search = await request('GET', `/v1/civil-status/search?name=${encodeURIComponent('Fatema El Idrissi')}`, { token: rabatRegistrar });

    const candidates = search.json.candidates as { actId: string; score: number }[];
    expect(candidates[0]?.actId).toBe(fatima.id);
  });

  it('refuses an identifier with a wrong check digit before any lookup', async () => {
    const civilId = mohammed.person.civilId!;
    const mistyped = civilId.slice(0, 9) + String((Number(civilId[9]) + 1) % 10);

    const reply = await request('GET', `/v1/civil-status/persons/${mistyped}?reason=verification`, { token: rabatRegistrar });

    expect(reply.status).toBe(400);
    expect(reply.json.errors?.[0]?.code).toBe('invalid_check_digit');
  });

  it('lets the person read their own birth act, and no one else', async () => {
    const self = await as('person', ['citizen'], { civilId: mohammed.person.civilId! });
    const stranger = await as('stranger', ['citizen'], { civilId: fatima.person.civilId! });

    expect((await request('GET', `/v1/civil-status/persons/${mohammed.person.civilId!}?reason=self`, { token: self })).status).toBe(200);
    expect((await request('GET', `/v1/civil-status/acts/${mohammed.id}?reason=self`, { token: self })).status).toBe(200);
    expect((await request('GET', `/v1/civil-status/acts/${mohammed.id}?reason=curious`, { token: stranger })).status).toBe(404);
  });

  it("keeps a registrar to their own office's acts outside the search", async () => {
    expect((await request('GET', `/v1/civil-status/acts/${mohammed.id}?reason=check`, { token: casaRegistrar })).status).toBe(404);
  });

  it('records every read with who and why, for auditors', async () => {
    await request('GET', `/v1/civil-status/acts/${mohammed.id}?reason=${encodeURIComponent('extract request 42')}`, { token: rabatRegistrar });
    const auditor = await as('auditor', ['auditor']);

    const log = await request('GET', `/v1/civil-status/acts/${mohammed.id}/access-log`, { token: auditor });

    const reads = log.json.items as { by: string; role: string; reason: string }[];
    expect(reads[0]).toMatchObject({ by: `registrar-rabat-${unique}`, role: 'registrar', reason: 'extract request 42' });
    expect(reads.map((read) => read.role)).toContain('citizen');
  });

  it('requires a reason to read an act', async () => {
    expect((await request('GET', `/v1/civil-status/acts/${mohammed.id}`, { token: rabatRegistrar })).status).toBe(400);
  });
});

describe('scanned register pages', () => {
  const registerId = `RBT-HASSAN.1990.P-${unique}`;
  const image = Buffer.from(`%PDF-1.7 page scan ${unique}`);
  const sha256 = createHash('sha256').update(image).digest('hex');

  async function declare(page: number, declaredSha256: string) {
    return request('POST', `/v1/civil-status/registers/${registerId}/pages`, { token: rabatRegistrar, body: { page, sha256: declaredSha256, contentType: 'application/pdf' } });
  }

  async function upload(declared: Awaited<ReturnType<typeof declare>>, body: Buffer) {
    const { url, headers } = (declared.json as { upload: { url: string; headers: Record<string, string> } }).upload;
    return fetch(url, { method: 'PUT', headers, body });
  }

  it('stores a page whose upload matches its declared SHA-256, for good', async () => {
    const declared = await declare(1, sha256);
    expect(declared.status).toBe(201);
    expect((await upload(declared, image)).status).toBe(200);

    const completed = await request('POST', `/v1/civil-status/registers/${registerId}/pages/1/complete`, { token: rabatRegistrar });
    const viewed = await request('GET', `/v1/civil-status/registers/${registerId}/pages/1`, { token: await as('auditor-pages', ['auditor']) });
    const again = await declare(1, sha256);

    expect(completed.json).toMatchObject({ status: 'stored', sizeBytes: image.length });
    const stored = await fetch(viewed.json.viewUrl as string);
    expect(Buffer.from(await stored.arrayBuffer()).equals(image)).toBe(true);
    expect(again.status).toBe(409);
  });

  it('refuses an upload that does not match, discards it, and lets the page be declared again', async () => {
    const declared = await declare(2, sha256);
    await upload(declared, Buffer.from('a different scan'));

    const completed = await request('POST', `/v1/civil-status/registers/${registerId}/pages/2/complete`, { token: rabatRegistrar, headers: { 'accept-language': 'fr' } });
    const viewed = await request('GET', `/v1/civil-status/registers/${registerId}/pages/2`, { token: rabatRegistrar });

    expect(completed.status).toBe(422);
    expect(completed.json.code).toBe('checksum-mismatch');
    expect(viewed.status).toBe(409);
    expect((await declare(2, sha256)).status).toBe(201);
  });

  it("keeps registrars to their own office's registers", async () => {
    const foreign = await request('POST', `/v1/civil-status/registers/${registerId}/pages`, { token: casaRegistrar, body: { page: 3, sha256, contentType: 'application/pdf' } });

    expect(foreign.status).toBe(403);
  });
});

describe('marginal notes between offices', () => {
  const settle = () => request('POST', '/_local/clock', { body: { advance: 'PT1S' } });

  it('sends a marriage recorded in Casablanca to the Rabat office holding the birth act, applied there once and acknowledged', async () => {
    rabatRegistrar = await as('registrar-rabat', ['registrar'], { office: 'RBT-HASSAN' });
    casaRegistrar = await as('registrar-casa', ['registrar'], { office: 'CASA-ANFA' });

    const recorded = await request('POST', `/v1/civil-status/acts/${mohammed.id}/notes`, {
      token: casaRegistrar,
      body: { kind: 'marriage', eventDate: '2020-06-20', text: { fr: 'Marié le 20 juin 2020 à Casablanca', ar: 'تزوج بتاريخ 20 يونيو 2020 بالدار البيضاء' } },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json).toMatchObject({ status: 'in-transit', sourceOffice: 'CASA-ANFA', targetOffice: 'RBT-HASSAN' });
    const noteId = recorded.json.noteId as string;
    await settle();

    const inbox = await request('GET', '/v1/civil-status/offices/RBT-HASSAN/inbox', { token: rabatRegistrar });
    expect((inbox.json.items as { noteId: string; status: string }[]).find((note) => note.noteId === noteId)?.status).toBe('delivered');
    expect((await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${noteId}/apply`, { token: casaRegistrar })).status).toBe(403);

    const applied = await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${noteId}/apply`, { token: rabatRegistrar });
    const again = await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${noteId}/apply`, { token: rabatRegistrar });
    expect(applied.json).toMatchObject({ status: 'applied' });
    expect(again.json).toMatchObject({ status: 'applied', appliedAt: applied.json.appliedAt });

    const act = await request('GET', `/v1/civil-status/acts/${mohammed.id}?reason=note`, { token: rabatRegistrar });
    const history = await request('GET', `/v1/civil-status/acts/${mohammed.id}/history`, { token: rabatRegistrar });
    const outbox = await request('GET', '/v1/civil-status/offices/CASA-ANFA/outbox', { token: casaRegistrar });
    const inboxAfter = await request('GET', '/v1/civil-status/offices/RBT-HASSAN/inbox', { token: rabatRegistrar });
    expect((act.json.notes as { noteId: string; kind: string }[]).map((note) => note.noteId)).toEqual([noteId]);
    expect((history.json.items as { type: string }[]).filter((action) => action.type === 'note-added')).toHaveLength(1);
    expect((outbox.json.items as { noteId: string; status: string }[]).find((note) => note.noteId === noteId)?.status).toBe('applied');
    expect((inboxAfter.json.items as { noteId: string }[]).map((note) => note.noteId)).not.toContain(noteId);
  });

  it("keeps an office's inbox to its registrars and the dead letters to administrators", async () => {
    expect((await request('GET', '/v1/civil-status/offices/RBT-HASSAN/inbox', { token: casaRegistrar })).status).toBe(403);
    expect((await request('GET', '/v1/civil-status/notes/dead-letters', { token: await as('admin-notes', ['admin']) })).status).toBe(200);
  });
});

describe('what the register refuses at the edge (issue 10)', () => {
  const person = { givenName: { latin: 'Omar' }, familyName: { latin: 'Tazi' }, sex: 'M', birthDate: '1990-01-01', birthPlace: { latin: 'Rabat' } };

  it('refuses an invisible character in a register reference, and a bidi override in a name, with a 400 naming it', async () => {
    const zeroWidth = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      body: { type: 'birth', legacy: { office: 'RBT-HASSAN', year: 1990, register: `R-${unique}\u200B`, number: 500 }, person },
    });
    expect(zeroWidth.status).toBe(400);
    expect(zeroWidth.json.errors).toEqual([expect.objectContaining({ pointer: '/body/legacy/register', code: 'forbidden_character' })]);
    const override = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      headers: { 'accept-language': 'fr' },
      body: birth('RBT-HASSAN', 501, { ...person, givenName: { latin: 'Omar\u202Egnp.exe' } }),
    });
    expect(override.status).toBe(400);
    expect(override.json.errors).toEqual([expect.objectContaining({ pointer: '/body/person/givenName/latin', code: 'forbidden_character' })]);
    expect(JSON.stringify(override.json.errors)).toContain('U+202E');
  });

  it('refuses a birth on 9999-12-31 and a death before the birth, saying why', async () => {
    const future = await request('POST', '/v1/civil-status/acts', { token: rabatRegistrar, body: birth('RBT-HASSAN', 502, { ...person, birthDate: '9999-12-31' }) });
    expect(future.status).toBe(400);
    expect(future.json.errors).toContainEqual(expect.objectContaining({ pointer: '/body/person/birthDate', code: 'in_the_future' }));
    const death = await request('POST', '/v1/civil-status/acts', {
      token: rabatRegistrar,
      headers: { 'accept-language': 'en' },
      body: { ...birth('RBT-HASSAN', 503, person), type: 'death', deathDate: '1980-01-01' },
    });
    expect(death.status).toBe(400);
    expect(death.json.detail).toContain('The death date is before the birth date');
  });

  it('answers 404 for redriving a note that does not exist', async () => {
    const admin = await as('admin-redrive', ['admin']);
    const redriven = await request('POST', '/v1/civil-status/notes/00000000-0000-4000-8000-000000000000/redrive', { token: admin, headers: { 'idempotency-key': `redrive-${unique}` } });
    expect(redriven.status).toBe(404);
  });
});

describe('a marriage between offices grants a spouse nothing until both offices have written it', () => {
  it("gives Mohammed Fatima's full copy only once Rabat has applied the counterpart of Casablanca's note", async () => {
    const askAsSpouse = async (token: string) =>
      request('POST', '/v1/documents/requests', {
        token,
        body: { kind: 'birth-full-copy', act: fatima.id, relationship: 'spouse', delivery: 'digital' },
        headers: { 'idempotency-key': `spouse-${unique}-${Math.random()}` },
      });
    const husband = await as('mohammed', ['citizen'], { civilId: mohammed.person.civilId! });
    const recorded = await request('POST', `/v1/civil-status/acts/${fatima.id}/notes`, {
      token: casaRegistrar,
      body: {
        kind: 'marriage',
        eventDate: '2021-05-01',
        text: { ar: 'تزوجت من محمد بناني' },
        spouseCivilId: mohammed.person.civilId,
        spouseName: { givenName: { latin: 'Mohammed' }, familyName: { ar: 'بناني' } },
      },
    });
    expect(recorded.status).toBe(201);
    expect((await request('POST', `/v1/civil-status/offices/CASA-ANFA/inbox/${recorded.json.noteId}/apply`, { token: casaRegistrar })).status).toBe(200);
    expect((await askAsSpouse(husband)).status).toBe(403);

    const inbox = await request('GET', '/v1/civil-status/offices/RBT-HASSAN/inbox?limit=100', { token: rabatRegistrar });
    const counterpart = (inbox.json.items as { noteId: string; counterpartOf?: string }[]).find((note) => note.counterpartOf === recorded.json.noteId)!;
    expect((await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${counterpart.noteId}/apply`, { token: casaRegistrar })).status).toBe(403);
    expect((await request('POST', `/v1/civil-status/offices/RBT-HASSAN/inbox/${counterpart.noteId}/apply`, { token: rabatRegistrar })).status).toBe(200);
    expect((await askAsSpouse(husband)).status).not.toBe(403);
  });
});
