// The papers of an agenda item: counted only once storage holds the declared bytes of the declared type, served once
// the scanner released them, published (OParl File) only for a public item, listed by the convocation.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agendaDigest } from '../../../functions/councils/application/convocation.use-cases.ts';
import { completePaper, convocationPapers, declarePaper, MAX_PAPERS_PER_ITEM, paperOf, publishedPapers, recordPaperScan, requireServablePaper } from '../../../functions/councils/domain/agenda-papers.ts';
import { OparlUrls, oparlAgendaItem } from '../../../functions/councils/domain/oparl.ts';
import { addAgendaItem, closeSession, planSession, type Session } from '../../../functions/councils/domain/session.ts';
import type { CouncilBody } from '../../../functions/councils/domain/council-body.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import type { Principal } from '../../../functions/shared/auth/principal.ts';

const now = new Date('2027-09-20T09:00:00Z');
const body: CouncilBody = { id: 'rabat', type: 'commune', territory: { province: 'rabat', region: 'rabat-sale-kenitra' }, name: { ar: 'الرباط', fr: 'Rabat' }, members: [{ id: 'm1', name: 'M 1', role: 'president', inOffice: true, since: '2021-09-20' }], groups: [], version: 1, updatedAt: '2027-01-01T00:00:00.000Z' };
const secretary = { sub: 's1', role: 'council-secretary' };
const principal: Principal = { sub: 's1', roles: ['council-secretary'], commune: 'rabat' };
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const sha256 = createHash('sha256').update(pdf).digest('hex');
const declaration = (id: string) => ({ id, name: 'budget.pdf', contentType: 'application/pdf' as const, sizeBytes: pdf.length, sha256: sha256.toUpperCase() });

function session(): Session {
  const planned = planSession('11111111-1111-8111-8111-111111111111', { kind: 'ordinary', initiative: { by: 'president' }, name: 'Octobre', location: 'Salle', start: '2027-10-12T10:00:00+01:00' }, body, defaultCouncilSettings('rabat', 'commune'), secretary, now).session;
  const open = addAgendaItem(planned, { title: 'Budget', text: 'Le budget', itemType: 'budget', origin: 'president', public: true }, secretary, now).session;
  return addAgendaItem(open, { title: 'Transaction', text: 'Confidentiel', itemType: 'convention', origin: 'president', public: false }, secretary, now).session;
}

const notScanned = { verdict: 'not-scanned' as const, tag: 'NOT_SCANNED_LOCALLY' };

