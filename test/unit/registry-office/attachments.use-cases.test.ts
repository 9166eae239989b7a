// A letter's attachments with in-memory ports: who may declare, what a completion accepts (and removes when it
// refuses), and when a read is served: released by the scanner's tag, logged, never for a quarantined file nor to
// an agent kept off a confidential letter.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  completeLetterAttachment,
  declareLetterAttachment,
  letterAttachmentReads,
  readLetterAttachment,
  type AttachmentRead,
  type AttachmentsDependencies,
} from '../../../functions/registry-office/application/attachments.use-cases.ts';
import { AttachmentRefusedError, MAX_ATTACHMENTS_PER_LETTER } from '../../../functions/registry-office/domain/attachment.ts';
import { registerLetter, routeLetter, type Letter, type LetterChange } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ChecksumMismatchError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError } from '../../../functions/shared/errors/domain-errors.ts';
import { MINIMAL_PDF, WINDOWS_PROGRAM } from '../../fixtures/attachment-files.ts';

const now = new Date('2026-06-15T09:00:00Z');
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const clerk: Principal = { sub: 'clerk-1', roles: ['clerk'], commune: 'rabat' };
const agentOnList: Principal = { sub: 'agent-1', roles: ['agent'], commune: 'rabat' };
const agentOffList: Principal = { sub: 'agent-2', roles: ['agent'], commune: 'rabat' };
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const pdf = { name: 'plan.pdf', contentType: 'application/pdf', sizeBytes: MINIMAL_PDF.length, sha256: sha256(MINIMAL_PDF) } as const;

function lodgedLetter(confidentiality: Letter['confidentiality'] = 'normal'): Letter {
  const registered = registerLetter(
    { id: 'letter-1', commune: 'rabat', register: 'incoming', channel: 'online', lodgedBy: citizen.sub, subject: 'Chaussée', confidentiality, priority: 'normal' },
    { format: DEFAULT_NUMBER_FORMAT, sequence: 7 },
    { sub: citizen.sub, role: 'citizen' },
    now,
  ).letter;
  return routeLetter(registered, 'voirie', [{ mode: 'recipient', sub: agentOnList.sub }], { sub: clerk.sub, role: 'clerk' }, now).letter;
}

interface Fakes {
  dependencies: AttachmentsDependencies;
  saved: LetterChange[];
  reads: AttachmentRead[];
  discarded: string[];
  objects: Map<string, Uint8Array>;
  tags: Map<string, string>;
  stored: () => Letter;
}

function fakes(letter: Letter, options: { scannerDeployed?: boolean } = {}): Fakes {
  let stored = letter;
  const saved: LetterChange[] = [];
  const reads: AttachmentRead[] = [];
  const discarded: string[] = [];
  const objects = new Map<string, Uint8Array>();
  const tags = new Map<string, string>();
  let ids = 0;
  const save = async (change: LetterChange) => {
    saved.push(change);
    stored = change.letter;
  };
  const dependencies: AttachmentsDependencies = {
    repository: {
      get: vi.fn(async () => stored),
      save: vi.fn(save),
      recordRead: vi.fn(async (read) => void reads.push(read)),
      saveWithRead: vi.fn(async (change, read) => {
        await save(change);
        reads.push(read);
      }),
      reads: vi.fn(async () => ({ items: [...reads].reverse() })),
    },
    store: {
      objectKey: (letterId, attachmentId) => `letters/${letterId}/${attachmentId}`,
      uploadUrl: vi.fn(async (key) => ({ url: `https://bucket/${key}`, headers: { 'x-amz-checksum-sha256': 'signed' }, expiresAt: '2026-06-15T09:15:00.000Z' })),
      contents: vi.fn(async (key, keepUpTo) => {
        const content = objects.get(key);
        return content && { sha256: sha256(content), sizeBytes: content.length, ...(content.length <= keepUpTo && { content }) };
      }),
      scanTag: vi.fn(async (key) => tags.get(key)),
      discard: vi.fn(async (key) => {
        discarded.push(key);
        objects.delete(key);
      }),
      viewUrl: vi.fn(async (key) => ({ url: `https://bucket/${key}?signed`, expiresAt: '2026-06-15T09:05:00.000Z' })),
    },
    newAttachmentId: () => `attachment-${(ids += 1)}`,
    scannerDeployed: options.scannerDeployed ?? true,
  };
  return { dependencies, saved, reads, discarded, objects, tags, stored: () => stored };
}

