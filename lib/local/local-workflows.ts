// The local Step Functions service: runs the platform's real ASL files in process with aws-local-stepfunctions,
// with Task states calling in-process functions and DynamoDB, and Wait states following the virtual clock.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  type GetItemCommandInput,
  type PutItemCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidExecutionInput,
  InvalidName,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { StateMachineDescription } from '../../functions/shared/service-description.ts';
import type { VirtualClock } from './virtual-clock.ts';

const LOCAL_REGION = 'us-east-1';
const LOCAL_ACCOUNT = '000000000000';
const REPOSITORY_ROOT = new URL('../../', import.meta.url);

// aws-local-stepfunctions races every Task against a real setTimeout, and setTimeout turns delays above
// 2^31-1 ms into 1 ms: this is the longest Task timeout that stays a timeout.
const MAX_REAL_TASK_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

// In-process functions are not killed at a timeout; their context reports Lambda's maximum.
const LOCAL_FUNCTION_TIMEOUT_MS = 900_000;

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_FUNCTION_ARN = /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[^:]+(:[^:]+)?$/;
const DYNAMODB_ACTIONS = ['getItem', 'putItem', 'updateItem', 'deleteItem'] as const;
type DynamoDbAction = (typeof DYNAMODB_ACTIONS)[number];

/** The resource of the Task states that stand for Wait states; their local handler does the waiting. */
const VIRTUAL_CLOCK_WAIT = 'arn:aws:states:::raqmana-local:virtual-clock-wait';

/** The resource of the Task states that stand for Distributed Map states; their local handler runs the map. */
const DISTRIBUTED_MAP = 'arn:aws:states:::raqmana-local:distributed-map';

/** ASL features aws-local-stepfunctions would silently ignore, which would make local runs lie. */
const UNSUPPORTED_FIELDS = ['Assign', 'ResultWriter', 'Credentials'];

/** The fields of a Distributed Map state the local rewrite honours; any other is refused at registration. */
const DISTRIBUTED_MAP_FIELDS = new Set([
  'Type', 'Comment', 'ItemReader', 'ItemBatcher', 'ItemProcessor', 'MaxConcurrency', 'ToleratedFailurePercentage',
  'InputPath', 'ResultSelector', 'ResultPath', 'OutputPath', 'Retry', 'Catch', 'Next', 'End', 'Label',
]);

// Step Functions' rule for execution names: 1 to 80 characters, none of these.
const FORBIDDEN_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

type TaskHandler = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>[string];
type JsonValue = Parameters<TaskHandler>[0];
type EventLogs = ReturnType<StateMachine['run']>['eventLogs'];

