// Permits against DynamoDB Local with the real deadline workflow (ASL on the local runner, started through the
// Step Functions API) on a virtual clock: the lapse, a race at the deadline, and the nightly repair.
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permitsService } from '../../functions/permits/permits.service.ts';
import { DynamoDbPermitsRepository } from '../../functions/permits/adapters/dynamodb-permits.repository.ts';
import { permitIdentifiers } from '../../functions/permits/adapters/permit-identifiers.ts';
import { StepFunctionsDeadlineWorkflow } from '../../functions/shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { decidePermit } from '../../functions/permits/application/change-permit.use-cases.ts';
import { checkPermitDeadline, sweepOverduePermits } from '../../functions/permits/application/check-deadline.use-case.ts';
import { filePermitApplication, type PermitsWithWorkflow } from '../../functions/permits/application/file-permit.use-case.ts';
import { DeadlineLapsedError, filePermit } from '../../functions/permits/domain/permit.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import type { DeadlineCheckRequest } from '../../functions/shared/case-clock/domain/deadline-check.ts';
import { ConflictError, IdempotencyKeyReusedError } from '../../functions/shared/errors/domain-errors.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { LocalWorkflows, localStateMachineArn } from '../../lib/local/local-workflows.ts';
import { startStepFunctionsEndpoint, type RunningStepFunctionsEndpoint } from '../../lib/local/step-functions-endpoint.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import type { LocalStreams } from '../../lib/local/local-streams.ts';
import { permitEventsConsumer, permitHistoryConsumer } from './follow-permit-events.ts';
import { localPapers } from './local-papers.ts';
import { followStreams, freshTablesWithReferenceData, localDocumentClient, localDynamoDb } from './local-aws.ts';

const clock = new VirtualClock(new Date('2026-12-01T09:00:00Z'));
const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const president: Principal = { sub: 'president-1', roles: ['president'], commune: 'rabat' };
const application = { applicant: citizen.sub, procedure: 'building-small', commune: 'rabat', project: { title: 'Maison', address: '12 rue X' } };

let dependencies: PermitsWithWorkflow;
let repository: DynamoDbPermitsRepository;
let workflows: LocalWorkflows;
let endpoint: RunningStepFunctionsEndpoint;
let streams: LocalStreams;
/** Starts of a deadline workflow that fail before reaching Step Functions. */
let startFailures = 0;