async function uploaded(letter: Letter, content: Uint8Array, options: { scannerDeployed?: boolean } = {}) {
  const world = fakes(letter, options);
  const { attachment } = await declareLetterAttachment(world.dependencies, letter.id, pdf, citizen, now);
  world.objects.set(`letters/${letter.id}/${attachment.id}`, content);
  return { ...world, attachmentId: attachment.id, objectKey: `letters/${letter.id}/${attachment.id}` };
}

describe('declaring an attachment', () => {
  it('records the declaration on the letter, then signs its upload URL with the declared SHA-256', async () => {
    const world = fakes(lodgedLetter());

    const declared = await declareLetterAttachment(world.dependencies, 'letter-1', { ...pdf, sha256: pdf.sha256.toUpperCase() }, citizen, now);

    expect(declared.attachment).toMatchObject({ status: 'awaiting-upload', scan: 'pending', sha256: pdf.sha256, declaredBy: { sub: citizen.sub, role: 'citizen' } });
    expect(world.saved.map((change) => change.event.type)).toEqual(['attachment-declared']);
    expect(world.dependencies.store.uploadUrl).toHaveBeenCalledWith(`letters/letter-1/${declared.attachment.id}`, pdf.sha256, 'application/pdf');
    expect(declared.upload.method).toBe('PUT');
  });

  it('is refused to an agent, who does not attach, with nothing written or signed', async () => {
    const world = fakes(lodgedLetter());

    await expect(declareLetterAttachment(world.dependencies, 'letter-1', pdf, agentOnList, now)).rejects.toThrow(ForbiddenError);
    expect(world.saved).toEqual([]);
    expect(world.dependencies.store.uploadUrl).not.toHaveBeenCalled();
  });

  it(`takes ${MAX_ATTACHMENTS_PER_LETTER} files a letter and refuses the next`, async () => {
    const world = fakes(lodgedLetter());
    for (let file = 0; file < MAX_ATTACHMENTS_PER_LETTER; file += 1) await declareLetterAttachment(world.dependencies, 'letter-1', pdf, clerk, now);

    await expect(declareLetterAttachment(world.dependencies, 'letter-1', pdf, clerk, now)).rejects.toThrow(AttachmentRefusedError);
    expect(world.stored().attachments).toHaveLength(MAX_ATTACHMENTS_PER_LETTER);
  });
});

describe('completing an attachment', () => {
  it('attaches the declared content, its scan pending while the object has no tag', async () => {
    const world = await uploaded(lodgedLetter(), MINIMAL_PDF);

    const attachment = await completeLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now);

    expect(attachment).toMatchObject({ status: 'attached', scan: 'pending', attachedAt: now.toISOString() });
    expect(world.saved.at(-1)?.event).toMatchObject({ type: 'attached', details: { attachment: { id: world.attachmentId, sha256: pdf.sha256 }, scan: 'pending' } });
    expect(world.discarded).toEqual([]);
  });

  it('releases it at once when the tag is already there', async () => {
    const world = await uploaded(lodgedLetter(), MINIMAL_PDF, { scannerDeployed: false });
    world.tags.set(world.objectKey, 'NOT_SCANNED_LOCALLY');

    const attachment = await completeLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now);

    expect(attachment).toMatchObject({ scan: 'not-scanned', scanResult: { tag: 'NOT_SCANNED_LOCALLY' } });
  });

  it('refuses other bytes than those declared, removes them and leaves the letter as it was', async () => {
    const tampered = Buffer.from(MINIMAL_PDF.toString().replace('Count 0', 'Count 1'));
    const world = await uploaded(lodgedLetter(), tampered);
    const before = world.saved.length;

    await expect(completeLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now)).rejects.toThrow(ChecksumMismatchError);
    expect(world.discarded).toEqual([world.objectKey]);
    expect(world.saved).toHaveLength(before);
  });

  it('refuses content of another type than declared (a program declared as a PDF) and removes it', async () => {
    const letter = lodgedLetter();
    const world = fakes(letter);
    const declared = await declareLetterAttachment(world.dependencies, letter.id, { ...pdf, sizeBytes: WINDOWS_PROGRAM.length, sha256: sha256(WINDOWS_PROGRAM) }, citizen, now);
    world.objects.set(`letters/letter-1/${declared.attachment.id}`, WINDOWS_PROGRAM);

    await expect(completeLetterAttachment(world.dependencies, 'letter-1', declared.attachment.id, citizen, now)).rejects.toThrow(AttachmentRefusedError);
    expect(world.discarded).toEqual([`letters/letter-1/${declared.attachment.id}`]);
    expect(world.stored().attachments?.[0]?.status).toBe('awaiting-upload');
  });

  it('is refused to anyone but the one who declared the file', async () => {
    const world = await uploaded(lodgedLetter(), MINIMAL_PDF);

    await expect(completeLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, clerk, now)).rejects.toThrow(ForbiddenError);
    expect(world.dependencies.store.contents).not.toHaveBeenCalled();
  });
});