type AslValidator = (
  definition: unknown,
  options: { checkArn: boolean; checkPaths: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
// asl-validator is CommonJS without type declarations.
const validateAsl = createRequire(import.meta.url)('asl-validator') as AslValidator;

/** An in-process Lambda handler. Its event type is each function's own business, as with aws-lambda's `Handler`. */
export type LocalFunctionHandler = (event: any, context: Context) => unknown;

export interface LocalWorkflowsOptions {
  readonly clock: VirtualClock;
  /** The handler of a function of the platform, by its id (`SendReminder`). */
  readonly resolveFunction: (functionId: string) => LocalFunctionHandler | Promise<LocalFunctionHandler>;
  readonly dynamodb: DynamoDBClient;
  /** The physical name of a table of the platform, by its id. */
  readonly tableName: (tableId: string) => string;
  /** The S3 server Distributed Map ItemReaders read from, and the physical name of a bucket by its id. */
  readonly s3?: { readonly client: S3Client; readonly bucketName: (bucketId: string) => string };
  /**
   * A file that keeps the executions still running, so that a restart of the local platform resumes them
   * (from their first state: workflows re-read what they act on, so running one again is safe).
   */
  readonly journalFile?: string;
}

interface JournalEntry {
  readonly stateMachineId: string;
  readonly name: string;
  readonly input: unknown;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionDescription {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly input: JsonValue;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  /** States entered so far, those inside Map and Parallel states included. */
  readonly stateTransitions: number;
}

export interface StartExecutionRequest {
  readonly stateMachineId: string;
  /** Unique per state machine; a random UUID when omitted, as in Step Functions. */
  readonly name?: string;
  /** Any JSON value; `{}` when omitted. */
  readonly input?: unknown;
}

export interface StartedExecution {
  readonly executionArn: string;
  readonly startDate: Date;
}

/** The ARN a function of the platform has locally, which `${Placeholder}` substitutions put in ASL files. */
export function localFunctionArn(functionId: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${functionId}`;
}

export function localStateMachineArn(stateMachineId: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${stateMachineId}`;
}

function localExecutionArn(stateMachineId: string, name: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${stateMachineId}:${name}`;
}

type AslObject = Record<string, unknown>;

interface AslStateMachine {
  StartAt: string;
  States: Record<string, AslObject>;
  TimeoutSeconds?: number;
  QueryLanguage?: string;
}

/** Builds a Task's local handler for one execution; `handlers` are all of that execution's, for child runs. */
type TaskHandlerFactory = (executionSignal: AbortSignal, handlers: Readonly<Record<string, TaskHandler>>) => TaskHandler;

interface RegisteredStateMachine {
  readonly id: string;
  readonly arn: string;
  readonly stateMachine: StateMachine;
  /** The execution timeout, enforced on the virtual clock rather than by aws-local-stepfunctions. */
  readonly timeoutSeconds: number | undefined;
  /** Local handlers by Task state name (state names are unique across a whole definition). */
  readonly taskHandlers: ReadonlyMap<string, TaskHandlerFactory>;
  /** By execution name, in start order. */
  readonly executions: Map<string, ExecutionRecord>;
}

interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: JsonValue;
  readonly inputText: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: JsonValue;
  error?: string;
  cause?: string;
  stateTransitions: number;
  /** Aborted to stop the execution, and once it has finished to clear its timers. */
  readonly stopping: AbortController;
  stoppedAs?: 'ABORTED' | 'TIMED_OUT';
}

/** A Task failure as Step Functions reports it: `name` is the error matched by Retry and Catch, `message` the cause. */
class TaskFailure extends Error {
  constructor(errorName: string, cause: string) {
    super(cause);
    this.name = errorName;
  }
}

/**
 * Step Functions, locally. Each state machine is read from its ASL file, its `${Placeholders}` substituted
 * like CDK's `definitionSubstitutions`, validated, and checked to use only integrations that run locally:
 * `lambda:invoke` and Lambda function ARNs (in-process handlers), and the DynamoDB `getItem`, `putItem`,
 * `updateItem` and `deleteItem` integrations (the given client); Distributed Map states are rewritten into a
 * Task run here (S3 JSONL ItemReader, ItemBatcher, MaxConcurrency, ToleratedFailurePercentage; any other part of
 * them is refused). Executions run in the background as
 * tracked work of the virtual clock, so `clock.advance(...)` returns once they have caught up.
 *
 * Not on the virtual clock (aws-local-stepfunctions uses wall time for them): Retry intervals, Task
 * timeouts, and `$$.Execution.StartTime`.
 */
export class LocalWorkflows {
  readonly #options: LocalWorkflowsOptions;
  readonly #stateMachines = new Map<string, RegisteredStateMachine>();
  readonly #executionsByArn = new Map<string, ExecutionRecord>();
  readonly #runs = new Map<ExecutionRecord, Promise<void>>();
  /** Running executions by ARN, as kept in the journal file. */
  readonly #journal = new Map<string, JournalEntry>();
  #stopping = false;

  constructor(options: LocalWorkflowsOptions, stateMachines: readonly StateMachineDescription[]) {
    this.#options = options;
    for (const description of stateMachines) {
      if (this.#stateMachines.has(description.id)) {
        throw new Error(`State machine "${description.id}" is declared twice`);
      }
      this.#stateMachines.set(description.id, this.#register(description));
    }
  }

  startExecution(request: StartExecutionRequest): StartedExecution {
    const machine = this.#stateMachine(request.stateMachineId);
    const name = request.name ?? randomUUID();
    if (name.length === 0 || name.length > 80 || FORBIDDEN_NAME_CHARACTERS.test(name)) {
      throw new InvalidName({ message: `Invalid Name: '${name}'`, $metadata: {} });
    }
    const inputText = JSON.stringify(request.input ?? {});
    if (inputText === undefined) {
      throw new InvalidExecutionInput({ message: 'Invalid Execution Input: not JSON', $metadata: {} });
    }

    const existing = machine.executions.get(name);
    if (existing) {
      // Starting is idempotent for a running execution with the same input, as for standard workflows.
      if (existing.status === 'RUNNING' && existing.inputText === inputText) {
        return { executionArn: existing.executionArn, startDate: existing.startDate };
      }
      throw new ExecutionAlreadyExists({
        message: `Execution Already Exists: '${existing.executionArn}'`,
        $metadata: {},
      });
    }

    const record: ExecutionRecord = {
      executionArn: localExecutionArn(machine.id, name),
      stateMachineArn: machine.arn,
      name,
      input: JSON.parse(inputText) as JsonValue,
      inputText,
      startDate: this.#options.clock.now(),
      status: 'RUNNING',
      stateTransitions: 0,
      stopping: new AbortController(),
    };
    machine.executions.set(name, record);
    this.#executionsByArn.set(record.executionArn, record);
    this.#journal.set(record.executionArn, { stateMachineId: machine.id, name, input: record.input });
    this.#writeJournal();
    const run = this.#options.clock.runTracked(() => this.#run(machine, record)).finally(() => {
      // An execution the platform stopped stays in the journal, to be resumed on the next start.
      if (record.status !== 'ABORTED' || !this.#stopping) {
        this.#journal.delete(record.executionArn);
        this.#writeJournal();
      }
    });
    this.#runs.set(record, run);
    return { executionArn: record.executionArn, startDate: record.startDate };
  }

  describeExecution(executionArn: string): ExecutionDescription {
    const record = this.#executionsByArn.get(executionArn);
    if (!record) {
      throw new ExecutionDoesNotExist({ message: `Execution Does Not Exist: '${executionArn}'`, $metadata: {} });
    }
    return snapshotOf(record);
  }

  /** The executions of a state machine, most recent first. */
  listExecutions(stateMachineId: string): ExecutionDescription[] {
    return [...this.#stateMachine(stateMachineId).executions.values()].reverse().map(snapshotOf);
  }

  /** Aborts every running execution; resolves once they are all ABORTED. */
  /** Starts again every execution the journal kept from the previous run of the platform. */
  resumeJournal(): number {
    const file = this.#options.journalFile;
    if (!file || !existsSync(file)) return 0;
    const entries = JSON.parse(readFileSync(file, 'utf8')) as JournalEntry[];
    for (const entry of entries) this.startExecution({ stateMachineId: entry.stateMachineId, name: entry.name, input: entry.input });
    return entries.length;
  }

  #writeJournal(): void {
    if (this.#options.journalFile) writeFileSync(this.#options.journalFile, JSON.stringify([...this.#journal.values()]));
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    const running = [...this.#executionsByArn.values()].filter((record) => record.status === 'RUNNING');
    for (const record of running) stopExecution(record, 'ABORTED');
    await Promise.all(running.map((record) => this.#runs.get(record)));
  }

  #stateMachine(stateMachineId: string): RegisteredStateMachine {
    const machine = this.#stateMachines.get(stateMachineId);
    if (!machine) {
      throw new StateMachineDoesNotExist({
        message: `State Machine Does Not Exist: '${localStateMachineArn(stateMachineId)}'`,
        $metadata: {},
      });
    }
    return machine;
  }

  #register(description: StateMachineDescription): RegisteredStateMachine {
    const where = `State machine "${description.id}" (${description.definitionFile})`;
    const text = readFileSync(new URL(description.definitionFile, REPOSITORY_ROOT), 'utf8');
    const definition = JSON.parse(this.#substitute(text, description, where)) as AslStateMachine;

    // asl-validator fills in defaults, so it gets its own copy.
    const validation = validateAsl(structuredClone(definition), { checkArn: true, checkPaths: true });
    if (!validation.isValid) throw new Error(`${where} is invalid:\n${validation.errorsText('\n')}`);
    if (definition.QueryLanguage === 'JSONata') throw new Error(`${where} uses JSONata, which is not supported locally`);

    const taskHandlers = new Map<string, TaskHandlerFactory>();
    const distributedMaps: { stateName: string; state: AslObject }[] = [];
    for (const [stateName, state, siblings] of statesOf(definition)) {
      const inState = `${where}, state "${stateName}"`;
      if (state.QueryLanguage === 'JSONata') throw new Error(`${inState} uses JSONata, which is not supported locally`);
      const unsupportedField = UNSUPPORTED_FIELDS.find((field) => field in state);
      if (unsupportedField) throw new Error(`${inState} uses ${unsupportedField}, which is not supported locally`);

      if (isDistributedMap(state)) {
        checkDistributedMap(state, inState);
        distributedMaps.push({ stateName, state });
        siblings[stateName] = distributedMapAsTask(state);
      } else if ('ItemReader' in state || 'ItemBatcher' in state) {
        throw new Error(`${inState} uses ItemReader or ItemBatcher outside a Distributed Map (ProcessorConfig.Mode DISTRIBUTED)`);
      } else if (state.Type === 'Task') {
        taskHandlers.set(stateName, this.#taskHandler(state, inState));
        siblings[stateName] = withRealTimeoutBound(state);
      } else if (state.Type === 'Wait') {
        taskHandlers.set(stateName, this.#virtualWaitHandler());
        siblings[stateName] = waitAsTask(state);
      }
    }

    // After the loop, once the Tasks and Waits of each item processor are rewritten too.
    for (const { stateName, state } of distributedMaps) {
      const { ProcessorConfig, ...processor } = state.ItemProcessor as AslObject;
      const child = new StateMachine(processor as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
      taskHandlers.set(stateName, this.#distributedMapHandler(state, child));
    }

    const { TimeoutSeconds: timeoutSeconds, ...runnable } = definition;
    return {
      id: description.id,
      arn: localStateMachineArn(description.id),
      // Validated above; the rewrite only swaps Wait states for Tasks, and validating costs a fresh schema compilation.
      stateMachine: new StateMachine(runnable as unknown as StateMachineDefinition, {
        validationOptions: { noValidate: true },
      }),
      timeoutSeconds,
      taskHandlers,
      executions: new Map(),
    };
  }

  #substitute(text: string, description: StateMachineDescription, where: string): string {
    return text.replace(/\$\{([^}]*)\}/g, (placeholder: string, key: string) => {
      const substitution = description.substitutions?.[key];
      if (!substitution) throw new Error(`${where} uses ${placeholder}, which has no substitution`);
      const value =
        'functionId' in substitution
          ? localFunctionArn(substitution.functionId)
          : 'tableId' in substitution
            ? this.#options.tableName(substitution.tableId)
            : this.#s3(where).bucketName(substitution.bucketId);
      // The placeholder sits inside a JSON string.
      return JSON.stringify(value).slice(1, -1);
    });
  }

  #taskHandler(state: AslObject, inState: string): TaskHandlerFactory {
    const resource = String(state.Resource);
    if (resource === LAMBDA_INVOKE) {
      const parameters = (state.Parameters ?? {}) as AslObject;
      if (!('FunctionName' in parameters || 'FunctionName.$' in parameters)) {
        throw new Error(`${inState} calls lambda:invoke without a FunctionName`);
      }
      if ('InvocationType.$' in parameters || (parameters.InvocationType ?? 'RequestResponse') !== 'RequestResponse') {
        throw new Error(`${inState} uses an InvocationType other than RequestResponse, which is not supported locally`);
      }
      return (signal) => async (input) => {
        const { FunctionName, Payload } = input as { FunctionName: string; Payload?: JsonValue };
        const payload = await this.#invokeFunction(String(FunctionName), Payload ?? {}, signal);
        return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
      };
    }
    if (LAMBDA_FUNCTION_ARN.test(resource)) {
      return (signal) => (input) => this.#invokeFunction(resource, input, signal);
    }
    const dynamoDbAction = DYNAMODB_ACTIONS.find((action) => resource === `arn:aws:states:::dynamodb:${action}`);
    if (dynamoDbAction) {
      return (signal) => (input) => this.#callDynamoDb(dynamoDbAction, input, signal);
    }
    throw new Error(
      `${inState} uses ${resource}, which is not supported locally (supported: ${LAMBDA_INVOKE}, Lambda function ARNs, ` +
        `arn:aws:states:::dynamodb:${DYNAMODB_ACTIONS.join('|')})`,
    );
  }

  async #invokeFunction(functionName: string, event: JsonValue, signal: AbortSignal): Promise<JsonValue> {
    // aws-local-stepfunctions can still retry a Task of an aborted execution; a stopped execution calls nothing.
    signal.throwIfAborted();
    const functionId = functionIdOf(functionName);
    let handler: LocalFunctionHandler;
    try {
      handler = await this.#options.resolveFunction(functionId);
    } catch (error) {
      throw new TaskFailure('Lambda.ResourceNotFoundException', `Function not found: ${functionName} (${String(error)})`);
    }
    try {
      return asJson(await handler(asJson(event), lambdaContext(functionId)));
    } catch (error) {
      throw lambdaFailure(error);
    }
  }

  async #callDynamoDb(action: DynamoDbAction, input: JsonValue, signal: AbortSignal): Promise<JsonValue> {
    signal.throwIfAborted();
    try {
      const { $metadata, ...output } = await sendDynamoDbCommand(this.#options.dynamodb, action, input);
      return asJson(output);
    } catch (error) {
      // The DynamoDB integration prefixes service errors: Catch `DynamoDB.ConditionalCheckFailedException`.
      const failure = error instanceof Error ? error : new Error(String(error));
      throw new TaskFailure(`DynamoDB.${failure.name}`, failure.message);
    }
  }

  #s3(where: string): NonNullable<LocalWorkflowsOptions['s3']> {
    if (!this.#options.s3) throw new Error(`${where} reads from S3, and no S3 server was given to the local Step Functions`);
    return this.#options.s3;
  }

  /**
   * Runs a Distributed Map as Step Functions does, within what checkDistributedMap admits: reads the JSONL
   * object (one item per line; a line that is not JSON fails the map with States.ItemReaderFailed), groups the
   * items as ItemBatcher does (`{Items, BatchInput}`), runs one child execution of the item processor per batch
   * (per item without a batcher), at most MaxConcurrency at once, and fails with
   * States.ExceedToleratedFailureThreshold once more than ToleratedFailurePercentage of them have failed. The
   * output is the children's outputs in item order, a failed child's being its `{Error, Cause}`.
   */
  #distributedMapHandler(state: AslObject, child: StateMachine): TaskHandlerFactory {
    const batcher = state.ItemBatcher as { MaxItemsPerBatch?: number } | undefined;
    const maxConcurrency = typeof state.MaxConcurrency === 'number' && state.MaxConcurrency > 0 ? state.MaxConcurrency : Number.POSITIVE_INFINITY;
    const toleratedPercentage = typeof state.ToleratedFailurePercentage === 'number' ? state.ToleratedFailurePercentage : 0;
    return (signal, handlers) => async (parameters) => {
      const { reader, batchInput } = parameters as unknown as DistributedMapParameters;
      const items = await this.#readJsonLines(reader, signal);
      const inputs: JsonValue[] = batcher
        ? chunks(items, batcher.MaxItemsPerBatch ?? items.length).map((batch) => ({ Items: batch, ...(batchInput !== undefined && { BatchInput: batchInput }) }))
        : items;
      const outputs: JsonValue[] = new Array<JsonValue>(inputs.length).fill(null);
      let failures = 0;
      let next = 0;
      const exceeded = () => (failures * 100) / Math.max(inputs.length, 1) > toleratedPercentage;
      const worker = async () => {
        while (next < inputs.length && !exceeded()) {
          signal.throwIfAborted();
          const index = next++;
          const run = child.run(inputs[index]!, { noThrowOnAbort: true, overrides: { taskResourceLocalHandlers: handlers } });
          const abort = () => run.abort();
          signal.addEventListener('abort', abort, { once: true });
          try {
            outputs[index] = (await run.result) as JsonValue;
          } catch (error) {
            failures += 1;
            const failure = error instanceof Error && error.cause instanceof Error ? error.cause : error;
            outputs[index] = { Error: failure instanceof Error ? failure.name : 'Error', Cause: failure instanceof Error ? failure.message : String(failure) };
          } finally {
            signal.removeEventListener('abort', abort);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(maxConcurrency, Math.max(inputs.length, 1)) }, worker));
      signal.throwIfAborted();
      if (exceeded()) {
        throw new TaskFailure('States.ExceedToleratedFailureThreshold', `${failures} of ${inputs.length} child executions failed, more than the tolerated ${toleratedPercentage} %`);
      }
      return outputs;
    };
  }

  async #readJsonLines(reader: { Bucket?: unknown; Key?: unknown }, signal: AbortSignal): Promise<JsonValue[]> {
    signal.throwIfAborted();
    const { client } = this.#s3('A Distributed Map');
    let text: string;
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: String(reader.Bucket), Key: String(reader.Key) }));
      text = await object.Body!.transformToString('utf8');
    } catch (error) {
      if (error instanceof NoSuchKey) throw new TaskFailure('States.ItemReaderFailed', `No object s3://${String(reader.Bucket)}/${String(reader.Key)}`);
      throw error;
    }
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        try {
          return JSON.parse(line) as JsonValue;
        } catch {
          throw new TaskFailure('States.ItemReaderFailed', `Line ${index + 1} of s3://${String(reader.Bucket)}/${String(reader.Key)} is not JSON`);
        }
      });
  }

  #virtualWaitHandler(): TaskHandlerFactory {
    return (signal) => async (parameters) => {
      const { input, seconds, timestamp } = parameters as unknown as VirtualWaitParameters;
      await this.#options.clock.sleepUntil(wakeUpInstant(this.#options.clock.now(), seconds, timestamp), signal);
      return input;
    };
  }

  async #run(machine: RegisteredStateMachine, record: ExecutionRecord): Promise<void> {
    const { clock } = this.#options;
    const { stopping } = record;
    // Filled in one go; Distributed Map handlers hand the whole set to their child runs.
    const taskResourceLocalHandlers: Record<string, TaskHandler> = {};
    for (const [stateName, handlerFor] of machine.taskHandlers) {
      const handler = handlerFor(stopping.signal, taskResourceLocalHandlers);
      // Each Task call is tracked work of its own, so a busy branch of a Map or Parallel holds clock jumps
      // even while another branch is parked on a Wait.
      taskResourceLocalHandlers[stateName] = (input) => clock.runTracked(() => handler(input));
    }
    const execution = machine.stateMachine.run(record.input, {
      noThrowOnAbort: true,
      context: {
        Execution: { Id: record.executionArn, Name: record.name },
        StateMachine: { Id: machine.arn, Name: machine.id },
      },
      overrides: { taskResourceLocalHandlers },
    });

    stopping.signal.addEventListener('abort', () => execution.abort(), { once: true });
    if (machine.timeoutSeconds !== undefined) {
      const deadline = new Date(record.startDate.getTime() + machine.timeoutSeconds * 1000);
      clock.deadline(deadline, stopping.signal).then(
        () => stopExecution(record, 'TIMED_OUT'),
        () => undefined,
      );
    }

    const counting = countStateTransitions(execution.eventLogs, record);
    try {
      const output = await execution.result;
      if (record.stoppedAs === 'TIMED_OUT') {
        complete(record, clock, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
      } else if (record.stoppedAs === 'ABORTED') {
        complete(record, clock, { status: 'ABORTED' });
      } else {
        complete(record, clock, { status: 'SUCCEEDED', output });
      }
    } catch (error) {
      // aws-local-stepfunctions wraps the state's error: its name is the Step Functions error, its message the cause.
      const failure = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      complete(record, clock, {
        status: 'FAILED',
        error: failure instanceof Error ? failure.name : 'Error',
        cause: failure instanceof Error ? failure.message : String(failure),
      });
    } finally {
      // Clears the deadline and any Wait a failed Parallel branch left behind.
      stopping.abort(new Error('Execution finished'));
    }
    await counting;
  }
}

