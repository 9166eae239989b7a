// A realistic day on the platform, through every HTTP route: reference data read and an admin confirming
// holidays; a permit filed, suspended, its document declared, uploaded, verified (the clock resumes) and read by
// staff, extended, given an opinion and decided, another left to lapse and invoked as deemed approved; births registered in two offices, read, searched by variant spellings, a register
// page uploaded, a marginal note sent between offices and applied; a register folder imported; documents
// requested, issued, reviewed, verified and revoked; letters lodged, registered, looked up and cancelled at the
// registry office (one with an attachment, one through its list's steps to its signed answer's dispatch), and an
// acknowledgment downloaded; complaints filed, a photo with its GPS EXIF joined and read, handled through every step,
// transferred, reopened and closed, and read (the photo's copy without metadata linked) and filed through Open311;
// access-to-information requests filed, registered, extended after notice, answered in part and withdrawn. Each
// round uses fresh identities and files.
import { createHash, randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { settle } from '../../lib/local/settle.ts';
import type { VirtualClock } from '../../lib/local/virtual-clock.ts';
import { outboxQueueEvent } from '../../test/fixtures/outbox-stream-records.ts';
import { jpegWithGps } from '../../test/fixtures/photo-files.ts';
import { decodeQrCode, pageOperators } from '../../test/fixtures/pdf/pdf-reading.ts';
import type { CallRoute, Caller, RouteReply } from './bench-platform.ts';
import { REGISTER_IMPORTS_BUCKET_ID } from '../../functions/civil-status/adapters/civil-status-keys.ts';
import { physicalBucketName } from '../../lib/local/local-platform.ts';
import { emailsTo } from '../../lib/local/ses-local.ts';
import { notificationRequested } from '../../functions/notifications/public.ts';
import { HOLIDAYS_CHANGED } from '../../functions/reference-data/public.ts';
import { domainEvent } from '../../functions/shared/events/domain-event.ts';
import { actRegistered } from '../../functions/civil-status/domain/act-events.ts';
import type { CivilAct } from '../../functions/civil-status/domain/civil-act.ts';
import { deadlineWatched } from '../../functions/registry-office/domain/letter-deadline.ts';
import { letterRegistered, type Letter } from '../../functions/registry-office/domain/letter.ts';
import { ANSWER_SIGNATURE_REFUSED } from '../../functions/registry-office/domain/letter-steps.ts';
import { LETTER_CLASSIFIED, type LetterCategory, type LetterClassified } from '../../functions/registry-office/public.ts';
import { approveDataset, type Dataset } from '../../functions/open-data/domain/dataset.ts';
import { declareDatasetRoute } from '../../functions/open-data/schemas/datasets.schema.ts';
import { declareFedDatasetRoute, designateCategoryRoute } from '../../functions/open-data/schemas/catalogue.schema.ts';
import type { InformationRequest } from '../../functions/transparency/domain/information-request.ts';
import { deadlineWatched as requestDeadlineWatched } from '../../functions/transparency/domain/request-clock.ts';
import { DELIBERATION_ADOPTED } from '../../functions/councils/domain/deliberation.ts';
import { controlWatched, deliberationSubject } from '../../functions/councils/domain/control-clocks.ts';
import { SESSION_CONVENED } from '../../functions/councils/domain/session.ts';
import { startOfMoroccanDate } from '../../functions/shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../functions/shared/time/morocco-time.ts';
import { REFUSAL_DECIDED } from '../../functions/transparency/domain/refusal-letter.ts';
import { COMPLAINT_EVENTS, deadlineWatched as deadlineWatchedComplaint, type Complaint } from '../../functions/complaints/domain/complaint.ts';
import { complaintCounted } from '../../functions/complaints/domain/complaint-figures.ts';

const IMPORT_BUCKET = physicalBucketName(REGISTER_IMPORTS_BUCKET_ID);

export interface ScenarioOutcome {
  /** The payloads the workflows hand their functions for what this round created (CheckPermitDeadline...). */
  readonly workflowEvents: Readonly<Record<string, unknown>>;
}

class ScenarioError extends Error {}

function expectStatus(step: string, reply: RouteReply, ...statuses: number[]): RouteReply {
  if (!statuses.includes(reply.status)) {
    throw new ScenarioError(`${step}: expected ${statuses.join(' or ')}, got ${reply.status} ${JSON.stringify(reply.json)}`);
  }
  return reply;
}

const day = (instant: Date) => instant.toISOString().slice(0, 10);

/** The registry office's hand-over of `letter` in `category`, as its stream carries it. */
function letterHandedOver(letter: Letter, category: LetterCategory, at: Date) {
  const data: LetterClassified = {
    dataVersion: 2,
    letterId: letter.id,
    commune: letter.commune,
    number: letter.number,
    category,
    receivedAt: letter.receivedAt,
    subject: letter.subject,
    ...(letter.sender && { sender: letter.sender }),
    ...(letter.lodgedBy && { lodgedBy: letter.lodgedBy }),
  };
  return domainEvent({ type: LETTER_CLASSIFIED, source: 'registry-office', subject: letter.id, occurredAt: at.toISOString(), version: letter.version, data });
}

export async function runScenario(call: CallRoute, clock: VirtualClock): Promise<ScenarioOutcome> {
  const round = randomUUID().slice(0, 8);
  const key = (name: string) => `${name}-${round}`;
  const citizen: Caller = { sub: key('citizen'), roles: ['citizen'] };
  const agent: Caller = { sub: key('agent'), roles: ['agent'], commune: 'rabat' };
  const commission: Caller = { sub: key('commission'), roles: ['commission'], commune: 'rabat' };
  const president: Caller = { sub: key('president'), roles: ['president'], commune: 'rabat' };
  const admin: Caller = { sub: key('admin'), roles: ['admin'] };
  const auditor: Caller = { sub: key('auditor'), roles: ['auditor'] };
  const rabatRegistrar: Caller = { sub: key('registrar-rabat'), roles: ['registrar'], office: 'RBT-HASSAN' };
  const casaRegistrar: Caller = { sub: key('registrar-casa'), roles: ['registrar'], office: 'CASA-ANFA' };

  // Reference data.
  expectStatus('list communes', await call('GET /v1/communes', { query: { limit: '10' } }), 200);
  expectStatus('get commune', await call('GET /v1/communes/{code}', { params: { code: 'rabat' } }), 200);
  expectStatus('list procedures', await call('GET /v1/procedures'), 200);
  expectStatus('get procedure', await call('GET /v1/procedures/{code}', { params: { code: 'building-small' } }), 200);
  expectStatus('get holidays', await call('GET /v1/holidays', { query: { year: '2026' } }), 200);
  const holidays = {
    holidays: [
      { code: 'eid-al-fitr', date: '2026-03-20' },
      { code: 'eid-al-fitr', date: '2026-03-21' },
      { code: 'eid-al-adha', date: '2026-05-27' },
      { code: 'eid-al-adha', date: '2026-05-28' },
      { code: 'hijri-new-year', date: '2026-06-16' },
      { code: 'mawlid', date: '2026-08-25' },
      { code: 'mawlid', date: '2026-08-26' },
    ],
  };
  expectStatus('confirm holidays', await call('PUT /v1/holidays/{year}', { params: { year: '2026' }, body: holidays, headers: { 'idempotency-key': key('holidays') }, as: admin }), 200);
  expectStatus('holiday history', await call('GET /v1/holidays/{year}/history', { params: { year: '2026' }, as: auditor }), 200);

  // The API documentation: no DynamoDB, driven so that every route's cost is known.
  expectStatus('openapi document', await call('GET /openapi.json'), 200);
  expectStatus('docs page', await call('GET /docs'), 200);
  expectStatus('docs script', await call('GET /docs/redoc.standalone.js'), 200);

  // The citizen's e-mail address, declared, verified with the code the local SES server received, and read back.
  const address = `${key('citizen')}@example.ma`;
  expectStatus('declare contact', await call('PUT /v1/notifications/contact', { body: { email: address, language: 'fr' }, headers: { 'idempotency-key': key('contact') }, as: citizen }), 200);
  const [codeMail] = await emailsTo(address);
  const code = /\d{6}/.exec(codeMail?.subject ?? '')?.[0];
  if (!code) throw new ScenarioError('declare contact: no code reached the local SES server');
  expectStatus('verify contact', await call('POST /v1/notifications/contact/verification', { body: { code }, as: citizen }), 200);
  expectStatus('get contact', await call('GET /v1/notifications/contact', { as: citizen }), 200);

  // A permit instructed and decided in time.
  const application = { procedure: 'building-small', commune: 'rabat', project: { title: 'Maison R+1', address: '12 rue Oued Ziz, Agdal' } };
  const filed = expectStatus('file permit', await call('POST /v1/permits', { body: application, headers: { 'idempotency-key': key('file-a') }, as: citizen }), 201);
  const permit = { id: String(filed.json.id) };
  expectStatus('get permit', await call('GET /v1/permits/{id}', { params: permit, as: citizen }), 200);
  expectStatus('list own permits', await call('GET /v1/permits', { as: citizen }), 200);
  expectStatus('list commune permits', await call('GET /v1/permits', { query: { status: 'filed' }, as: agent }), 200);
  const suspension = { documents: ['plan de masse'], note: 'Le plan de masse manque' };
  expectStatus('request documents', await call('POST /v1/permits/{id}/suspensions', { params: permit, body: suspension, headers: { 'idempotency-key': key('suspend') }, as: agent }), 200);
  const plan = Buffer.from(`%PDF-1.7 plan de masse ${round}`);
  const provided = { documents: [{ name: 'plan de masse', contentType: 'application/pdf', sha256: createHash('sha256').update(plan).digest('hex') }] };
  const declaredDocuments = expectStatus('declare documents', await call('POST /v1/permits/{id}/documents', { params: permit, body: provided, headers: { 'idempotency-key': key('provide') }, as: citizen }), 200);
  const planUpload = declaredDocuments.json.uploads[0] as { documentId: string; url: string; headers: Record<string, string> };
  const planPut = await fetch(planUpload.url, { method: 'PUT', headers: planUpload.headers, body: plan });
  if (!planPut.ok) throw new ScenarioError(`upload permit document: ${planPut.status}`);
  const permitDocument = { ...permit, documentId: planUpload.documentId };
  expectStatus('complete document', await call('POST /v1/permits/{id}/documents/{documentId}/complete', { params: permitDocument, headers: { 'idempotency-key': key('complete-plan') }, as: citizen }), 200);
  expectStatus('read document', await call('GET /v1/permits/{id}/documents/{documentId}', { params: permitDocument, as: agent }), 200);
  expectStatus('document access log', await call('GET /v1/permits/{id}/access-log', { params: permit, as: citizen }), 200);
  const extension = { days: 10, reason: 'Enquête publique' };
  expectStatus('extend deadline', await call('POST /v1/permits/{id}/extensions', { params: permit, body: extension, headers: { 'idempotency-key': key('extend') }, as: agent }), 200);
  const opinion = { verdict: 'favorable', comment: "Conforme au plan d'aménagement" };
  expectStatus('give opinion', await call('POST /v1/permits/{id}/opinions', { params: permit, body: opinion, headers: { 'idempotency-key': key('opinion') }, as: commission }), 200);
  const decision = { outcome: 'approved', reasons: "Conforme au plan d'aménagement" };
  expectStatus('decide', await call('POST /v1/permits/{id}/decision', { params: permit, body: decision, headers: { 'idempotency-key': key('decide') }, as: president }), 200);
  expectStatus('permit history', await call('GET /v1/permits/{id}/history', { params: permit, as: citizen }), 200);
  // Papers follow their change's event: issued once it has been delivered.
  await settle(clock);
  expectStatus('receipt', await call('GET /v1/permits/{id}/receipt', { params: permit, as: citizen }), 200);

  // A permit left in silence past its deadline: the workflow records the lapse, the applicant invokes it.
  const silent = expectStatus('file second permit', await call('POST /v1/permits', { body: application, headers: { 'idempotency-key': key('file-b') }, as: citizen }), 201);
  const lapsing = { id: String(silent.json.id) };
  await clock.advance('P25D');
  expectStatus('invoke deemed approval', await call('POST /v1/permits/{id}/deemed-approval', { params: lapsing, headers: { 'idempotency-key': key('invoke') }, as: citizen }), 200);
  await settle(clock);
  expectStatus('certificate', await call('GET /v1/permits/{id}/certificate', { params: lapsing, as: citizen }), 200);
  expectStatus('notifications', await call('GET /v1/notifications', { as: citizen }), 200);
  const today = clock.now();
  const stats = { commune: 'rabat', from: day(new Date(today.getTime() - 60 * 86_400_000)), to: day(today) };
  expectStatus('stats', await call('GET /v1/stats/permits', { query: stats, as: auditor }), 200);
  const period = { from: stats.from, to: stats.to };
  expectStatus('national stats', await call('GET /v1/stats/permits', { query: period, as: admin }), 200);
  expectStatus('regional stats as CSV', await call('GET /v1/stats/permits', { query: { ...period, region: 'rabat-sale-kenitra', format: 'csv' }, as: auditor }), 200);

  // Civil status: births in two offices, reads, the national search, a register page, a marginal note.
  const register = `R-${round}`;
  const birth = (office: string, number: number, person: Record<string, unknown>) => ({ type: 'birth', legacy: { office, year: 1990, register, number }, person });
  const mohammed = {
    givenName: { ar: 'مُحَمَّد', latin: 'Mohammed' },
    familyName: { ar: 'بناني', latin: 'Bennani' },
    sex: 'M',
    birthDate: '1990-03-14',
    birthPlace: { ar: 'الرباط', latin: 'Rabat' },
    father: { givenName: { latin: 'Ahmed' }, familyName: { latin: 'Bennani' } },
    mother: { givenName: { latin: 'Khadija' }, familyName: { latin: 'Alaoui' } },
  };
  const fatima = { givenName: { ar: 'فاطمة' }, familyName: { ar: 'الإدريسي' }, sex: 'F', birthDate: '1990-07-02', birthPlace: { ar: 'الدار البيضاء' } };
  const registered = expectStatus(
    'register birth',
    await call('POST /v1/civil-status/acts', { body: birth('RBT-HASSAN', 1, mohammed), headers: { 'idempotency-key': key('act-1') }, as: rabatRegistrar }),
    201,
  );
  const registeredElsewhere = expectStatus('register birth elsewhere', await call('POST /v1/civil-status/acts', { body: birth('CASA-ANFA', 1, fatima), headers: { 'idempotency-key': key('act-2') }, as: casaRegistrar }), 201);
  const act = { id: String(registered.json.id) };
  const civilId = String(registered.json.person.civilId);
  expectStatus('list offices', await call('GET /v1/civil-status/offices'), 200);
  expectStatus('read act', await call('GET /v1/civil-status/acts/{id}', { params: act, query: { reason: 'extract request' }, as: rabatRegistrar }), 200);
  expectStatus('read person', await call('GET /v1/civil-status/persons/{civilId}', { params: { civilId }, query: { reason: 'verification' }, as: casaRegistrar }), 200);
  expectStatus('search', await call('GET /v1/civil-status/search', { query: { name: 'Mohamed Benani', birthYear: '1990' }, as: casaRegistrar }), 200);
  expectStatus('act history', await call('GET /v1/civil-status/acts/{id}/history', { params: act, as: rabatRegistrar }), 200);
  expectStatus('access log', await call('GET /v1/civil-status/acts/{id}/access-log', { params: act, as: auditor }), 200);

  const scan = Buffer.from(`%PDF-1.7 register ${register} page 1`);
  const page = { registerId: `RBT-HASSAN.1990.${register}` };
  const declared = expectStatus(
    'declare page',
    await call('POST /v1/civil-status/registers/{registerId}/pages', {
      params: page,
      body: { page: 1, sha256: createHash('sha256').update(scan).digest('hex'), contentType: 'application/pdf', acts: [act.id] },
      headers: { 'idempotency-key': key('page') },
      as: rabatRegistrar,
    }),
    201,
  );
  const upload = declared.json.upload as { url: string; headers: Record<string, string> };
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: scan });
  if (!put.ok) throw new ScenarioError(`upload page: ${put.status}`);
  const pageParams = { ...page, page: '1' };
  expectStatus('complete page', await call('POST /v1/civil-status/registers/{registerId}/pages/{page}/complete', { params: pageParams, headers: { 'idempotency-key': key('complete') }, as: rabatRegistrar }), 200);
  expectStatus('view page', await call('GET /v1/civil-status/registers/{registerId}/pages/{page}', { params: pageParams, as: auditor }), 200);

  const note = { kind: 'marriage', eventDate: '2024-06-01', text: { fr: 'Mariage contracté à Casablanca' } };
  const recorded = expectStatus('record note', await call('POST /v1/civil-status/acts/{id}/notes', { params: act, body: note, headers: { 'idempotency-key': key('note') }, as: casaRegistrar }), 201);
  const noteId = String(recorded.json.noteId);
  // The delivery workflow runs in the background; the clock says when everything it started has settled.
  await clock.settled();
  const rabat = { code: 'RBT-HASSAN' };
  expectStatus('inbox', await call('GET /v1/civil-status/offices/{code}/inbox', { params: rabat, as: rabatRegistrar }), 200);
  expectStatus('apply note', await call('POST /v1/civil-status/offices/{code}/inbox/{noteId}/apply', { params: { ...rabat, noteId }, as: rabatRegistrar }), 200);
  expectStatus('outbox', await call('GET /v1/civil-status/offices/{code}/outbox', { params: { code: 'CASA-ANFA' }, as: casaRegistrar }), 200);
  expectStatus('dead letters', await call('GET /v1/civil-status/notes/dead-letters', { as: admin }), 200);
  // No note gives up its delivery in this scenario; an admin redriving one that was applied is refused.
  expectStatus('redrive', await call('POST /v1/civil-status/notes/{noteId}/redrive', { params: { noteId }, headers: { 'idempotency-key': key('redrive') }, as: admin }), 409);

  // The historical import, the way AWS runs it: a folder in the import bucket, then the Distributed Map.
  const folder = `RBT-HASSAN/1991-${register}`;
  const imports = new S3Client({ forcePathStyle: true });
  const importedPerson = { givenName: { ar: 'إدريس', latin: 'Driss' }, familyName: { ar: 'الفاسي', latin: 'Fassi' }, sex: 'M', birthDate: '1991-02-03', birthPlace: { latin: 'Rabat' } };
  const indexLine = { type: 'birth', legacy: { office: 'RBT-HASSAN', year: 1991, register, number: 1 }, person: importedPerson, pages: [{ page: 1, file: 'pages/1.png' }] };
  await imports.send(new PutObjectCommand({ Bucket: IMPORT_BUCKET, Key: `${folder}/pages/1.png`, Body: `scan of ${register}` }));
  await imports.send(new PutObjectCommand({ Bucket: IMPORT_BUCKET, Key: `${folder}/index.jsonl`, Body: JSON.stringify(indexLine) }));
  imports.destroy();
  const started = expectStatus('start import', await call('POST /v1/civil-status/imports', { body: { folder }, headers: { 'idempotency-key': key('import') }, as: admin }), 202);
  const importId = String(started.json.importId);
  await clock.settled();
  const finished = expectStatus('read import', await call('GET /v1/civil-status/imports/{importId}', { params: { importId }, as: auditor }), 200);
  if (finished.json.status !== 'succeeded') throw new ScenarioError(`import: ${finished.json.status} ${finished.json.failure ?? ''}`);

  // The documents window: the person of the first birth asks for their extract; their parents' names are in
  // Latin script only, so a registrar of the office approves it, which issues it; they download and verify it.
  // Fatima's act is in Arabic only: her request is rejected. A registrar revokes the first document.
  const person: Caller = { sub: key('person'), roles: ['citizen'], civilId };
  const extract = { kind: 'birth-extract', act: act.id, relationship: 'self', delivery: 'digital' };
  const requested = expectStatus('request document', await call('POST /v1/documents/requests', { body: extract, headers: { 'idempotency-key': key('document') }, as: person }), 201);
  const requestParams = { id: String(requested.json.id) };
  expectStatus('review queue', await call('GET /v1/documents/review-queue', { as: rabatRegistrar }), 200);
  const approved = expectStatus('approve', await call('POST /v1/documents/requests/{id}/approve', { params: requestParams, as: rabatRegistrar }), 200);
  const documentId = String(approved.json.documentId);
  expectStatus('my requests', await call('GET /v1/documents/requests', { as: person }), 200);
  expectStatus('read request', await call('GET /v1/documents/requests/{id}', { params: requestParams, as: person }), 200);
  const downloaded = expectStatus('download document', await call('GET /v1/documents/{documentId}', { params: { documentId }, as: person }), 200);
  const qr = decodeQrCode(await pageOperators(downloaded.bytes!, 0));
  if (!qr) throw new ScenarioError('download document: no QR code could be read');
  expectStatus('verification keys', await call('GET /.well-known/jwks.json'), 200);
  expectStatus('verify', await call('POST /v1/verify', { body: { qr } }), 200);

  const fatimaCivilId = String(registeredElsewhere.json.person.civilId);
  const fatimaCaller: Caller = { sub: key('fatima'), roles: ['citizen'], civilId: fatimaCivilId };
  const copy = { kind: 'birth-full-copy', civilId: fatimaCivilId, relationship: 'self', delivery: 'pickup' };
  const toReject = expectStatus('request to reject', await call('POST /v1/documents/requests', { body: copy, headers: { 'idempotency-key': key('copy') }, as: fatimaCaller }), 201);
  expectStatus('reject', await call('POST /v1/documents/requests/{id}/reject', { params: { id: String(toReject.json.id) }, body: { reason: 'Page illisible' }, as: casaRegistrar }), 200);
  expectStatus('revoke', await call('POST /v1/documents/{documentId}/revoke', { params: { documentId }, body: { reason: 'Acte rectifié' }, headers: { 'idempotency-key': key('revoke') }, as: rabatRegistrar }), 200);
  expectStatus('revocations', await call('GET /v1/documents/revocations'), 200);
  expectStatus('document events', await call('GET /v1/documents/{documentId}/events', { params: { documentId }, as: auditor }), 200);

  // The registry office: a letter lodged online and followed by its code, classified as a complaint (handed over), routed, redirected, answered and closed;
  // a letter registered at the counter and cancelled; the register, a queue and a history read; the commune's number
  // format read and set.
  const clerk: Caller = { sub: key('clerk'), roles: ['clerk'], commune: 'rabat' };
  const lodgement = { commune: 'rabat', subject: 'Réfection de la chaussée, rue Oued Ziz', body: 'Monsieur le Président, ...' };
  const lodged = expectStatus('lodge letter', await call('POST /v1/registry/online-letters', { body: lodgement, headers: { 'idempotency-key': key('lodge') }, as: citizen }), 201);
  const lookup = { commune: 'rabat', number: String(lodged.json.number), code: String(lodged.json.lookupCode) };
  expectStatus('look up letter', await call('POST /v1/registry/lookup', { body: lookup }), 200);
  const paper = { register: 'incoming', channel: 'counter', sender: { name: 'Société Atlas Travaux' }, subject: 'Réclamation marché 12/2026', category: 'complaint', confidentiality: 'normal', priority: 'urgent' };
  const paperLetter = expectStatus('register letter', await call('POST /v1/registry/letters', { body: paper, headers: { 'idempotency-key': key('register') }, as: clerk }), 201);
  const letter = { id: String(paperLetter.json.id) };
  const registeredLetter = paperLetter.json as unknown as Letter;
  expectStatus('get letter', await call('GET /v1/registry/letters/{id}', { params: { id: String(lodged.json.id) }, as: citizen }), 200);
  const lodgedLetter = { id: String(lodged.json.id) };
  // Its sender attaches a PDF (declared, uploaded to the signed URL, completed); a clerk reads it, releasing it.
  const attachmentFile = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const attachmentDeclaration = { name: 'plan.pdf', contentType: 'application/pdf', sizeBytes: attachmentFile.length, sha256: createHash('sha256').update(attachmentFile).digest('hex') };
  const declaredAttachment = expectStatus('declare attachment', await call('POST /v1/registry/letters/{id}/attachments', { params: lodgedLetter, body: attachmentDeclaration, headers: { 'idempotency-key': key('attach') }, as: citizen }), 201);
  const attachmentUpload = declaredAttachment.json.upload as { url: string; headers: Record<string, string> };
  const attachmentPut = await fetch(attachmentUpload.url, { method: 'PUT', headers: attachmentUpload.headers, body: attachmentFile });
  if (!attachmentPut.ok) throw new ScenarioError(`upload attachment: ${attachmentPut.status}`);
  const attachment = { ...lodgedLetter, attachmentId: String((declaredAttachment.json.attachment as { id: string }).id) };
  expectStatus('complete attachment', await call('POST /v1/registry/letters/{id}/attachments/{attachmentId}/complete', { params: attachment, headers: { 'idempotency-key': key('attach-complete') }, as: citizen }), 200);
  expectStatus('read attachment', await call('GET /v1/registry/letters/{id}/attachments/{attachmentId}', { params: attachment, as: clerk }), 200);
  expectStatus('attachment reads', await call('GET /v1/registry/letters/{id}/attachment-reads', { params: lodgedLetter, as: citizen }), 200);
  const secondAgent: Caller = { sub: key('agent-2'), roles: ['agent'], commune: 'rabat' };
  const routing = { service: 'voirie', recipient: agent.sub, copies: [president.sub] };
  expectStatus('classify letter', await call('POST /v1/registry/letters/{id}/classification', { params: lodgedLetter, body: { category: 'complaint', confidentiality: 'normal' }, headers: { 'idempotency-key': key('classify') }, as: clerk }), 200);
  expectStatus('route letter', await call('POST /v1/registry/letters/{id}/routing', { params: lodgedLetter, body: routing, headers: { 'idempotency-key': key('route') }, as: clerk }), 200);
  expectStatus('service queue', await call('GET /v1/registry/queues/{commune}/{service}', { params: { commune: 'rabat', service: 'voirie' }, as: agent }), 200);
  const redirection = { service: 'urbanisme', recipient: secondAgent.sub };
  expectStatus('redirect letter', await call('POST /v1/registry/letters/{id}/redirection', { params: lodgedLetter, body: redirection, headers: { 'idempotency-key': key('redirect') }, as: agent }), 200);
  const answer = { subject: 'Réponse : réfection de la chaussée', channel: 'online' };
  expectStatus('answer letter', await call('POST /v1/registry/letters/{id}/answer', { params: lodgedLetter, body: answer, headers: { 'idempotency-key': key('answer') }, as: secondAgent }), 201);
  expectStatus('close letter', await call('POST /v1/registry/letters/{id}/closure', { params: lodgedLetter, body: { note: 'Réponse envoyée' }, headers: { 'idempotency-key': key('close') }, as: secondAgent }), 200);
  // A letter whose list asks an opinion, an approval and the president's signature; its first answer refused
  // signature, the second signed and sent by registered post; an outgoing letter that answers nothing; the paper letter's priority changed before its cancellation.
  const adviser: Caller = { sub: key('agent-3'), roles: ['agent'], commune: 'rabat' };
  const stepped = expectStatus('register stepped letter', await call('POST /v1/registry/letters', { body: { ...paper, category: 'request', subject: 'Demande de ralentisseur' }, headers: { 'idempotency-key': key('register-stepped') }, as: clerk }), 201);
  const steppedLetter = { id: String(stepped.json.id) };
  const steps = { service: 'voirie', recipient: agent.sub, opinion: [adviser.sub], approval: [secondAgent.sub], signature: [president.sub] };
  expectStatus('route stepped letter', await call('POST /v1/registry/letters/{id}/routing', { params: steppedLetter, body: steps, headers: { 'idempotency-key': key('route-stepped') }, as: clerk }), 200);
  expectStatus('awaited steps', await call('GET /v1/registry/steps', { as: adviser }), 200);
  expectStatus('give opinion', await call('POST /v1/registry/letters/{id}/opinion', { params: steppedLetter, body: { opinion: 'Budget disponible' }, headers: { 'idempotency-key': key('opinion') }, as: adviser }), 200);
  expectStatus('decide approval', await call('POST /v1/registry/letters/{id}/approval', { params: steppedLetter, body: { decision: 'approved' }, headers: { 'idempotency-key': key('approval') }, as: secondAgent }), 200);
  const steppedReply = { subject: 'Réponse : ralentisseur', channel: 'post' };
  const refusedAnswer = expectStatus('answer stepped letter', await call('POST /v1/registry/letters/{id}/answer', { params: steppedLetter, body: steppedReply, headers: { 'idempotency-key': key('answer-stepped') }, as: agent }), 201);
  const signatureRefusal = { reason: 'Préciser le calendrier des travaux' };
  expectStatus('refuse signature', await call('POST /v1/registry/letters/{id}/signature-refusal', { params: { id: String(refusedAnswer.json.id) }, body: signatureRefusal, headers: { 'idempotency-key': key('refuse-signature') }, as: president }), 200);
  // The letter goes back to its recipient through the refusal's event; DynamoDB Local's stream may show its record a
  // moment after a settle made at once (see the acknowledgment below), so the answer is asked again a few times.
  await settle(clock);
  const answerAgain = () => call('POST /v1/registry/letters/{id}/answer', { params: steppedLetter, body: steppedReply, headers: { 'idempotency-key': key('answer-stepped-again') }, as: agent });
  let answeredAgain = await answerAgain();
  for (let attempt = 1; answeredAgain.status === 409 && attempt <= 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answeredAgain = await answerAgain();
  }
  const steppedAnswer = expectStatus('answer stepped letter again', answeredAgain, 201);
  const answerLetter = { id: String(steppedAnswer.json.id) };
  expectStatus('sign letter', await call('POST /v1/registry/letters/{id}/signature', { params: answerLetter, body: {}, headers: { 'idempotency-key': key('sign') }, as: president }), 200);
  const registeredPost = { channel: 'registered-post', receiptNumber: 'RR123456789MA' };
  expectStatus('dispatch letter', await call('POST /v1/registry/letters/{id}/dispatch', { params: answerLetter, body: registeredPost, headers: { 'idempotency-key': key('dispatch') }, as: clerk }), 200);
  const outgoing = { ...paper, register: 'outgoing', channel: 'post', category: 'invitation', subject: 'Convocation à la commission de voirie' };
  expectStatus('register outgoing letter', await call('POST /v1/registry/letters', { body: outgoing, headers: { 'idempotency-key': key('register-outgoing') }, as: clerk }), 201);
  expectStatus('change priority', await call('POST /v1/registry/letters/{id}/priority', { params: letter, body: { priority: 'normal' }, headers: { 'idempotency-key': key('priority') }, as: clerk }), 200);
  expectStatus('cancel letter', await call('POST /v1/registry/letters/{id}/cancel', { params: letter, body: { reason: 'Enregistré deux fois' }, headers: { 'idempotency-key': key('cancel') }, as: clerk }), 200);
  expectStatus('letter history', await call('GET /v1/registry/letters/{id}/history', { params: letter, as: auditor }), 200);
  const incomingRegister = { commune: 'rabat', register: 'incoming', year: String(paperLetter.json.year) };
  expectStatus('read register', await call('GET /v1/registry/registers/{commune}/{register}/{year}', { params: incomingRegister, as: auditor }), 200);
  const search = { words: 'chaussée', from: day(clock.now()), to: day(clock.now()) };
  expectStatus('search register', await call('GET /v1/registry/search/{commune}/{year}', { params: { commune: 'rabat', year: String(paperLetter.json.year) }, query: search, as: clerk }), 200);
  expectStatus('overdue letters', await call('GET /v1/registry/overdue/{commune}', { params: { commune: 'rabat' }, as: agent }), 200);
  expectStatus('registry settings', await call('GET /v1/registry/settings/{commune}', { params: { commune: 'rabat' }, as: clerk }), 200);
  const numberFormat = { template: '{year}/{register}/{sequence}', sequenceDigits: 6, registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' } };
  expectStatus('set registry settings', await call('PUT /v1/registry/settings/{commune}', { params: { commune: 'tamesna' }, body: { numberFormat, processingDays: { urgent: 3, normal: 15 } }, headers: { 'idempotency-key': key('settings') }, as: admin }), 200);
  expectStatus('registry settings history', await call('GET /v1/registry/settings/{commune}/history', { params: { commune: 'tamesna' }, as: auditor }), 200);
  // The acknowledgment follows the lodging's event: issued once it has been delivered. Asked last, as DynamoDB
  // Local's stream has been seen to show a record a moment after the write, past a settle made at once.
  await settle(clock);
  const acknowledgment = () => call('GET /v1/registry/letters/{id}/acknowledgment', { params: lodgedLetter, as: citizen });
  let acknowledged = await acknowledgment();
  // One pass of the stream reader can still miss that record: ask again a few times.
  for (let attempt = 1; acknowledged.status === 404 && attempt <= 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settle(clock);
    acknowledged = await acknowledgment();
  }
  expectStatus('letter acknowledgment', acknowledged, 200);

  // Complaints: filed online, acknowledged, qualified, assigned, taken up, information asked and given, answered,
  // rated, reopened, answered again and closed, its pack for the Médiateur read and the Médiateur's referral recorded;
  // another transferred to a delegated operator; the queue, a history and the settings read and set.
  const officer: Caller = { sub: key('complaints-officer'), roles: ['complaints-officer'], commune: 'rabat' };
  const complaintFiling = { commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Lampadaires éteints rue Oued Ziz', location: { point: { lat: 34.0132, long: -6.8326 } } };
  const complaint = expectStatus('file complaint', await call('POST /v1/complaints', { body: complaintFiling, headers: { 'idempotency-key': key('complaint') }, as: citizen }), 201);
  const complaintParams = { id: String(complaint.json.id) };
  const filedComplaint = complaint.json as unknown as Complaint;
  // From round 2 on the filing's duplicate suggestion (round 1 filed the same complaint at the same place) may write
  // the complaint while the officer acts: the officer's change is made again over it (change-complaint.use-cases).
  const complaintStep = async (name: string, route: string, body: unknown, as: Caller) =>
    expectStatus(name, await call(route, { params: complaintParams, body, headers: { 'idempotency-key': key(name.replaceAll(' ', '-')) }, as }), 200);
  await complaintStep('acknowledge complaint', 'POST /v1/complaints/{id}/acknowledgment', {}, officer);
  await complaintStep('qualify complaint', 'POST /v1/complaints/{id}/qualification', { decision: 'admissible' }, officer);
  await complaintStep('assign complaint', 'POST /v1/complaints/{id}/assignment', { service: 'eclairage' }, officer);
  await complaintStep('take up complaint', 'POST /v1/complaints/{id}/taking-up', {}, officer);
  // The duplicates suggested for this filing (the previous round's complaint repeats it) are written onto it out of
  // the request: the photo's steps wait for that write, as a change in its very instant answers 409 conflict.
  await settle(clock);
  const complaintPhoto = jpegWithGps(34.0132, -6.8326);
  const photoDeclaration = { contentType: 'image/jpeg', sizeBytes: complaintPhoto.length, sha256: createHash('sha256').update(complaintPhoto).digest('hex') };
  const declaredPhoto = expectStatus('declare complaint photo', await call('POST /v1/complaints/{id}/photos', { params: complaintParams, body: photoDeclaration, headers: { 'idempotency-key': key('photo') }, as: citizen }), 201);
  const photoUpload = declaredPhoto.json.upload as { url: string; headers: Record<string, string> };
  const photoPut = await fetch(photoUpload.url, { method: 'PUT', headers: photoUpload.headers, body: complaintPhoto });
  if (!photoPut.ok) throw new ScenarioError(`upload complaint photo: ${photoPut.status}`);
  const photoParams = { ...complaintParams, photoId: String((declaredPhoto.json.photo as { id: string }).id) };
  expectStatus('complete complaint photo', await call('POST /v1/complaints/{id}/photos/{photoId}/complete', { params: photoParams, headers: { 'idempotency-key': key('photo-complete') }, as: citizen }), 200);
  expectStatus('read complaint photo', await call('GET /v1/complaints/{id}/photos/{photoId}', { params: photoParams, as: officer }), 200);
  await complaintStep('request complaint information', 'POST /v1/complaints/{id}/information-request', { question: 'Quel lampadaire ?' }, officer);
  await complaintStep('provide complaint information', 'POST /v1/complaints/{id}/information', { text: 'Le n° 118' }, citizen);
  await complaintStep('answer complaint', 'POST /v1/complaints/{id}/answer', { text: 'Remplacés', signedBy: 'Le Président' }, officer);
  await complaintStep('rate complaint', 'POST /v1/complaints/{id}/rating', { score: 4 }, citizen);
  await complaintStep('reopen complaint', 'POST /v1/complaints/{id}/reopening', { reason: 'Un seul remplacé' }, citizen);
  await complaintStep('take up reopened complaint', 'POST /v1/complaints/{id}/taking-up', {}, officer);
  await complaintStep('answer reopened complaint', 'POST /v1/complaints/{id}/answer', { text: 'Tous remplacés', signedBy: 'Le Président' }, officer);
  await complaintStep('close complaint', 'POST /v1/complaints/{id}/closure', { note: 'Vérifié' }, officer);
  expectStatus('get complaint', await call('GET /v1/complaints/{id}', { params: complaintParams, as: citizen }), 200);
  expectStatus('my complaints', await call('GET /v1/complaints/mine', { as: citizen }), 200);
  expectStatus('complaint history', await call('GET /v1/complaints/{id}/history', { params: complaintParams, as: officer }), 200);
  expectStatus('complaint mediator pack', await call('GET /v1/complaints/{id}/mediator-pack', { params: complaintParams, as: citizen }), 200);
  await complaintStep('refer complaint to mediator', 'POST /v1/complaints/{id}/mediator-referral', { reference: key('mediator'), receivedOn: filedComplaint.receivedAt.slice(0, 10) }, officer);
  const toTransfer = expectStatus('file complaint to transfer', await call('POST /v1/complaints', { body: { ...complaintFiling, kind: 'observation' }, headers: { 'idempotency-key': key('complaint-2') }, as: citizen }), 201);
  const transferParams = { id: String(toTransfer.json.id) };
  // The first complaint is its duplicate: the unit acts once the suggestion is recorded on it, as it sees it in its
  // queue (a step in the very instant of that write answers 409 conflict, and is tried again).
  await settle(clock);
  expectStatus('acknowledge complaint to transfer', await call('POST /v1/complaints/{id}/acknowledgment', { params: transferParams, body: {}, headers: { 'idempotency-key': key('acknowledge-2') }, as: officer }), 200);
  const transferBody = { to: { kind: 'delegated-operator', name: 'Régie' }, reason: 'Réseau du délégataire' };
  expectStatus('transfer complaint', await call('POST /v1/complaints/{id}/transfer', { params: transferParams, body: transferBody, headers: { 'idempotency-key': key('transfer') }, as: officer }), 200);
  expectStatus('complaints queue', await call('GET /v1/complaints/queues/{commune}', { params: { commune: 'rabat' }, as: officer }), 200);
  expectStatus('complaint settings', await call('GET /v1/complaints/settings/{commune}', { params: { commune: 'rabat' }, as: officer }), 200);
  const complaintSettings = { categories: [{ code: 'voirie', names: { ar: 'الطرق', fr: 'Voirie', en: 'Roads' }, acknowledgmentPeriod: { days: 15, unit: 'calendar' }, answerPeriod: { days: 60, unit: 'calendar' }, privateMatter: false }], reopenWindowDays: 30, reminderDaysBefore: { acknowledgment: 5, answer: 15 }, duplicateRadiusMeters: 100, anonymousFiling: true };
  expectStatus('set complaint settings', await call('PUT /v1/complaints/settings/{commune}', { params: { commune: 'tamesna' }, body: complaintSettings, headers: { 'idempotency-key': key('complaint-settings') }, as: admin }), 200);
  // Tamesna now takes complaints without sign-in: one is filed with a phone number and followed by its token.
  const anonymousFiling = { commune: 'tamesna', kind: 'reclamation', category: 'voirie', text: 'Nid-de-poule avenue principale', contact: { phone: '0612345678' } };
  const anonymous = expectStatus('file anonymous complaint', await call('POST /v1/complaints/anonymous', { body: anonymousFiling, headers: { 'idempotency-key': key('anonymous-complaint') } }), 201);
  expectStatus('follow up complaint', await call('POST /v1/complaints/follow-up', { body: { token: String(anonymous.json.followUpToken) } }), 200);

  expectStatus('complaint figures', await call('GET /v1/stats/complaints/{commune}/{year}', { params: { commune: 'rabat', year: String(filedComplaint.receivedAt).slice(0, 4) } }), 200);

  // Open311 GeoReport v2 over the same complaints, as a generic client reads and files them.
  const jurisdiction = { jurisdiction_id: 'rabat' };
  expectStatus('open311 services', await call('GET /open311/v2/services.json', { query: jurisdiction }), 200);
  expectStatus('open311 service definition', await call('GET /open311/v2/services/{service_file}', { params: { service_file: 'eclairage-public.json' }, query: jurisdiction }), 200);
  const open311Filing = { ...jurisdiction, service_code: 'voirie', description: 'Nid-de-poule avenue Mohammed V', lat: 34.02, long: -6.83 };
  const posted = expectStatus('open311 post request', await call('POST /open311/v2/requests.json', { body: open311Filing, headers: { 'idempotency-key': key('open311') }, as: citizen }), 201);
  const requestFile = { request_file: `${String(posted.json[0].service_request_id)}.json` };
  expectStatus('open311 request', await call('GET /open311/v2/requests/{request_file}', { params: requestFile, query: jurisdiction }), 200);
  expectStatus('open311 token', await call('GET /open311/v2/tokens/{token_file}', { params: { token_file: `${String(posted.json[0].token)}.json` }, query: jurisdiction }), 200);
  expectStatus('open311 requests', await call('GET /open311/v2/requests.json', { query: { ...jurisdiction, service_code: 'voirie', status: 'open' } }), 200);

  // Access to information: a request filed online and listed as the citizen's, one registered by an agent from the
  // post and refused, complained of to the president, its CDAI pack issued; the first acknowledged, processed,
  // clarified, extended after its notice, answered in part; another withdrawn; the queue, the
  // history and the commune's settings read and set.
  const requester = { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } };
  const asked = { requester, information: 'Le budget 2026 de la commune', format: 'electronic' };
  const filedRequest = expectStatus('file information request', await call('POST /v1/transparency/requests', { body: { commune: 'rabat', ...asked }, headers: { 'idempotency-key': key('information') }, as: citizen }), 201);
  const informationRequest = { id: String(filedRequest.json.id) };
  const postedRequest = { channel: 'post', receivedAt: clock.now().toISOString(), ...asked, urgency: { justification: 'Immeuble menaçant ruine' } };
  const registeredRequest = expectStatus('register information request', await call('POST /v1/transparency/registered-requests', { body: postedRequest, headers: { 'idempotency-key': key('information-post') }, as: agent }), 201);
  expectStatus('get information request', await call('GET /v1/transparency/requests/{id}', { params: informationRequest, as: citizen }), 200);
  expectStatus('my information requests', await call('GET /v1/transparency/my-requests', { as: citizen }), 200);
  expectStatus('information request queue', await call('GET /v1/transparency/queues/{commune}', { params: { commune: 'rabat' }, as: agent }), 200);
  expectStatus('acknowledge information request', await call('POST /v1/transparency/requests/{id}/acknowledgment', { params: informationRequest, headers: { 'idempotency-key': key('information-ack') }, as: agent }), 200);
  expectStatus('process information request', await call('POST /v1/transparency/requests/{id}/processing', { params: informationRequest, headers: { 'idempotency-key': key('information-process') }, as: agent }), 200);
  expectStatus('ask clarification', await call('POST /v1/transparency/requests/{id}/clarification', { params: informationRequest, body: { question: 'Quelle année budgétaire ?' }, headers: { 'idempotency-key': key('information-question') }, as: agent }), 200);
  expectStatus('clarify information request', await call('POST /v1/transparency/requests/{id}/clarification-reply', { params: informationRequest, body: { reply: "L'exercice 2026" }, headers: { 'idempotency-key': key('information-reply') }, as: citizen }), 200);
  const extensionNotice = { reason: 'Documents à réunir auprès de trois services', channel: 'platform' };
  expectStatus('notice extension', await call('POST /v1/transparency/requests/{id}/extension-notice', { params: informationRequest, body: extensionNotice, headers: { 'idempotency-key': key('information-notice') }, as: agent }), 200);
  expectStatus('extend information request', await call('POST /v1/transparency/requests/{id}/extension', { params: informationRequest, headers: { 'idempotency-key': key('information-extend') }, as: agent }), 200);
  const partialAnswer = { outcome: 'partial', summary: 'Le budget est joint', format: 'electronic', withheld: [{ part: 'Noms des fournisseurs', grounds: [{ ground: 'article-7-exception', reason: 'Données personnelles' }] }] };
  expectStatus('answer information request', await call('POST /v1/transparency/requests/{id}/answer', { params: informationRequest, body: partialAnswer, headers: { 'idempotency-key': key('information-answer') }, as: agent }), 200);
  // A request filed with its requester's consent, answered in full and published in the disclosure log.
  const consented = expectStatus('file consented information request', await call('POST /v1/transparency/requests', { body: { commune: 'rabat', ...asked, disclosureConsent: true }, headers: { 'idempotency-key': key('information-consented') }, as: citizen }), 201);
  const consentedRequest = { id: String(consented.json.id) };
  // Its answer releases a document, published with it in the log, which anyone then downloads.
  const disclosedFile = { name: 'budget-2026-public.pdf', contentType: 'application/pdf', sizeBytes: attachmentFile.length, sha256: createHash('sha256').update(attachmentFile).digest('hex') };
  const disclosedDeclared = expectStatus('declare disclosed document', await call('POST /v1/transparency/requests/{id}/documents', { params: consentedRequest, body: disclosedFile, headers: { 'idempotency-key': key('information-disclosed-document') }, as: agent }), 201);
  const disclosedUpload = disclosedDeclared.json.upload as { url: string; headers: Record<string, string> };
  if (!(await fetch(disclosedUpload.url, { method: 'PUT', headers: disclosedUpload.headers, body: attachmentFile })).ok) throw new ScenarioError('upload disclosed document');
  const disclosedDocument = { ...consentedRequest, documentId: String((disclosedDeclared.json.document as { id: string }).id) };
  expectStatus('complete disclosed document', await call('POST /v1/transparency/requests/{id}/documents/{documentId}/complete', { params: disclosedDocument, headers: { 'idempotency-key': key('information-disclosed-complete') }, as: agent }), 200);
  await settle(clock);
  // The agent's read records the scanner's verdict, which the publication needs.
  expectStatus('read disclosed document', await call('GET /v1/transparency/requests/{id}/documents/{documentId}', { params: disclosedDocument, as: agent }), 200);
  const fullAnswer = { outcome: 'full', summary: 'Le budget est joint', format: 'electronic' };
  expectStatus('answer consented request', await call('POST /v1/transparency/requests/{id}/answer', { params: consentedRequest, body: fullAnswer, headers: { 'idempotency-key': key('information-consented-answer') }, as: agent }), 200);
  const disclosure = { summary: 'Le budget 2026 de la commune, communiqué en entier', documentIds: [disclosedDocument.documentId] };
  expectStatus('disclose information request', await call('POST /v1/transparency/requests/{id}/disclosure', { params: consentedRequest, body: disclosure, headers: { 'idempotency-key': key('information-disclosure') }, as: agent }), 200);
  expectStatus('disclosure log', await call('GET /v1/transparency/disclosure-log/{commune}', { params: { commune: 'rabat' } }), 200);
  const publishedDocument = { commune: 'rabat', requestId: consentedRequest.id, documentId: disclosedDocument.documentId };
  expectStatus('disclosed document', await call('GET /v1/transparency/disclosure-log/{commune}/{requestId}/documents/{documentId}', { params: publishedDocument }), 200);
  expectStatus('information request history', await call('GET /v1/transparency/requests/{id}/history', { params: informationRequest, as: auditor }), 200);
  const secondRequest = expectStatus('file second information request', await call('POST /v1/transparency/requests', { body: { commune: 'rabat', ...asked, format: 'paper-copy' }, headers: { 'idempotency-key': key('information-2') }, as: citizen }), 201);
  expectStatus('withdraw information request', await call('POST /v1/transparency/requests/{id}/withdrawal', { params: { id: String(secondRequest.json.id) }, body: { reason: 'Trouvé ailleurs' }, headers: { 'idempotency-key': key('information-withdraw') }, as: citizen }), 200);
  const refusal = { outcome: 'refused', grounds: [{ ground: 'already-published', reason: 'Publié sur le portail', link: 'https://rabat.ma/budget-2026.pdf' }] };
  expectStatus('refuse information request', await call('POST /v1/transparency/requests/{id}/answer', { params: { id: String(registeredRequest.json.id) }, body: refusal, headers: { 'idempotency-key': key('information-refuse') }, as: agent }), 200);
  const contested = { id: String(registeredRequest.json.id) };
  expectStatus('complain to the head of the body', await call('POST /v1/transparency/requests/{id}/internal-complaint', { params: contested, body: { reason: 'Le lien ne donne pas le détail' }, headers: { 'idempotency-key': key('information-complaint') }, as: agent }), 200);
  expectStatus('complaints waiting', await call('GET /v1/transparency/complaints/{commune}', { params: { commune: 'rabat' }, as: president }), 200);
  expectStatus('answer the complaint', await call('POST /v1/transparency/requests/{id}/internal-complaint/answer', { params: contested, body: { text: 'Le détail est en annexe 4' }, headers: { 'idempotency-key': key('information-complaint-answer') }, as: president }), 200);
  expectStatus('CDAI pack', await call('POST /v1/transparency/requests/{id}/cdai-pack', { params: contested, headers: { 'idempotency-key': key('information-cdai') }, as: agent }), 200);
  // The end of its chain: the CDAI's decision, the court appeal, the closure after the judgment.
  const decidedDay = clock.now().toISOString().slice(0, 10);
  const cdaiDecision = { outcome: 'dismissed', summary: 'La Commission confirme le refus', complaintFiledOn: decidedDay, decidedOn: decidedDay };
  expectStatus('CDAI decision', await call('POST /v1/transparency/requests/{id}/cdai-decision', { params: contested, body: cdaiDecision, headers: { 'idempotency-key': key('information-cdai-decision') }, as: agent }), 200);
  expectStatus('court appeal', await call('POST /v1/transparency/requests/{id}/court-appeal', { params: contested, body: { court: 'Tribunal administratif de Rabat', filedOn: decidedDay }, headers: { 'idempotency-key': key('information-court') }, as: agent }), 200);
  const judgment = { reason: 'judgment', judgment: { summary: 'Le tribunal confirme la décision', on: decidedDay } };
  expectStatus('close information request', await call('POST /v1/transparency/requests/{id}/closure', { params: contested, body: judgment, headers: { 'idempotency-key': key('information-close') }, as: agent }), 200);
  // The partial answer's documents: a PDF declared, uploaded, completed; its costs stated from the tariff an
  // administrator set, paid by the requester, who then reads it; the reads listed; its refusal letter downloaded.
  expectStatus('set information tariff', await call('PUT /v1/transparency/tariffs/{commune}', { params: { commune: 'rabat' }, body: { perPaperPage: 50, perMedium: 2000, sending: { post: 1500, email: 0 } }, headers: { 'idempotency-key': key('information-tariff') }, as: admin }), 200);
  expectStatus('information tariff', await call('GET /v1/transparency/tariffs/{commune}', { params: { commune: 'rabat' } }), 200);
  expectStatus('information tariff history', await call('GET /v1/transparency/tariffs/{commune}/history', { params: { commune: 'rabat' }, as: auditor }), 200);
  const releasedDeclaration = { name: 'budget-2026.pdf', contentType: 'application/pdf', sizeBytes: attachmentFile.length, sha256: createHash('sha256').update(attachmentFile).digest('hex') };
  const declaredDocument = expectStatus('declare released document', await call('POST /v1/transparency/requests/{id}/documents', { params: informationRequest, body: releasedDeclaration, headers: { 'idempotency-key': key('information-document') }, as: agent }), 201);
  const documentUpload = declaredDocument.json.upload as { url: string; headers: Record<string, string> };
  const documentPut = await fetch(documentUpload.url, { method: 'PUT', headers: documentUpload.headers, body: attachmentFile });
  if (!documentPut.ok) throw new ScenarioError(`upload released document: ${documentPut.status}`);
  const releasedDocument = { ...informationRequest, documentId: String((declaredDocument.json.document as { id: string }).id) };
  expectStatus('complete released document', await call('POST /v1/transparency/requests/{id}/documents/{documentId}/complete', { params: releasedDocument, headers: { 'idempotency-key': key('information-document-complete') }, as: agent }), 200);
  expectStatus('state information costs', await call('POST /v1/transparency/requests/{id}/costs', { params: informationRequest, body: { paperPages: 12, media: 0, sending: 'post' }, headers: { 'idempotency-key': key('information-costs') }, as: agent }), 200);
  expectStatus('pay information costs', await call('POST /v1/transparency/requests/{id}/payment', { params: informationRequest, headers: { 'idempotency-key': key('information-payment') }, as: citizen }), 200);
  await settle(clock);
  expectStatus('read released document', await call('GET /v1/transparency/requests/{id}/documents/{documentId}', { params: releasedDocument, as: citizen }), 200);
  expectStatus('released document reads', await call('GET /v1/transparency/requests/{id}/document-reads', { params: informationRequest, as: citizen }), 200);
  expectStatus('refusal letter', await call('GET /v1/transparency/requests/{id}/refusal-letter', { params: informationRequest, as: citizen }), 200);
  expectStatus('information request figures', await call('GET /v1/transparency/figures/{commune}/{year}', { params: { commune: 'rabat', year: decidedDay.slice(0, 4) } }), 200);
  expectStatus('transparency settings', await call('GET /v1/transparency/settings/{commune}', { params: { commune: 'rabat' }, as: agent }), 200);
  const periods = { normal: { days: 20, extensionDays: 20 }, urgent: { days: 3, extensionDays: 3 } };
  expectStatus('set transparency settings', await call('PUT /v1/transparency/settings/{commune}', { params: { commune: 'tamesna' }, body: { periods, clarificationSuspendsClock: false, recourse: { complaintFilingDays: 20, complaintAnswerDays: 15 } }, headers: { 'idempotency-key': key('transparency-settings') }, as: admin }), 200);
  const openedRequest = registeredRequest.json as unknown as InformationRequest;
  // The open-data catalogue: a dataset declared by an agent, approved by the president, the public catalogue read.
  // The route's own example: a budget, in CSV.
  const dataset = declareDatasetRoute.bodyExample;
  const declaredDataset = expectStatus('declare dataset', await call('POST /v1/transparency/datasets', { body: dataset, headers: { 'idempotency-key': key('dataset') }, as: agent }), 201);
  expectStatus('approve dataset', await call('POST /v1/transparency/datasets/{id}/approval', { params: { id: String(declaredDataset.json.id) }, headers: { 'idempotency-key': key('dataset-approval') }, as: president }), 200);
  await settle(clock);
  // A draft with no file, its CSV uploaded to the platform (declared, uploaded to the signed URL, completed).
  const budgetCsv = Buffer.from('poste,montant\r\nvoirie,1200000\r\n', 'utf8');
  const budget = expectStatus('declare dataset to upload to', await call('POST /v1/transparency/datasets', { body: { ...dataset, distributions: [] }, headers: { 'idempotency-key': key('dataset-upload') }, as: agent }), 201);
  const budgetFile = expectStatus(
    'declare dataset file',
    await call('POST /v1/transparency/datasets/{id}/files', {
      params: { id: String(budget.json.id) },
      body: { title: 'Budget (CSV)', mediaType: 'text/csv', sha256: createHash('sha256').update(budgetCsv).digest('hex'), byteSize: budgetCsv.length },
      headers: { 'idempotency-key': key('dataset-file') },
      as: agent,
    }),
    201,
  );
  const budgetUpload = budgetFile.json.upload as { url: string; headers: Record<string, string> };
  const budgetPut = await fetch(budgetUpload.url, { method: 'PUT', headers: budgetUpload.headers, body: budgetCsv });
  if (!budgetPut.ok) throw new ScenarioError(`upload dataset file: ${budgetPut.status}`);
  const budgetFileName = (budgetFile.json.file as { fileName: string }).fileName;
  expectStatus('complete dataset file', await call('POST /v1/transparency/datasets/{id}/files/{file}/completion', { params: { id: String(budget.json.id), file: budgetFileName }, headers: { 'idempotency-key': key('dataset-file-done') }, as: agent }), 200);

  // The publication register: a category designated by the president, the register read by anyone.
  expectStatus('designate register category', await call('PUT /v1/transparency/registers/{commune}/{category}', { params: { commune: 'rabat', category: 'budget-and-accounts' }, body: designateCategoryRoute.bodyExample, headers: { 'idempotency-key': key('register-category') }, as: president }), 200, 409);
  expectStatus('publication register', await call('GET /v1/transparency/registers/{commune}', { params: { commune: 'rabat' } }), 200);

  // The commune's permit-figures dataset, fed by the permits' events: declared, approved (published at once), its
  // files generated by its consumer, one of them downloaded from the link the catalogue gives. One per commune: a
  // later round finds it declared (200) and published (409).
  const fedDataset = expectStatus('declare fed dataset', await call('POST /v1/transparency/fed-datasets', { body: declareFedDatasetRoute.bodyExample, headers: { 'idempotency-key': key('fed-dataset') }, as: agent }), 201, 200);
  expectStatus('approve fed dataset', await call('POST /v1/transparency/datasets/{id}/approval', { params: { id: String(fedDataset.json.id) }, headers: { 'idempotency-key': key('fed-dataset-approval') }, as: president }), 200, 409);
  await settle(clock);
  const catalogue = expectStatus('open-data catalogue', await call('GET /v1/transparency/catalogues/{commune}', { params: { commune: 'rabat' } }), 200);
  const fedEntry = (catalogue.json['dcat:dataset'] as { 'dct:identifier': string; 'dcat:distribution': { 'dcat:downloadURL'?: { '@id': string } }[] }[]).find((entry) => entry['dct:identifier'] === fedDataset.json.id);
  const fedFile = String(fedEntry?.['dcat:distribution'][0]?.['dcat:downloadURL']?.['@id'] ?? '').split('/').at(-1)!;
  expectStatus('dataset file', await call('GET /v1/transparency/datasets/{id}/files/{file}', { params: { id: String(fedDataset.json.id), file: fedFile } }), 200);
  expectStatus('national open-data catalogue', await call('GET /v1/transparency/national-catalogue', {}), 200);

  // A council of sixty members: a session planned, its agenda closed, convened, every member's convocation sent
  // (from its event) and one read; twelve days later the sitting opens with all sixty present (one write), two items
  // voted by name, the session closed, one deliberation through the governor's control; the OParl publication and
  // the calendar read. The body's settings allow an ordinary session in any month, so the round runs whenever it runs.
  // The body is a commune of reference data (its territory comes from there), its council changed again each round.
  const councilBody = 'marrakech';
  const councilMembers = Array.from({ length: 60 }, (_, index) => ({ id: `m${String(index + 1).padStart(2, '0')}`, sub: key(`member-${index + 1}`), name: `Membre ${index + 1}`, role: index === 0 ? 'president' : 'member', inOffice: true, since: '2021-09-20', group: index % 2 === 0 ? 'g1' : 'g2' }));
  const secretary: Caller = { sub: key('council-secretary'), roles: ['council-secretary'], commune: councilBody };
  const governor: Caller = { sub: key('governor'), roles: ['governor'], province: 'marrakech' };
  const councilMember: Caller = { sub: councilMembers[1]!.sub, roles: ['council-member'], commune: councilBody };
  const bodyParams = { body: councilBody };
  expectStatus('put council body', await call('PUT /v1/councils/bodies/{body}', { params: bodyParams, body: { type: 'commune', name: { ar: 'مجلس', fr: 'Conseil' }, members: councilMembers, groups: [{ id: 'g1', name: 'Groupe 1' }, { id: 'g2', name: 'Groupe 2' }] }, headers: { 'idempotency-key': key('council-body') }, as: admin }), 200);
  const councilSettings = { noticeDays: { ordinary: 10, extraordinary: 3 }, ordinaryMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], proxiesCountForQuorum: false, majorityRules: { ordinary: 'votes-cast', budget: 'votes-cast', loan: 'votes-cast', convention: 'votes-cast', 'internal-regulation': 'members-in-office', 'delegated-management': 'members-in-office' }, presidentDecidesTie: true, transmissionDays: 10, oppositionDays: 3 };
  expectStatus('set council settings', await call('PUT /v1/councils/bodies/{body}/settings', { params: bodyParams, body: councilSettings, headers: { 'idempotency-key': key('council-settings') }, as: admin }), 200);
  expectStatus('council settings', await call('GET /v1/councils/bodies/{body}/settings', { params: bodyParams, as: secretary }), 200);
  const meetingDate = moroccanDate(new Date(clock.now().getTime() + 12 * 86_400_000));
  const councilStart = new Date(startOfMoroccanDate(meetingDate).getTime() + 10 * 3_600_000).toISOString();
  const plannedSession = expectStatus('plan council session', await call('POST /v1/councils/bodies/{body}/sessions', { params: bodyParams, body: { kind: 'ordinary', initiative: { by: 'president' }, name: 'Session ordinaire', location: 'Salle des délibérations', start: councilStart }, headers: { 'idempotency-key': key('council-session') }, as: secretary }), 201);
  const sessionParams = { body: councilBody, id: String(plannedSession.json.id) };
  const councilItem = (title: string, open: boolean) => ({ title, text: `Projet de délibération : ${title}`, itemType: 'budget', origin: 'president', public: open });
  expectStatus('add agenda item', await call('POST /v1/councils/bodies/{body}/sessions/{id}/agenda-items', { params: sessionParams, body: councilItem('Budget', true), headers: { 'idempotency-key': key('council-item-1') }, as: secretary }), 200);
  expectStatus('add closed agenda item', await call('POST /v1/councils/bodies/{body}/sessions/{id}/agenda-items', { params: sessionParams, body: councilItem('Transaction', false), headers: { 'idempotency-key': key('council-item-2') }, as: secretary }), 200);
  // The budget's paper: declared, uploaded to its signed URL, completed; a member reads it, the public downloads it.
  const councilPaper = Buffer.from('%PDF-1.4\n% Projet de budget\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const itemParams = { ...sessionParams, number: '1' };
  const declaredPaper = expectStatus('declare council paper', await call('POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers', { params: itemParams, body: { name: 'budget.pdf', contentType: 'application/pdf', sizeBytes: councilPaper.length, sha256: createHash('sha256').update(councilPaper).digest('hex') }, headers: { 'idempotency-key': key('council-paper') }, as: secretary }), 201);
  const paperUpload = declaredPaper.json.upload as { url: string; headers: Record<string, string> };
  const paperPut = await fetch(paperUpload.url, { method: 'PUT', headers: paperUpload.headers, body: councilPaper });
  if (!paperPut.ok) throw new ScenarioError(`upload council paper: ${paperPut.status}`);
  const paperParams = { ...itemParams, paperId: String((declaredPaper.json.paper as { id: string }).id) };
  expectStatus('complete council paper', await call('POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId}/completion', { params: paperParams, headers: { 'idempotency-key': key('council-paper-complete') }, as: secretary }), 200);
  expectStatus('request agenda item', await call('POST /v1/councils/bodies/{body}/sessions/{id}/item-requests', { params: sessionParams, body: { title: 'Éclairage', text: "Extension de l'éclairage public", itemType: 'ordinary', public: true }, headers: { 'idempotency-key': key('council-item-request') }, as: councilMember }), 200);
  expectStatus('refuse item request', await call('POST /v1/councils/bodies/{body}/sessions/{id}/item-requests/{number}/decision', { params: { ...sessionParams, number: '1' }, body: { outcome: 'refused', reasons: "Compétence de l'arrondissement" }, headers: { 'idempotency-key': key('council-item-request-decision') }, as: secretary }), 200);
  expectStatus('close agenda', await call('POST /v1/councils/bodies/{body}/sessions/{id}/agenda-closing', { params: sessionParams, headers: { 'idempotency-key': key('council-agenda') }, as: secretary }), 200);
  const convenedSession = expectStatus('convene council session', await call('POST /v1/councils/bodies/{body}/sessions/{id}/convocation', { params: sessionParams, headers: { 'idempotency-key': key('council-convene') }, as: secretary }), 200);
  await settle(clock);
  const convocationParams = { ...sessionParams, round: '1', member: councilMembers[1]!.id };
  // The convocations follow the convening's event; DynamoDB Local's stream may show its record a moment after a
  // settle made at once (as for the letters above), so the convocation is asked again a few times.
  const convocation = () => call('GET /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}', { params: convocationParams, as: councilMember });
  let convoked = await convocation();
  for (let attempt = 1; convoked.status === 404 && attempt <= 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await clock.quiescent();
    convoked = await convocation();
  }
  expectStatus('get convocation', convoked, 200);
  expectStatus('convocation pdf', await call('GET /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/pdf', { params: convocationParams, as: councilMember }), 200);
  expectStatus('read convocation', await call('POST /v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/reading', { params: convocationParams, headers: { 'idempotency-key': key('council-reading') }, as: councilMember }), 200);
  expectStatus('reply to convocation', await call('POST /v1/councils/bodies/{body}/sessions/{id}/attendance-replies', { params: sessionParams, body: { reply: 'proxy', proxyTo: councilMembers[2]!.id }, headers: { 'idempotency-key': key('council-reply') }, as: councilMember }), 200);
  // The local S3 server tags a new object a moment after storing it: until then the paper is not released to readers.
  const paperRead = () => call('GET /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId}', { params: paperParams, as: councilMember });
  let readPaper = await paperRead();
  for (let attempt = 1; readPaper.status === 409 && attempt <= 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    readPaper = await paperRead();
  }
  expectStatus('read council paper', readPaper, 200);
  await clock.advance('P12D');
  const everyone = councilMembers.map((member) => member.id);
  expectStatus('open sitting with sixty present', await call('POST /v1/councils/bodies/{body}/sessions/{id}/sittings', { params: sessionParams, body: { present: everyone, proxies: [] }, headers: { 'idempotency-key': key('council-sitting') }, as: secretary }), 200);
  const namedVotes = (choiceOf: (index: number) => string) => ({ votes: everyone.map((member, index) => ({ member, choice: choiceOf(index) })) });
  const votedItem = expectStatus('vote item', await call('POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/votes', { params: { ...sessionParams, number: '1' }, body: namedVotes((index) => (index % 3 === 0 ? 'against' : 'for')), headers: { 'idempotency-key': key('council-vote-1') }, as: secretary }), 200);
  expectStatus('vote closed item', await call('POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/votes', { params: { ...sessionParams, number: '2' }, body: namedVotes((index) => (index % 2 === 0 ? 'for' : 'against')), headers: { 'idempotency-key': key('council-vote-2') }, as: secretary }), 200);
  expectStatus('get council session', await call('GET /v1/councils/bodies/{body}/sessions/{id}', { params: sessionParams, as: secretary }), 200);
  expectStatus('close council session', await call('POST /v1/councils/bodies/{body}/sessions/{id}/closing', { params: sessionParams, headers: { 'idempotency-key': key('council-close') }, as: secretary }), 200);
  const deliberationParams = { body: councilBody, id: String(votedItem.json.id) };
  const controlStep = async (name: string, path: string, as: Caller, body?: unknown) =>
    expectStatus(name, await call(`POST /v1/councils/bodies/{body}/deliberations/{id}/${path}`, { params: deliberationParams, ...(body !== undefined && { body }), headers: { 'idempotency-key': key(`council-${path}`) }, as }), 200);
  await controlStep('transmit deliberation', 'transmission', secretary);
  await controlStep('receive deliberation', 'receipt', governor);
  await controlStep('give visa', 'visa', governor, { outcome: 'given' });
  await controlStep('oppose deliberation', 'opposition', governor, { reasons: 'Dépense non prévue' });
  await controlStep('re-examine deliberation', 're-examination', secretary, { outcome: 'maintained' });
  await controlStep('refer deliberation to court', 'court-referral', governor, { court: 'Tribunal administratif de Rabat', reference: '2027/7110/1' });
  expectStatus('get deliberation', await call('GET /v1/councils/bodies/{body}/deliberations/{id}', { params: deliberationParams, as: governor }), 200);
  await settle(clock);
  expectStatus('deliberation pdf', await call('GET /v1/councils/bodies/{body}/deliberations/{id}/pdf', { params: deliberationParams, as: governor }), 200);
  expectStatus('minutes pdf', await call('GET /v1/councils/bodies/{body}/sessions/{id}/minutes/pdf', { params: sessionParams, as: governor }), 200);
  expectStatus('council calendar', await call('GET /v1/councils/bodies/{body}/calendar.ics', { params: bodyParams }), 200);
  expectStatus('oparl system', await call('GET /oparl/v1/system'), 200);
  expectStatus('oparl bodies', await call('GET /oparl/v1/bodies'), 200);
  expectStatus('oparl body', await call('GET /oparl/v1/bodies/{body}', { params: bodyParams }), 200);
  for (const list of ['organization', 'person', 'meeting', 'paper']) expectStatus(`oparl ${list} list`, await call('GET /oparl/v1/bodies/{body}/{list}', { params: { body: councilBody, list } }), 200);
  const oparlId = `${councilBody}~${sessionParams.id}~1`;
  for (const type of ['meeting', 'agenda-item', 'paper', 'file']) expectStatus(`oparl ${type}`, await call('GET /oparl/v1/objects/{type}/{id}', { params: { type, id: type === 'meeting' ? `${councilBody}~${sessionParams.id}` : oparlId } }), 200);
  expectStatus('oparl person', await call('GET /oparl/v1/objects/{type}/{id}', { params: { type: 'person', id: `${councilBody}~m01` } }), 200);
  expectStatus('oparl paper download', await call('GET /oparl/v1/files/{id}/download', { params: { id: `${oparlId}~${paperParams.paperId}` } }), 303);
  expectStatus('oparl file content', await call('GET /oparl/v1/files/{id}/content', { params: { id: oparlId } }), 200);
  const deliberationAdopted = domainEvent({ type: DELIBERATION_ADOPTED, source: 'councils', subject: deliberationParams.id, occurredAt: String(votedItem.json.adoptedAt), version: 1, data: { deliberationId: deliberationParams.id, body: councilBody } });
  const sessionConvened = domainEvent({ type: SESSION_CONVENED, source: 'councils', subject: sessionParams.id, occurredAt: clock.now().toISOString(), version: Number(convenedSession.json.version), data: { sessionId: sessionParams.id, body: councilBody, round: 1, start: councilStart } });

  // What the notifications consumer's queue hands it from the permits outbox when the applicant is told of the decision.
  const decided = domainEvent({ type: 'permit.decided', source: 'permits', subject: permit.id, occurredAt: clock.now().toISOString(), version: 1, data: {} });
  const applicantTold = notificationRequested(decided, {
    recipient: citizen.sub,
    topic: 'decided',
    about: { kind: 'permit', id: permit.id, reference: String(filed.json.receiptNumber) },
    message: { ar: 'تمت الموافقة على ملفكم.', fr: 'Votre dossier est approuvé.', en: 'Your file is approved.' },
  });

  // What the permit consumers' queues hand them: the filing's event (counted once, its workflow and receipt
  // already there, so a cold start replays what a redelivery does), and the administrator's holiday change above.
  const permitFiled = domainEvent({
    type: 'permit.filed',
    source: 'permits',
    subject: permit.id,
    occurredAt: String(filed.json.filedAt),
    version: 1,
    data: { permitId: permit.id, version: 1, commune: application.commune, procedure: application.procedure, statusAfter: 'filed', counters: ['filed'], startsWorkflow: true },
  });
  const holidaysConfirmed = domainEvent({
    type: HOLIDAYS_CHANGED,
    source: 'reference-data',
    subject: 'holidays-2026',
    occurredAt: clock.now().toISOString(),
    version: 1,
    data: { year: 2026, version: 1, added: holidays.holidays.map((holiday) => holiday.date), removed: [] },
  });

  return {
    workflowEvents: {
      CheckPermitDeadline: { subject: permit.id },
      FollowPermitEvents: outboxQueueEvent([permitFiled]),
      // The first act's registration, its action and search entries written already: a cold start replays a redelivery.
      RecordCivilActRegistration: outboxQueueEvent([
        actRegistered({ act: registered.json as unknown as CivilAct, action: { type: 'registered', at: String(registered.json.registeredAt), by: rabatRegistrar.sub, version: 1 } }, []),
      ]),
      // The filing's event with its history entry, stored already: a cold start replays what a redelivery does.
      RecordPermitHistory: outboxQueueEvent([
        {
          ...permitFiled,
          data: {
            ...permitFiled.data,
            entry: { permitId: permit.id, version: 1, type: 'filed', at: String(filed.json.filedAt), by: { sub: citizen.sub, role: 'citizen' }, statusAfter: 'filed', clockAfter: { status: 'running', dueDate: String((filed.json.clock as { dueDate: string }).dueDate) } },
          },
        },
      ]),
      RecountPermitDeadlines: outboxQueueEvent([holidaysConfirmed]),
      CheckLetterDeadline: { subject: letter.id },
      SweepOverdueLetters: {},
      CheckComplaintDeadlines: { subject: complaintParams.id },
      SweepOverdueComplaints: {},
      FollowComplaintEvents: outboxQueueEvent([deadlineWatchedComplaint(filedComplaint, clock.now())]),
      RecountComplaintDeadlines: outboxQueueEvent([holidaysConfirmed]),
      ShareComplaintAnswer: outboxQueueEvent([domainEvent({ type: COMPLAINT_EVENTS.answered, source: 'complaints', subject: filedComplaint.id, occurredAt: filedComplaint.updatedAt, version: 8, data: { complaintId: filedComplaint.id } })]),
      SuggestComplaintDuplicates: outboxQueueEvent([domainEvent({ type: COMPLAINT_EVENTS.filed, source: 'complaints', subject: filedComplaint.id, occurredAt: filedComplaint.updatedAt, version: 1, data: { complaintId: filedComplaint.id } })]),
      CountComplaintFigures: outboxQueueEvent([complaintCounted(filedComplaint, { complaintId: filedComplaint.id, version: 1, type: 'filed', at: filedComplaint.updatedAt, by: { sub: citizen.sub, role: 'citizen' }, statusAfter: 'submitted' })!]),
      // What the complaints' queue hands them from the registry office's outbox when the paper letter above, a complaint, was registered.
      OpenComplaintFromLetter: outboxQueueEvent([
        domainEvent({
          type: LETTER_CLASSIFIED,
          source: 'registry-office',
          subject: registeredLetter.id,
          occurredAt: clock.now().toISOString(),
          version: 1,
          data: { dataVersion: 2, letterId: registeredLetter.id, commune: registeredLetter.commune, number: registeredLetter.number, category: 'complaint', receivedAt: registeredLetter.receivedAt, subject: registeredLetter.subject },
        }),
      ]),
      // What the registry office's consumer gets from its outbox when the paper letter above was registered.
      FollowLetterEvents: outboxQueueEvent([deadlineWatched({ ...registeredLetter, version: 1 }, clock.now())]),
      IndexLetterForSearch: outboxQueueEvent([letterRegistered(registeredLetter, clock.now())]),
      // The refused signature's event, its letter answered again since: a cold start replays what a redelivery does.
      WithdrawRefusedAnswer: outboxQueueEvent([
        domainEvent({
          type: ANSWER_SIGNATURE_REFUSED,
          source: 'registry-office',
          subject: steppedLetter.id,
          occurredAt: clock.now().toISOString(),
          version: 2,
          data: { outgoingId: String(refusedAnswer.json.id), outgoingNumber: String(refusedAnswer.json.number), incomingId: steppedLetter.id, reason: signatureRefusal.reason },
        }),
      ]),
      RecountLetterDeadlines: outboxQueueEvent([holidaysConfirmed]),
      // The same event for the acknowledgment's consumer: the paper letter's acknowledgment is issued already, so a
      // cold start replays what a redelivery does.
      IssueLetterAcknowledgment: outboxQueueEvent([letterRegistered(registeredLetter, clock.now())]),
      CheckInformationRequestDeadline: { subject: openedRequest.id },
      // The dataset above is published already: its embargo workflow ends at once.
      CheckDatasetEmbargo: { subject: String(declaredDataset.json.id) },
      SweepOverdueInformationRequests: {},
      // A request's clock started.
      FollowTransparencyEvents: outboxQueueEvent([requestDeadlineWatched(openedRequest, clock.now())]),
      // A dataset's approval (its catalogue written already: a redelivery).
      FollowOpenDataEvents: outboxQueueEvent(approveDataset(declaredDataset.json as unknown as Dataset, { sub: president.sub, role: 'president' }, clock.now()).outbox),
      // What follows the requests' outcomes: the refusal's letter (issued already: a redelivery renders nothing).
      FollowInformationRequestOutcomes: outboxQueueEvent([
        domainEvent({ type: REFUSAL_DECIDED, source: 'transparency', subject: contested.id, occurredAt: clock.now().toISOString(), version: 2, data: { requestId: contested.id } }),
      ]),
      // The complaint above was answered: its reminder has nothing left to do.
      RemindInformationComplaintHead: { subject: contested.id },
      // The permit filed and the complaint received above, counted in their commune's open figures (a redelivery:
      // counted once) and their datasets' files made.
      FollowFeedEvents: outboxQueueEvent([
        permitFiled,
        complaintCounted(filedComplaint, { complaintId: filedComplaint.id, version: 1, type: 'filed', at: filedComplaint.updatedAt, by: { sub: citizen.sub, role: 'citizen' }, statusAfter: 'submitted' })!,
      ]),
      // The paper letter above handed over as an access-to-information request: its request opened once.
      OpenRegistryInformationRequests: outboxQueueEvent([letterHandedOver(registeredLetter, 'access-to-information', clock.now())]),
      RecountInformationRequestDeadlines: outboxQueueEvent([holidaysConfirmed]),
      // The convocations of the session above, sent already: a cold start replays what a redelivery does.
      SendCouncilConvocations: outboxQueueEvent([sessionConvened]),
      // The session above, convened: its convocation's PDF stored already.
      RenderCouncilSessionPdfs: outboxQueueEvent([sessionConvened]),
      // The deliberation above, its PDF stored already.
      RenderCouncilDeliberationPdf: outboxQueueEvent([deliberationAdopted]),
      // The deliberation above, received (version 3): its control periods' workflow started already, then opposed.
      FollowCouncilControls: outboxQueueEvent([controlWatched(deliberationSubject(deliberationParams.id), 3, clock.now())]),
      CheckCouncilControlDeadline: { subject: deliberationSubject(deliberationParams.id) },
      SweepOverdueCouncilControls: {},
      DeliverNotifications: outboxQueueEvent([applicantTold]),
      SweepOverduePermits: {},
      DeliverMarginalNote: { noteId },
      DeadLetterMarginalNote: { noteId, attempts: 9 },
      SeedReferenceData: { RequestType: 'Create' },
      // What the register-import workflow hands its functions for the import above (run again: idempotent).
      PrepareRegisterImport: { importId, folder },
      ImportRegisterBatch: { Items: [{ line: 1, text: JSON.stringify(indexLine) }], BatchInput: { importId, folder } },
      FinishRegisterImport: { importId, prepared: { linesTotal: 1 } },
    },
  };
}