describe('an agenda paper', () => {
  it('counts only once storage holds the declared bytes of the declared type, and is refused otherwise', () => {
    const declared = declarePaper(session(), 1, declaration('p1'), secretary, now);
    expect(declared.event.type).toBe('paper-declared');
    expect(paperOf(declared.session, 1, 'p1').paper).toMatchObject({ status: 'awaiting-upload', scan: 'pending', sha256 });
    expect(convocationPapers(declared.session)).toEqual([]);
    expect(() => completePaper(declared.session, 1, 'p1', undefined, { verdict: 'pending' }, principal, now)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    expect(() => completePaper(declared.session, 1, 'p1', { sha256: '0'.repeat(64), sizeBytes: pdf.length, content: pdf }, { verdict: 'pending' }, principal, now)).toThrow(expect.objectContaining({ code: 'checksum-mismatch' }));
    const text = Buffer.from('not a pdf');
    const other = declarePaper(session(), 1, { ...declaration('p2'), sizeBytes: text.length, sha256: createHash('sha256').update(text).digest('hex') }, secretary, now).session;
    expect(() => completePaper(other, 1, 'p2', { sha256: createHash('sha256').update(text).digest('hex'), sizeBytes: text.length, content: text }, { verdict: 'pending' }, principal, now)).toThrow(expect.objectContaining({ code: 'paper-refused' }));
    expect(() => completePaper(declared.session, 1, 'p1', { sha256, sizeBytes: pdf.length, content: pdf }, { verdict: 'pending' }, { ...principal, sub: 'someone-else' }, now)).toThrow(expect.objectContaining({ code: 'forbidden' }));

    const attached = completePaper(declared.session, 1, 'p1', { sha256, sizeBytes: pdf.length, content: pdf }, { verdict: 'pending' }, principal, now)!;
    expect(paperOf(attached.session, 1, 'p1').paper).toMatchObject({ status: 'attached', scan: 'pending' });
    expect(completePaper(attached.session, 1, 'p1', { sha256, sizeBytes: pdf.length, content: pdf }, notScanned, principal, now)).toBeUndefined();
    expect(convocationPapers(attached.session)).toEqual([{ item: 1, id: 'p1', name: 'budget.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, sha256 }]);
    expect(agendaDigest(attached.session)).not.toBe(agendaDigest(declared.session));
  });

  it('is served to others once the scanner released it, never once quarantined', () => {
    const declared = declarePaper(session(), 1, declaration('p1'), secretary, now).session;
    const attached = completePaper(declared, 1, 'p1', { sha256, sizeBytes: pdf.length, content: pdf }, { verdict: 'pending' }, principal, now)!.session;
    const pending = paperOf(attached, 1, 'p1').paper;
    expect(() => requireServablePaper(pending, 'member')).toThrow(expect.objectContaining({ code: 'file-not-scanned-yet' }));
    expect(() => requireServablePaper(pending, 's1')).not.toThrow();
    const released = recordPaperScan(attached, 1, 'p1', { verdict: 'clean', tag: 'NO_THREATS_FOUND' }, now)!;
    expect(released.event.type).toBe('paper-released');
    expect(() => requireServablePaper(paperOf(released.session, 1, 'p1').paper, 'member')).not.toThrow();
    const quarantined = recordPaperScan(attached, 1, 'p1', { verdict: 'withheld', tag: 'THREATS_FOUND' }, now)!;
    expect(() => requireServablePaper(paperOf(quarantined.session, 1, 'p1').paper, 's1')).toThrow(expect.objectContaining({ code: 'file-quarantined' }));
    expect(convocationPapers(quarantined.session)).toEqual([]);
  });

  it("is published as an OParl File for a public item only: a closed item's papers never", () => {
    let current = session();
    for (const number of [1, 2]) {
      current = declarePaper(current, number, declaration(`p${number}`), secretary, now).session;
      current = completePaper(current, number, `p${number}`, { sha256, sizeBytes: pdf.length, content: pdf }, notScanned, principal, now)!.session;
    }
    const [open, closed] = current.agenda as [Session['agenda'][number], Session['agenda'][number]];
    expect(publishedPapers(open).map((paper) => paper.id)).toEqual(['p1']);
    expect(publishedPapers(closed)).toEqual([]);
    const urls = new OparlUrls('https://api.example');
    expect(oparlAgendaItem(urls, current, open).auxiliaryFile).toEqual([
      expect.objectContaining({ type: 'https://schema.oparl.org/1.1/File', mimeType: 'application/pdf', size: pdf.length, accessUrl: `https://api.example/oparl/v1/files/rabat~${current.id}~1~p1/download` }),
    ]);
    expect((oparlAgendaItem(urls, current, open).auxiliaryFile as Record<string, unknown>[])[0]!.sha512Checksum).toBeUndefined();
    expect(oparlAgendaItem(urls, current, closed).auxiliaryFile).toBeUndefined();
  });

  it('joins an item until the session is closed, ten at most', () => {
    let current = session();
    for (let index = 0; index < MAX_PAPERS_PER_ITEM; index += 1) current = declarePaper(current, 1, declaration(`p${index}`), secretary, now).session;
    expect(() => declarePaper(current, 1, declaration('one-more'), secretary, now)).toThrow(expect.objectContaining({ code: 'paper-refused' }));
    expect(() => declarePaper(current, 3, declaration('nowhere'), secretary, now)).toThrow(expect.objectContaining({ code: 'not-found' }));
    const closed = { ...current, status: 'sitting' as const };
    expect(() => declarePaper(closeSession(closed, secretary, now).session, 2, declaration('late'), secretary, now)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
  });
});