function* statesOf(machine: AslStateMachine): Generator<[string, AslObject, Record<string, AslObject>]> {
  for (const [name, state] of Object.entries(machine.States)) {
    yield [name, state, machine.States];
    if (state.Type === 'Parallel') {
      for (const branch of state.Branches as AslStateMachine[]) yield* statesOf(branch);
    } else if (state.Type === 'Map') {
      yield* statesOf((state.ItemProcessor ?? state.Iterator) as AslStateMachine);
    }
  }
}

/** Step Functions has no Task timeout by default; aws-local-stepfunctions defaults to 60 s and overflows above 24 days. */
function withRealTimeoutBound(task: AslObject): AslObject {
  if (task.TimeoutSecondsPath !== undefined) return task;
  const timeoutSeconds = typeof task.TimeoutSeconds === 'number' ? task.TimeoutSeconds : MAX_REAL_TASK_TIMEOUT_SECONDS;
  return { ...task, TimeoutSeconds: Math.min(timeoutSeconds, MAX_REAL_TASK_TIMEOUT_SECONDS) };
}

interface DistributedMapParameters {
  readonly reader: { readonly Bucket?: unknown; readonly Key?: unknown };
  readonly batchInput?: JsonValue;
}

function isDistributedMap(state: AslObject): boolean {
  const processorConfig = (state.ItemProcessor as AslObject | undefined)?.ProcessorConfig as AslObject | undefined;
  return state.Type === 'Map' && processorConfig?.Mode === 'DISTRIBUTED';
}

