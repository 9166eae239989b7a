// The whole story of a permit over HTTP on the local platform, with the virtual clock: file, suspend, upload the
// documents (a wrong file refused, the right one resuming the clock), extend, lapse, invoke deemed approval,
// history and figures; plus who may see what, and bad filings.
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { readOnceScanned, request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
/** Tokens are fetched afresh for each call: the virtual clock moves by weeks here, and tokens live an hour. */
const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-${unique}`, roles, ...(commune && { commune }) });
const applicant = () => as('applicant', ['citizen']);
const agent = () => as('agent', ['agent'], 'rabat');

const application = { procedure: 'building-small', commune: 'rabat', project: { title: 'Maison familiale', address: '12 rue Oued Ziz, Rabat' } };

async function pdfText(path: string, token: string): Promise<string> {
  const response = await fetch(`${inject('platformUrl')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
  return text;
}

async function advance(duration: string) {
  const reply = await request('POST', '/_local/clock', { body: { advance: duration } });
  expect(reply.status).toBe(200);
}

describe('a building permit from filing to deemed approval', () => {
  it('goes through suspension, resumption, extension, lapse and deemed approval, all recorded', async () => {
    const filed = await request('POST', '/v1/permits', { token: await applicant(), body: application, headers: { 'idempotency-key': `file-${unique}` } });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ status: 'filed', clock: { status: 'running', period: { days: 15, unit: 'calendar' } } });
    const id = filed.json.id as string;
    const firstDue = (filed.json.clock as { dueDate: string }).dueDate;

    const retried = await request('POST', '/v1/permits', { token: await applicant(), body: application, headers: { 'idempotency-key': `file-${unique}` } });
    expect(retried.json.id).toBe(id);

    const suspended = await request('POST', `/v1/permits/${id}/suspensions`, { token: await agent(), body: { documents: ['plan de masse'], note: 'Le plan de masse manque' } });
    expect(suspended.json).toMatchObject({ status: 'awaiting-documents', clock: { status: 'suspended' } });

    await advance('P4D');
    const plan = '%PDF-1.7 plan de masse';
    const declared = await request('POST', `/v1/permits/${id}/documents`, {
      token: await applicant(),
      body: { documents: [{ name: 'plan de masse', contentType: 'application/pdf', sha256: createHash('sha256').update(plan).digest('hex') }] },
    });
    expect(declared.status).toBe(200);
    const { permit: declaredPermit, uploads } = declared.json as unknown as { permit: { status: string }; uploads: { documentId: string; url: string; headers: Record<string, string> }[] };
    expect(declaredPermit.status).toBe('awaiting-documents');
    const upload = uploads[0]!;
    const complete = `/v1/permits/${id}/documents/${upload.documentId}/complete`;

    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: '%PDF-1.7 something else' })).status).toBe(200);
    const refused = await request('POST', complete, { token: await applicant() });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('checksum-mismatch');
    expect((await request('GET', `/v1/permits/${id}`, { token: await applicant() })).json).toMatchObject({ status: 'awaiting-documents', clock: { status: 'suspended' } });

    await advance('P1D');
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: plan })).status).toBe(200);
    const resumed = await request('POST', complete, { token: await applicant() });
    expect(resumed.status).toBe(200);
    const permit = resumed.json as unknown as { status: string; clock: { dueDate: string; suspensions: { to: string; endedAt: string }[] } };
    const completedOn = ((await request('GET', '/_local/clock')).json.now as string).slice(0, 10);
    expect(permit.status).toBe('filed');
    expect(permit.clock.suspensions[0]).toMatchObject({ to: completedOn, endedAt: expect.stringMatching(new RegExp(`^${completedOn}`)) });
    expect(permit.clock.dueDate > firstDue).toBe(true);

    const documentPath = `/v1/permits/${id}/documents/${upload.documentId}`;
    const read = await readOnceScanned(documentPath, await agent());
    expect(read.status).toBe(200);
    expect(await (await fetch(read.json.url as string)).text()).toBe(plan);
    expect((await request('GET', documentPath, { token: await as('agent-casa', ['agent'], 'casablanca') })).status).toBe(404);
    const accessLog = await request('GET', `/v1/permits/${id}/access-log`, { token: await applicant() });
    expect(accessLog.json.items).toMatchObject([{ documentId: upload.documentId, name: 'plan de masse', by: { sub: `agent-${unique}`, role: 'agent' } }]);

    const extended = await request('POST', `/v1/permits/${id}/extensions`, { token: await agent(), body: { days: 10, reason: 'Enquête publique' } });
    expect(extended.status).toBe(200);
    const secondExtension = await request('POST', `/v1/permits/${id}/extensions`, { token: await agent(), body: { days: 2, reason: 'Encore' } });
    expect(secondExtension.json.code).toBe('extension-refused');

    const early = await request('POST', `/v1/permits/${id}/deemed-approval`, { token: await applicant() });
    expect(early.json.code).toBe('deadline-not-lapsed');
    expect((await request('GET', `/v1/permits/${id}/certificate`, { token: await applicant() })).status).toBe(409);

    await settle();
    const receipt = await pdfText(`/v1/permits/${id}/receipt`, await applicant());
    expect(receipt).toContain('Récépissé de dépôt');
    expect(receipt).toContain('وصل الإيداع');
    expect(receipt).toContain(filed.json.receiptNumber as string);

    await advance('P40D');
    const lapsed = await request('GET', `/v1/permits/${id}`, { token: await applicant() });
    expect(lapsed.json).toMatchObject({ status: 'deemed-approval-available', clock: { status: 'lapsed' } });

    const lateDecision = await request('POST', `/v1/permits/${id}/decision`, {
      token: await as('president', ['president'], 'rabat'),
      body: { outcome: 'rejected', reasons: 'Trop tard' },
    });
    expect(lateDecision.status).toBe(409);
    expect(lateDecision.json.code).toBe('deadline-lapsed');

    const invoked = await request('POST', `/v1/permits/${id}/deemed-approval`, { token: await applicant() });
    expect(invoked.json).toMatchObject({ status: 'deemed-approved', deemedApproval: { automatic: false } });

    await settle();
    const certificate = await pdfText(`/v1/permits/${id}/certificate`, await agent());
    expect(certificate).toContain("Attestation d'accord tacite");
    expect(certificate).toContain('شهادة الموافقة الضمنية');
    expect(certificate).toContain((invoked.json.deemedApproval as { certificateNumber: string }).certificateNumber);

    const history = await request('GET', `/v1/permits/${id}/history`, { token: await applicant() });
    expect((history.json.items as { type: string }[]).map((event) => event.type)).toEqual([
      'filed',
      'documents-requested',
      'documents-declared',
      'documents-provided',
      'extended',
      'deadline-lapsed',
      'deemed-approval-invoked',
    ]);

    await settle();
    const notifications = await request('GET', '/v1/notifications', { token: await applicant() });
    type Notification = { topic: string; source: string; about: { kind: string; id: string; reference: string }; message: { fr: string; en: string } };
    const aboutThisPermit = (notifications.json.items as Notification[]).filter((n) => n.about.kind === 'permit' && n.about.id === id);
    expect(aboutThisPermit.map((notification) => notification.topic)).toEqual(['deadline-lapsed', 'documents-requested']);
    expect(aboutThisPermit.every((notification) => notification.source === 'permits' && notification.about.reference === filed.json.receiptNumber)).toBe(true);
    expect(aboutThisPermit[0]?.message.fr).toContain("invoquer l'accord tacite");
    expect(aboutThisPermit[0]?.message.en).toContain('deemed approval');
  });
});

