// The open-data catalogue fed by events, over HTTP on the local platform and its virtual clock: an agent of Marrakech
// declares the commune's permit-figures dataset under an embargo and the president approves it; permits are filed,
// lapse and one is approved by silence, while no file of the dataset is out; at the embargo's end its workflow
// publishes it, its CSV and JSON are generated from the permits' events and listed in the public catalogue, which
// the DCAT-AP shapes accept and a harvester reads (the files it downloads hash to the SHA-256 the catalogue gives,
// and add up to the permits' own figures); a new filing makes new files. A file an agent uploads is checked against
// its SHA-256 and served once its dataset is published; the register shows each category's last publication and
// turns overdue after its due date. No applicant's data in any of it.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { harvestDcat, type HarvestedDataset } from '../fixtures/dcat-ap/harvest-dcat.ts';
import { validateDcatAp } from '../fixtures/dcat-ap/validate-dcat-ap.ts';
import { request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const COMMUNE = 'marrakech';
const DAY_MS = 86_400_000;
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const agent = () => as('agent', ['agent'], COMMUNE);
const president = () => as('president', ['president'], COMMUNE);
const applicant = () => as('applicant-catalogue', ['citizen']);
const application = { procedure: 'building-small', commune: COMMUNE, project: { title: 'Riad Zitoun', address: '7 derb Sidi Bouloukat, Marrakech' } };
const license = 'https://creativecommons.org/licenses/by/4.0/';
const catalogueUrl = () => `${inject('platformUrl')}/v1/transparency/catalogues/${COMMUNE}`;

async function clockNow(): Promise<Date> {
  return new Date((await request('GET', '/_local/clock')).json.now as string);
}

async function setClock(instant: Date): Promise<void> {
  expect((await request('POST', '/_local/clock', { body: { set: instant.toISOString() } })).status).toBe(200);
}

/** Every public body the story read, to look for the applicant's data in. */
const publicBodies: string[] = [];

/** Whom users of the permit figures write to: an office of the commune. */
const contactPoint = { name: "Service de l'urbanisme", email: 'urbanisme@marrakech.example.ma' };

async function harvest(): Promise<{ status: number; datasets: HarvestedDataset[]; conforms: boolean }> {
  const reply = await request('GET', `/v1/transparency/catalogues/${COMMUNE}`);
  publicBodies.push(reply.text);
  if (reply.status !== 200) return { status: reply.status, datasets: [], conforms: false };
  const report = await validateDcatAp(reply.json, catalogueUrl());
  expect(report.violations).toEqual([]);
  return { status: reply.status, datasets: await harvestDcat(reply.json, catalogueUrl()), conforms: report.conforms };
}

async function download(url: string): Promise<{ status: number; text: string; sha256: string; bytes: number; contentType: string | null }> {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  publicBodies.push(text);
  return { status: response.status, text, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, contentType: response.headers.get('content-type') };
}

const sumOf = (rows: Record<string, string>[], column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);

describe('the open-data catalogue fed by the other services', () => {
  it('publishes the permit figures at the end of their embargo, generated from events, and a harvester reads them', async () => {
    const start = await clockNow();
    const embargoUntil = new Date(start.getTime() + 30 * DAY_MS).toISOString().slice(0, 10);

    // Declared (again: the same dataset; with another licence: refused), approved under embargo.
    const declared = await request('POST', '/v1/transparency/fed-datasets', { token: await agent(), body: { feed: 'permit-figures', license, embargoUntil, contactPoint } });
    expect(declared.status).toBe(201);
    expect(declared.json).toMatchObject({ status: 'draft', feed: 'permit-figures', commune: COMMUNE, distributions: [] });
    const id = String(declared.json.id);
    expect((await request('POST', '/v1/transparency/fed-datasets', { token: await agent(), body: { feed: 'permit-figures', license, embargoUntil, contactPoint } })).json.id).toBe(id);
    const other = await request('POST', '/v1/transparency/fed-datasets', { token: await agent(), body: { feed: 'permit-figures', license: 'https://opendatacommons.org/licenses/odbl/1-0/', embargoUntil } });
    expect([other.status, other.json.code]).toEqual([409, 'fed-dataset-declared']);
    expect((await request('POST', '/v1/transparency/fed-datasets', { token: await agent(), body: { feed: 'permit-figures', license, extra: true } })).status).toBe(400);
    const approved = await request('POST', `/v1/transparency/datasets/${id}/approval`, { token: await president() });
    expect(approved.json).toMatchObject({ status: 'approved', embargoUntil });

    // Three files filed; all lapse in silence, deemed approval invoked in one: counted while the dataset waits.
    const filed = await Promise.all([1, 2, 3].map(async () => (await request('POST', '/v1/permits', { token: await applicant(), body: application })).json.id as string));
    await settle();
    await setClock(new Date(start.getTime() + 20 * DAY_MS));
    await settle();
    const invoked = await request('POST', `/v1/permits/${filed[0]!}/deemed-approval`, { token: await applicant() });
    expect(invoked.json).toMatchObject({ status: 'deemed-approved' });
    await settle();
    expect((await harvest()).status).toBe(404);
    const waiting = await request('GET', `/v1/transparency/datasets/${id}/files/${'0'.repeat(64)}.csv`);
    expect(waiting.status).toBe(404);

    // The embargo ends: published by its workflow, its files generated and listed.
    await setClock(new Date(Date.parse(`${embargoUntil}T00:00:00Z`) + DAY_MS / 2));
    await settle();
    const published = await harvest();
    expect(published.conforms).toBe(true);
    const dataset = published.datasets.find((entry) => entry.identifier === id)!;
    expect(dataset.title.fr).toContain('Marrakech');
    expect(dataset.contactPoint).toEqual({ name: contactPoint.name, email: `mailto:${contactPoint.email}` });
    expect(dataset.distributions).toHaveLength(2);
    const csv = dataset.distributions.find((distribution) => distribution.mediaType?.endsWith('/text/csv'))!;
    const json = dataset.distributions.find((distribution) => distribution.mediaType?.endsWith('/application/json'))!;
    for (const distribution of [csv, json]) {
      expect(distribution.downloadURL).toMatch(new RegExp(`^${inject('platformUrl')}/v1/transparency/datasets/${id}/files/[0-9a-f]{64}\\.(csv|json)$`));
      const file = await download(distribution.downloadURL!);
      expect(file.status).toBe(200);
      expect(file.sha256).toBe(distribution.checksum!.value);
      expect(file.bytes).toBe(distribution.byteSize);
      // As the OpenAPI document describes it (the request helper checks every reply against it).
      expect((await request('GET', new URL(distribution.downloadURL!).pathname)).status).toBe(200);
    }
    expect((await download(csv.downloadURL!)).contentType).toMatch(/^text\/csv/);

    // The open files add up to what the permits' own figures say for the same months.
    const rows = parse((await download(csv.downloadURL!)).text, { bom: true, columns: true }) as Record<string, string>[];
    const months = rows.map((row) => row.month!);
    const from = `${months[0]}-01`;
    const last = months.at(-1)!;
    const to = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const stats = await request('GET', `/v1/stats/permits?commune=${COMMUNE}&from=${from}&to=${to}`, { token: await as('auditor', ['auditor']) });
    expect(stats.status).toBe(200);
    for (const [column, counter] of [['filed', 'filed'], ['decided_in_time', 'decidedInTime'], ['lapsed', 'lapsed'], ['deemed_approval_invoked', 'deemedApprovalInvoked']] as const) {
      expect(sumOf(rows, column)).toBe(stats.json[counter]);
    }
    expect({ filed: sumOf(rows, 'filed'), lapsed: sumOf(rows, 'lapsed'), deemed: sumOf(rows, 'deemed_approval_invoked') }).toEqual({ filed: 3, lapsed: 3, deemed: 1 });
    const figures = JSON.parse((await download(json.downloadURL!)).text) as { commune: string; months: { lapsed: number }[] };
    expect(figures.commune).toBe(COMMUNE);
    expect(figures.months.reduce((total, month) => total + month.lapsed, 0)).toBe(3);

    // A new filing: new files, the catalogue lists them; only the files listed are served.
    expect((await request('POST', '/v1/permits', { token: await applicant(), body: application })).status).toBe(201);
    await settle();
    const again = (await harvest()).datasets.find((entry) => entry.identifier === id)!;
    const newCsv = again.distributions.find((distribution) => distribution.mediaType?.endsWith('/text/csv'))!;
    expect(newCsv.checksum!.value).not.toBe(csv.checksum!.value);
    expect(sumOf(parse((await download(newCsv.downloadURL!)).text, { bom: true, columns: true }) as Record<string, string>[], 'filed')).toBe(4);
    expect((await download(csv.downloadURL!)).status).toBe(404);

    // The national catalogue lists the commune's, where a harvester reads it whole.
    const national = await request('GET', '/v1/transparency/national-catalogue');
    publicBodies.push(national.text);
    const nationalUrl = `${inject('platformUrl')}/v1/transparency/national-catalogue`;
    expect((await validateDcatAp(national.json, nationalUrl)).violations).toEqual([]);
    const listed = (national.json['dcat:catalog'] as { '@id': string; 'foaf:homepage': { '@id': string } }[]).find((catalogue) => catalogue['@id'] === `urn:raqmana:transparency:catalogue:${COMMUNE}`)!;
    expect(new URL(listed['foaf:homepage']['@id'], nationalUrl).href).toBe(catalogueUrl());

    const applicantSub = `applicant-catalogue-${unique}`;
    for (const body of publicBodies) for (const secret of [applicantSub, application.project.address, application.project.title, ...filed]) expect(body).not.toContain(secret);
  });

  it("publishes the complaints' and the access-to-information requests' figures from their events, counts only", async () => {
    const year = (await clockNow()).toISOString().slice(0, 4);
    const publishFeed = async (feed: string) => {
      const declared = await request('POST', '/v1/transparency/fed-datasets', { token: await agent(), body: { feed, license } });
      expect([declared.status, declared.json.feed]).toEqual([201, feed]);
      expect((await request('POST', `/v1/transparency/datasets/${String(declared.json.id)}/approval`, { token: await president() })).json).toMatchObject({ status: 'published' });
      return String(declared.json.id);
    };
    const openFile = async (datasetId: string, extension: 'csv' | 'json') => {
      const dataset = (await harvest()).datasets.find((entry) => entry.identifier === datasetId)!;
      const distribution = dataset.distributions.find((entry) => entry.downloadURL?.endsWith(`.${extension}`))!;
      const file = await download(distribution.downloadURL!);
      expect([file.status, file.sha256]).toEqual([200, distribution.checksum!.value]);
      publicBodies.push(file.text);
      return file.text;
    };
    const complaints = await publishFeed('complaint-figures');
    const requests = await publishFeed('information-request-figures');

    // A complaint and two access-to-information requests of the commune, one of them urgent: counted by their own
    // contexts, published here.
    const complainant = await as('complainant-catalogue', ['citizen']);
    const complaint = { commune: COMMUNE, kind: 'reclamation', category: 'eclairage-public', text: 'Les lampadaires de la rue Riad Zitoun sont éteints.' };
    expect((await request('POST', '/v1/complaints', { token: complainant, body: complaint })).status).toBe(201);
    const requester = { name: 'Karim Bennani', address: '4 derb Dabachi, Marrakech', identityDocument: { kind: 'cnie', number: 'EE765432' } };
    const asked = { commune: COMMUNE, requester, information: 'Les marchés de voirie passés en 2026', format: 'electronic' };
    expect((await request('POST', '/v1/transparency/requests', { token: complainant, body: asked })).status).toBe(201);
    expect((await request('POST', '/v1/transparency/requests', { token: complainant, body: { ...asked, urgency: { justification: 'Un mur menace de tomber sur l’école' } } })).status).toBe(201);
    await settle();

    // What the complaints' own open figures say for the year and category (Open311's story files here too), the
    // open file says.
    const complaintRows = parse(await openFile(complaints, 'csv'), { bom: true, columns: true }) as Record<string, string>[];
    const lighting = complaintRows.find((row) => row.year === year && row.category === 'eclairage-public')!;
    const stats = await request('GET', `/v1/stats/complaints/${COMMUNE}/${year}`);
    const counted = (stats.json.byCategory as { category: string; received: number; answered: number }[]).find((row) => row.category === 'eclairage-public')!;
    expect(Number(lighting.received)).toBeGreaterThanOrEqual(1);
    expect([Number(lighting.received), Number(lighting.answered)]).toEqual([counted.received, counted.answered]);
    const figures = JSON.parse(await openFile(requests, 'json')) as { commune: string; years: Record<string, unknown>[] };
    expect(figures.years.find((row) => row.year === year)).toMatchObject({ requests: 2, urgent: 1, refused: 0, ground_not_held: 0 });
    // What the transparency context's own annual figures say, the open file says.
    const own = await request('GET', `/v1/transparency/figures/${COMMUNE}/${year}`);
    expect(figures.years.find((row) => row.year === year)).toMatchObject({ requests: own.json.requests, urgent: own.json.urgent });

    for (const body of publicBodies) for (const secret of [requester.name, requester.identityDocument.number, requester.address, complaint.text, `complainant-catalogue-${unique}`]) expect(body).not.toContain(secret);
  });

  it('stores a file an agent uploads for a dataset, checked against its SHA-256, and serves it once the dataset is published', async () => {
    const csv = Buffer.from('poste,montant\r\nvoirie,1200000\r\néclairage,350000\r\n', 'utf8');
    const sha256 = createHash('sha256').update(csv).digest('hex');
    const draft = await request('POST', '/v1/transparency/datasets', {
      token: await agent(),
      body: {
        title: { ar: 'ميزانية 2026', fr: 'Budget 2026' },
        description: { ar: 'الميزانية كما صادق عليها المجلس', fr: 'Le budget voté par le conseil' },
        category: 'budget-and-accounts',
        accrualPeriodicity: 'ANNUAL',
        license,
        distributions: [],
      },
      headers: { 'idempotency-key': `budget-${unique}` },
    });
    expect(draft.status).toBe(201);
    const id = String(draft.json.id);
    // No file yet: not approved.
    expect((await request('POST', `/v1/transparency/datasets/${id}/approval`, { token: await president() })).status).toBe(409);

    const declared = await request('POST', `/v1/transparency/datasets/${id}/files`, { token: await agent(), body: { title: 'Budget 2026 (CSV)', mediaType: 'text/csv', sha256, byteSize: csv.length } });
    expect(declared.status).toBe(201);
    const { file, upload } = declared.json as unknown as { file: { fileName: string }; upload: { url: string; headers: Record<string, string> } };
    expect(file.fileName).toBe(`${sha256}.csv`);
    expect((await request('POST', `/v1/transparency/datasets/${id}/files`, { token: await as('agent-casa', ['agent'], 'casablanca'), body: { title: 'x', mediaType: 'text/csv', sha256, byteSize: csv.length } })).status).toBe(403);

    // Other bytes than declared: refused and removed, the draft as it was; then the right ones.
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: Buffer.from('poste,montant\r\nvoirie,1\r\n') })).status).toBe(200);
    const wrong = await request('POST', `/v1/transparency/datasets/${id}/files/${file.fileName}/completion`, { token: await agent() });
    expect([wrong.status, wrong.json.code]).toEqual([422, 'checksum-mismatch']);
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: csv })).status).toBe(200);
    const completed = await request('POST', `/v1/transparency/datasets/${id}/files/${file.fileName}/completion`, { token: await agent() });
    expect(completed.status).toBe(200);
    expect(completed.json.distributions).toMatchObject([{ fileName: file.fileName, sha256, byteSize: csv.length, mediaType: 'text/csv' }]);
    expect((await request('GET', `/v1/transparency/datasets/${id}/files/${file.fileName}`)).status).toBe(404);

    expect((await request('POST', `/v1/transparency/datasets/${id}/approval`, { token: await president() })).json).toMatchObject({ status: 'published' });
    await settle();
    const harvested = (await harvest()).datasets.find((entry) => entry.identifier === id)!;
    const distribution = harvested.distributions[0]!;
    expect(distribution).toMatchObject({ byteSize: csv.length, checksum: { value: sha256 } });
    const served = await download(distribution.downloadURL!);
    expect([served.status, served.sha256]).toEqual([200, sha256]);
  });

  it("keeps the register of what the commune must publish: a category's owner and periodicity, its last publication, overdue after its due date", async () => {
    const owner = { ar: 'قسم الصفقات', fr: 'Division des marchés' };
    const designation = { owner, periodicity: 'MONTHLY' };
    expect((await request('PUT', `/v1/transparency/registers/${COMMUNE}/procurement`, { token: await as('president-casa', ['president'], 'casablanca'), body: designation })).status).toBe(403);
    const designated = await request('PUT', `/v1/transparency/registers/${COMMUNE}/procurement`, { token: await president(), body: designation });
    expect(designated.json).toMatchObject({ commune: COMMUNE, category: 'procurement', owner, periodicity: 'MONTHLY', version: 1 });

    const notice = await request('POST', '/v1/transparency/datasets', {
      token: await agent(),
      body: {
        title: { ar: 'الصفقات العمومية', fr: 'Marchés publics' },
        description: { ar: 'إعلانات الصفقات', fr: "Les avis d'appel d'offres" },
        category: 'procurement',
        accrualPeriodicity: 'MONTHLY',
        license,
        distributions: [{ title: 'Avis (PDF)', mediaType: 'application/pdf', accessURL: 'https://marrakech.ma/marches.pdf' }],
      },
    });
    expect((await request('POST', `/v1/transparency/datasets/${String(notice.json.id)}/approval`, { token: await president() })).json).toMatchObject({ status: 'published' });
    await settle();
    expect((await request('POST', `/v1/transparency/datasets/${String(notice.json.id)}/approval`, { token: await president() })).status).toBe(409);

    const register = await request('GET', `/v1/transparency/registers/${COMMUNE}`);
    publicBodies.push(register.text);
    const categories = register.json.categories as { category: string; status: string; lastPublishedAt?: string; nextDueDate?: string }[];
    const procurement = categories.find((line) => line.category === 'procurement')!;
    expect(procurement).toMatchObject({ status: 'up-to-date', owner, periodicity: 'MONTHLY', lastPublishedAt: expect.any(String) });
    expect(categories.find((line) => line.category === 'budget-and-accounts')).toMatchObject({ status: 'not-scheduled', lastPublishedAt: expect.any(String) });
    expect(categories.find((line) => line.category === 'council-decisions')).toEqual({ category: 'council-decisions', status: 'not-scheduled' });

    await setClock(new Date(Date.parse(`${procurement.nextDueDate!}T12:00:00Z`) + DAY_MS));
    const later = await request('GET', `/v1/transparency/registers/${COMMUNE}`);
    expect((later.json.categories as { category: string; status: string }[]).find((line) => line.category === 'procurement')).toMatchObject({ status: 'overdue' });
  });
});