/** Refuses, by name, whatever part of a Distributed Map the local rewrite does not implement. */
function checkDistributedMap(state: AslObject, inState: string): void {
  const refuse = (what: string) => {
    throw new Error(`${inState} is a Distributed Map with ${what}, which is not supported locally`);
  };
  const unsupported = Object.keys(state).find((field) => !DISTRIBUTED_MAP_FIELDS.has(field));
  if (unsupported) refuse(unsupported);
  const reader = state.ItemReader as AslObject | undefined;
  if (!reader) refuse('no ItemReader (items from the state input)');
  if (reader!.Resource !== 'arn:aws:states:::s3:getObject') refuse(`the ItemReader resource ${String(reader!.Resource)} (supported: arn:aws:states:::s3:getObject)`);
  const readerConfig = (reader!.ReaderConfig ?? {}) as AslObject;
  if (readerConfig.InputType !== 'JSONL' || Object.keys(readerConfig).length !== 1) refuse(`ReaderConfig ${JSON.stringify(readerConfig)} (supported: {"InputType": "JSONL"})`);
  const readerParameters = (reader!.Parameters ?? {}) as AslObject;
  const readerField = Object.keys(readerParameters).find((key) => !['Bucket', 'Bucket.$', 'Key', 'Key.$'].includes(key));
  if (readerField) refuse(`ItemReader parameter ${readerField}`);
  const batcherField = Object.keys((state.ItemBatcher ?? {}) as AslObject).find((key) => !['MaxItemsPerBatch', 'BatchInput'].includes(key));
  if (batcherField) refuse(`ItemBatcher field ${batcherField}`);
}