describe('who sees a permit', () => {
  it('shows a permit to its applicant and the staff of its commune only', async () => {
    const filed = await request('POST', '/v1/permits', { token: await applicant(), body: application });
    const path = `/v1/permits/${filed.json.id as string}`;

    expect((await request('GET', path, { token: await applicant() })).status).toBe(200);
    expect((await request('GET', path, { token: await agent() })).status).toBe(200);
    expect((await request('GET', path, { token: await as('neighbour', ['citizen']) })).status).toBe(404);
    expect((await request('GET', path, { token: await as('agent-casa', ['agent'], 'casablanca') })).status).toBe(404);
    const foreignSuspension = await request('POST', `${path}/suspensions`, { token: await as('agent-casa', ['agent'], 'casablanca'), body: { documents: ['x'], note: 'x' } });
    expect(foreignSuspension.status).toBe(404);
  });

  it("lists a citizen's own files and a commune's files for its staff", async () => {
    const mine = await request('GET', '/v1/permits', { token: await applicant() });
    const commune = await request('GET', '/v1/permits?status=filed', { token: await agent() });

    expect((mine.json.items as { applicant: string }[]).every((permit) => permit.applicant === `applicant-${unique}`)).toBe(true);
    expect((commune.json.items as { status: string; commune: { code: string } }[]).every((permit) => permit.status === 'filed' && permit.commune.code === 'rabat')).toBe(true);
  });
});

describe('bad filings', () => {
  it.each([
    ['an unknown procedure', { ...application, procedure: 'castle' }, '/body/procedure'],
    ['an unknown commune', { ...application, commune: 'atlantis' }, '/body/commune'],
    ['a project without an address', { ...application, project: { title: 'Maison' } }, '/body/project/address'],
  ])('refuses %s with 400 and writes nothing', async (_case, body, pointer) => {
    const citizen = await as(`bad-${pointer.replace(/\W/g, '')}`, ['citizen']);

    const reply = await request('POST', '/v1/permits', { token: citizen, body });

    expect(reply.status).toBe(400);
    expect(reply.json.errors?.map((issue) => issue.pointer)).toContain(pointer);
    expect((await request('GET', '/v1/permits', { token: citizen })).json.items).toEqual([]);
  });
});

describe('the figures', () => {
  it('counts filings, lapses and invocations for a commune against the year before', async () => {
    const clock = await request('GET', '/_local/clock');
    const today = (clock.json.now as string).slice(0, 10);
    const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
    // The figures follow the changes through their events.
    await settle();

    const stats = await request('GET', `/v1/stats/permits?commune=rabat&from=${from}&to=${today}`, { token: await as('auditor', ['auditor']) });

    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ commune: 'rabat', previousYear: { from: `${Number(from.slice(0, 4)) - 1}-01-01` } });
    expect(stats.json.filed).toBeGreaterThanOrEqual(2);
    expect(stats.json.lapsed).toBeGreaterThanOrEqual(1);
    expect(stats.json.deemedApprovalInvoked).toBeGreaterThanOrEqual(1);
  });

  it("keeps one commune's figures from the staff of another", async () => {
    const reply = await request('GET', '/v1/stats/permits?commune=rabat&from=2026-01-01&to=2026-12-31', { token: await as('agent-casa', ['agent'], 'casablanca') });

    expect(reply.status).toBe(403);
  });
});