describe('permits on DynamoDB Local with the real deadline workflow', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(permitsService.tables ?? []);
    const documents = localDocumentClient();
    repository = new DynamoDbPermitsRepository(documents, names.permits!, names.reference!);
    const core = { repository, identifiers: permitIdentifiers };
    workflows = new LocalWorkflows(
      {
        clock,
        resolveFunction: () => async (event: DeadlineCheckRequest) => checkPermitDeadline(core, event.subject, clock.now()),
        dynamodb: localDynamoDb(),
        tableName: (id) => names[id]!,
      },
      (permitsService.stateMachines ?? []).filter((machine) => machine.id === 'permit-deadline'),
    );
    endpoint = await startStepFunctionsEndpoint(workflows);
    const sfn = new SFNClient({ endpoint: endpoint.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const stepFunctions = new StepFunctionsDeadlineWorkflow(sfn, localStateMachineArn('permit-deadline'), 'permit');
    const workflow = {
      watch: async (permitId: string, version: number) => {
        if (startFailures > 0) {
          startFailures -= 1;
          throw new Error('Step Functions did not answer (fault injected by the test)');
        }
        return stepFunctions.watch(permitId, version);
      },
    };
    dependencies = { ...core, workflow };
    // The workflow starts as in AWS: the filing's event, carried by the table's stream to the permits' consumer.
    streams = followStreams(clock, names, [permitEventsConsumer({ ...dependencies, papers: (await localPapers('integration-permits')).papers }), permitHistoryConsumer(dependencies.repository)]);
  });

  afterAll(async () => {
    await streams.stop();
    await workflows.stop();
    await endpoint.stop();
    clock.dispose();
  });

  it('records the lapse the moment the deadline passes in silence', async () => {
    const permit = await filePermitApplication(dependencies, application, clock.now());
    expect(permit.clock.dueDate).toBe('2026-12-16');

    await clock.set(new Date('2026-12-16T23:00:00Z'));
    expect((await repository.get(permit.id))?.status).toBe('filed');
    await clock.set(new Date('2026-12-17T01:00:00Z'));

    const lapsed = await repository.get(permit.id);
    expect(lapsed).toMatchObject({ status: 'deemed-approval-available', version: 2 });
    expect(Date.parse(lapsed!.lapsedAt!)).toBeLessThan(Date.parse('2026-12-17T00:00:01Z'));
    const history = await repository.history(permit.id, { limit: 10 });
    expect(history.items.map((event) => `${event.type}:${event.by.role}`)).toEqual(['filed:citizen', 'deadline-lapsed:system']);
  });

  it('ends a decision racing the lapse at the deadline in exactly one outcome', async () => {
    const permit = await filePermitApplication(dependencies, application, clock.now());
    const justBefore = new Date(Date.parse(permit.clock.dueAt) - 1);
    const justAfter = new Date(Date.parse(permit.clock.dueAt) + 1);

    const [decision, check] = await Promise.allSettled([
      decidePermit(dependencies, permit.id, { outcome: 'approved', reasons: 'conform' }, president, justBefore),
      checkPermitDeadline(dependencies, permit.id, justAfter),
    ]);

    const stored = await repository.get(permit.id);
    // The history's consumer writes each change's entry from its event.
    await clock.quiescent();
    const events = (await repository.history(permit.id, { limit: 10 })).items.map((event) => event.type);
    expect(stored?.version).toBe(2);
    expect(events).toHaveLength(2);
    if (stored?.status === 'approved') {
      expect(check).toMatchObject({ status: 'fulfilled', value: { state: 'closed' } });
      expect(events[1]).toBe('decided');
    } else {
      expect(stored?.status).toBe('deemed-approval-available');
      // The decision lost the race: at its write (a conflict), or at its read when the lapse was already recorded.
      expect(decision.status).toBe('rejected');
      const refusal = decision.status === 'rejected' ? decision.reason : undefined;
      expect(refusal instanceof ConflictError || refusal instanceof DeadlineLapsedError).toBe(true);
      expect(events[1]).toBe('deadline-lapsed');
    }
  });

  it('repairs, in the nightly sweep, a permit whose workflow never ran', async () => {
    const filedAt = clock.now();
    const orphan = filePermit(
      {
        id: permitIdentifiers.newPermitId(),
        receiptNumber: 'RCP-RABAT-2026-ORPHAN',
        procedure: { code: 'building-small', names: { ar: 'رخصة البناء', fr: 'Permis de construire' }, category: 'urbanism', period: { days: 15, unit: 'calendar' }, deemedApproval: 'on-request' },
        commune: { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } },
        applicant: citizen.sub,
        project: application.project,
      },
      new Set(),
      filedAt,
    );
    await repository.create(orphan, []);

    const beforeDeadline = await sweepOverduePermits(dependencies, new Date(Date.parse(orphan.permit.clock.dueAt) - 1000));
    const afterDeadline = await sweepOverduePermits(dependencies, new Date(Date.parse(orphan.permit.clock.dueAt) + 1000));

    expect(beforeDeadline.lapsed).toBe(0);
    expect(afterDeadline.lapsed).toBeGreaterThanOrEqual(1);
    expect((await repository.get(orphan.permit.id))?.status).toBe('deemed-approval-available');
  });

  it('gives one permit, one receipt number and one running workflow when the workflow start fails once and the client retries', async () => {
    const filing = { ...application, applicant: 'citizen-retrying', idempotencyKey: 'filing-key-1' };
    startFailures = 1;

    const first = await filePermitApplication(dependencies, filing, clock.now());
    // The client never got the answer (a dropped connection) and sends the same request again.
    const retried = await filePermitApplication(dependencies, filing, clock.now());
    await clock.quiescent();

    expect(startFailures).toBe(0);
    expect(retried).toMatchObject({ id: first.id, receiptNumber: first.receiptNumber, version: 1 });
    expect((await repository.listByApplicant(filing.applicant, { limit: 10 })).items.map((permit) => permit.receiptNumber)).toEqual([first.receiptNumber]);
    const running = workflows.listExecutions('permit-deadline').filter((execution) => execution.name.includes(first.id) && execution.status === 'RUNNING');
    expect(running).toHaveLength(1);
    expect(streams.deadLetters).toEqual([]);

    await clock.set(new Date(Date.parse(first.clock.dueAt) + 60_000));
    const history = await repository.history(first.id, { limit: 10 });
    expect(history.items.map((event) => event.type)).toEqual(['filed', 'deadline-lapsed']);
  });

  it('refuses the same Idempotency-Key for another filing of the same caller', async () => {
    const filing = { ...application, applicant: 'citizen-reusing', idempotencyKey: 'filing-key-2' };
    await filePermitApplication(dependencies, filing, clock.now());

    await expect(filePermitApplication(dependencies, { ...filing, project: { title: 'Autre', address: '3 rue Y' } }, clock.now())).rejects.toThrow(IdempotencyKeyReusedError);
  });
});