/**
 * Rewrites a Distributed Map into a Task state whose local handler runs the map (#distributedMapHandler). Its
 * Parameters let the library resolve the ItemReader's and the BatchInput's paths against the map's effective
 * input; InputPath, ResultSelector, ResultPath, OutputPath, Retry, Catch, Next and End stay as they were.
 */
function distributedMapAsTask(map: AslObject): AslObject {
  const { Type, ItemReader, ItemBatcher, ItemProcessor, MaxConcurrency, ToleratedFailurePercentage, Label, ...kept } = map;
  const batchInput = (ItemBatcher as AslObject | undefined)?.BatchInput;
  return {
    ...kept,
    Type: 'Task',
    Resource: DISTRIBUTED_MAP,
    Parameters: { reader: (ItemReader as AslObject).Parameters ?? {}, ...(batchInput !== undefined && { batchInput }) },
    TimeoutSeconds: MAX_REAL_TASK_TIMEOUT_SECONDS,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

interface VirtualWaitParameters {
  readonly input: JsonValue;
  readonly seconds?: unknown;
  readonly timestamp?: unknown;
}

/**
 * Rewrites a Wait state into a Task state that waits on the virtual clock. aws-local-stepfunctions waits with
 * Date.now() and setTimeout, so a Wait of 16 days would take 16 real days and ignore `clock.advance`; its local
 * Task handlers are the one hook it offers. The Task keeps the Wait's InputPath, OutputPath, Next and End; its
 * Parameters hand the handler the effective input and the Wait's duration or timestamp, resolved by the
 * library's own JSONPath against that input (and the context object, for `$$` paths).
 */
function waitAsTask(wait: AslObject): AslObject {
  const { Type, Seconds, Timestamp, SecondsPath, TimestampPath, ...kept } = wait;
  const when =
    Seconds !== undefined
      ? { seconds: Seconds }
      : Timestamp !== undefined
        ? { timestamp: Timestamp }
        : SecondsPath !== undefined
          ? { 'seconds.$': SecondsPath }
          : { 'timestamp.$': TimestampPath };
  return {
    ...kept,
    Type: 'Task',
    Resource: VIRTUAL_CLOCK_WAIT,
    Parameters: { 'input.$': '$', ...when },
    TimeoutSeconds: MAX_REAL_TASK_TIMEOUT_SECONDS,
  };
}

const RFC3339_TIMESTAMP =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** When a Wait entered at `enteredAt` ends; a timestamp in the past ends it at once, as in Step Functions. */
function wakeUpInstant(enteredAt: Date, seconds: unknown, timestamp: unknown): Date {
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new TaskFailure('States.Runtime', `Wait seconds must be a non-negative integer, got ${JSON.stringify(seconds)}`);
    }
    return new Date(enteredAt.getTime() + seconds * 1000);
  }
  if (typeof timestamp !== 'string' || !RFC3339_TIMESTAMP.test(timestamp)) {
    throw new TaskFailure('States.Runtime', `Wait timestamp must be an RFC 3339 timestamp, got ${JSON.stringify(timestamp)}`);
  }
  return new Date(timestamp);
}