describe('reading an attachment', () => {
  async function attached(letter: Letter, options: { scannerDeployed?: boolean } = {}) {
    const world = await uploaded(letter, MINIMAL_PDF, options);
    await completeLetterAttachment(world.dependencies, letter.id, world.attachmentId, citizen, now);
    return world;
  }

  it('is not served to others before the scan, and costs them nothing but the tag read', async () => {
    const world = await attached(lodgedLetter());

    await expect(readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, clerk, now)).rejects.toThrow(FileNotScannedYetError);
    expect(world.reads).toEqual([]);
  });

  it('is served to its uploader before the scan, the read logged', async () => {
    const world = await attached(lodgedLetter());

    const read = await readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now);

    expect(read.url).toContain(world.objectKey);
    expect(world.reads).toEqual([{ letterId: 'letter-1', attachmentId: world.attachmentId, by: { sub: citizen.sub, roles: ['citizen'] }, at: now.toISOString(), linkExpiresAt: read.expiresAt }]);
  });

  it('is released when the scanner found no threat: the release and the read in one write', async () => {
    const world = await attached(lodgedLetter());
    world.tags.set(world.objectKey, 'NO_THREATS_FOUND');

    const read = await readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, clerk, now);

    expect(read.attachment.scan).toBe('clean');
    expect(world.dependencies.repository.saveWithRead).toHaveBeenCalledTimes(1);
    expect(world.saved.at(-1)?.event).toMatchObject({ type: 'attachment-released', details: { scan: 'clean', tag: 'NO_THREATS_FOUND' } });
    expect(world.reads.map((entry) => entry.by.sub)).toEqual([clerk.sub]);
  });

  it('is released as not scanned only where no scanner is deployed', async () => {
    const local = await attached(lodgedLetter(), { scannerDeployed: false });
    local.tags.set(local.objectKey, 'NOT_SCANNED_LOCALLY');
    expect((await readLetterAttachment(local.dependencies, 'letter-1', local.attachmentId, clerk, now)).attachment.scan).toBe('not-scanned');

    const aws = await attached(lodgedLetter(), { scannerDeployed: true });
    aws.tags.set(aws.objectKey, 'NOT_SCANNED_LOCALLY');
    await expect(readLetterAttachment(aws.dependencies, 'letter-1', aws.attachmentId, clerk, now)).rejects.toThrow(FileQuarantinedError);
    expect(aws.stored().attachments?.[0]?.scan).toBe('quarantined');
  });

  it.each(['THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'])('is quarantined for good when the scan says %s, served to no one', async (tag) => {
    const world = await attached(lodgedLetter());
    world.tags.set(world.objectKey, tag);

    await expect(readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, clerk, now)).rejects.toThrow(FileQuarantinedError);
    await expect(readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now)).rejects.toThrow(FileQuarantinedError);
    expect(world.saved.at(-1)?.event.type).toBe('attachment-quarantined');
    expect(world.dependencies.store.viewUrl).not.toHaveBeenCalled();
  });

  it("of a confidential letter, is refused to an agent not on its list, and read by one who is", async () => {
    const world = await attached(lodgedLetter('confidential'));
    world.tags.set(world.objectKey, 'NO_THREATS_FOUND');
    const tagReads = vi.mocked(world.dependencies.store.scanTag).mock.calls.length;

    await expect(readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, agentOffList, now)).rejects.toThrow(ForbiddenError);
    expect(vi.mocked(world.dependencies.store.scanTag).mock.calls).toHaveLength(tagReads);
    expect((await readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, agentOnList, now)).attachment.scan).toBe('clean');
  });
});

describe('the log of attachment reads', () => {
  it('shows the registry office, auditors and the citizen who lodged the letter who read what, and no one else', async () => {
    const world = await uploaded(lodgedLetter(), MINIMAL_PDF);
    await completeLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, citizen, now);
    world.tags.set(world.objectKey, 'NO_THREATS_FOUND');
    await readLetterAttachment(world.dependencies, 'letter-1', world.attachmentId, agentOnList, now);

    for (const reader of [citizen, clerk, { sub: 'auditor-1', roles: ['auditor'] } as Principal]) {
      const page = await letterAttachmentReads(world.dependencies.repository, 'letter-1', reader, { limit: 20 });
      expect(page.items.map((read) => read.by.sub)).toEqual([agentOnList.sub]);
    }
    await expect(letterAttachmentReads(world.dependencies.repository, 'letter-1', agentOnList, { limit: 20 })).rejects.toThrow(ForbiddenError);
  });
});
