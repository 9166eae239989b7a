// An officer's change meeting another write of the complaint, on DynamoDB Local: the platform's own suggestion of
// duplicates, written just after a filing while the unit already acts, does not make the officer's change fail
// (it is made again on the complaint as it now is); another officer's change that moved the status still does.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbComplaintsRepository } from '../../functions/complaints/adapters/dynamodb-complaints.repository.ts';
import { acknowledge } from '../../functions/complaints/application/change-complaint.use-cases.ts';
import type { ComplaintsDependencies, ComplaintsRepository } from '../../functions/complaints/application/complaints.ports.ts';
import { fileOnline } from '../../functions/complaints/application/file-complaint.use-case.ts';
import { complaintsService } from '../../functions/complaints/complaints.service.ts';
import { acknowledgeComplaint, type ComplaintChange } from '../../functions/complaints/domain/complaint.ts';
import { suggestDuplicates } from '../../functions/complaints/domain/complaint-duplicates.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { freshTablesWithReferenceData, localDocumentClient } from './local-aws.ts';

const officer: Principal = { sub: 'officer-rabat', roles: ['complaints-officer'], commune: 'rabat' };
const otherOfficer = { sub: 'officer-rabat-2', role: 'complaints-officer' } as const;
const now = new Date('2026-11-02T09:00:00Z');
const filing = { commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Lampadaires éteints rue Oued Ziz' } as const;

let repository: ComplaintsRepository;
let dependencies: ComplaintsDependencies;

/** The repository, with `write` slipped in once between the officer's read and the officer's write. */
function racedBy(write: (id: string) => Promise<void>): ComplaintsRepository {
  let raced = false;
  return new Proxy(repository, {
    get(target, property, receiver) {
      if (property !== 'save') return Reflect.get(target, property, receiver) as unknown;
      return async (change: ComplaintChange) => {
        if (!raced) {
          raced = true;
          await write(change.complaint.id);
        }
        return target.save(change);
      };
    },
  });
}

describe("an officer's change meeting another write", () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(complaintsService.tables ?? []);
    repository = new DynamoDbComplaintsRepository(localDocumentClient(), names.complaints!, () => names.reference!);
    dependencies = { repository, identifiers: { complaintIdFor: () => randomUUID(), newComplaintId: () => randomUUID(), newFollowUpToken: () => 'token' } };
  });

  it("is made again over the platform's suggestion of duplicates, which stays", async () => {
    const complaint = await fileOnline(dependencies, filing, 'citizen-1', { now });
    const suggested = racedBy(async (id) => {
      const fresh = (await repository.get(id))!;
      await repository.save(suggestDuplicates(fresh, { nearby: [], sameText: ['another-complaint'] }, now)!);
    });

    const acknowledged = await acknowledge(suggested, complaint.id, officer, now);

    expect(acknowledged.status).toBe('acknowledged');
    const stored = (await repository.get(complaint.id))!;
    expect(stored).toMatchObject({ status: 'acknowledged', suggestedDuplicates: [{ id: 'another-complaint', reason: 'same-text' }], version: complaint.version + 2 });
  });

  it("stays a conflict when another officer's change moved the status first", async () => {
    const complaint = await fileOnline(dependencies, filing, 'citizen-2', { now });
    const overtaken = racedBy(async (id) => {
      await repository.save(acknowledgeComplaint((await repository.get(id))!, otherOfficer, now));
    });

    await expect(acknowledge(overtaken, complaint.id, officer, now)).rejects.toMatchObject({ code: 'conflict' });
    expect((await repository.get(complaint.id))!).toMatchObject({ status: 'acknowledged', acknowledgment: { by: otherOfficer } });
  });
});