/** The function a `FunctionName` designates: a name, a full or partial ARN, with or without a qualifier. */
function functionIdOf(functionName: string): string {
  const afterPrefix = functionName.includes(':function:') ? functionName.split(':function:')[1] : functionName;
  return afterPrefix?.split(':')[0] ?? functionName;
}

/** The context an in-process function is invoked with, as Lambda would give it. */
export function lambdaContext(functionId: string): Context {
  const deadline = Date.now() + LOCAL_FUNCTION_TIMEOUT_MS;
  const callbackStyle = (): never => {
    throw new Error('Local functions are async handlers: return or throw instead of calling the context');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: functionId,
    functionVersion: '$LATEST',
    invokedFunctionArn: localFunctionArn(functionId),
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: callbackStyle,
    fail: callbackStyle,
    succeed: callbackStyle,
  };
}

/** A function error as the Lambda integration reports it: the error type, and the Node runtime's error payload as cause. */
function lambdaFailure(error: unknown): TaskFailure {
  const failure = error instanceof Error ? error : new Error(String(error));
  const payload = { errorType: failure.name, errorMessage: failure.message, trace: failure.stack?.split('\n') ?? [] };
  return new TaskFailure(failure.name, JSON.stringify(payload));
}

/** What crosses a Lambda or AWS API boundary is JSON: dates become strings, `undefined` disappears. */
function asJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

function sendDynamoDbCommand(client: DynamoDBClient, action: DynamoDbAction, input: JsonValue) {
  switch (action) {
    case 'getItem':
      return client.send(new GetItemCommand(input as unknown as GetItemCommandInput));
    case 'putItem':
      return client.send(new PutItemCommand(input as unknown as PutItemCommandInput));
    case 'updateItem':
      return client.send(new UpdateItemCommand(input as unknown as UpdateItemCommandInput));
    case 'deleteItem':
      return client.send(new DeleteItemCommand(input as unknown as DeleteItemCommandInput));
  }
}

async function countStateTransitions(events: EventLogs, record: ExecutionRecord): Promise<void> {
  for await (const event of events) {
    if (event.type === 'StateEntered') record.stateTransitions += 1;
  }
}

function stopExecution(record: ExecutionRecord, as: 'ABORTED' | 'TIMED_OUT'): void {
  if (record.stopping.signal.aborted) return;
  record.stoppedAs = as;
  record.stopping.abort(new Error(`Execution ${as === 'ABORTED' ? 'aborted' : 'timed out'}`));
}

function complete(
  record: ExecutionRecord,
  clock: VirtualClock,
  outcome: { status: Exclude<ExecutionStatus, 'RUNNING'>; output?: JsonValue; error?: string; cause?: string },
): void {
  Object.assign(record, outcome, { stopDate: clock.now() });
}

function snapshotOf(record: ExecutionRecord): ExecutionDescription {
  const { inputText, stopping, stoppedAs, ...description } = record;
  return structuredClone(description);
}
