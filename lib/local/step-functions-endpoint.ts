// Serves the local Step Functions runner over the real Step Functions API (AWS JSON 1.0 protocol), so
// handlers start and read executions with the same @aws-sdk/client-sfn calls they make in AWS.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalWorkflows } from './local-workflows.ts';

const SERVICE_ERROR_PREFIX = 'com.amazonaws.swf.service.v2.model#';

type Operation = (workflows: LocalWorkflows, request: Record<string, unknown>) => unknown;

const epochSeconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

function stateMachineIdOf(arn: unknown): string {
  const id = typeof arn === 'string' ? /:stateMachine:([^:]+)$/.exec(arn)?.[1] : undefined;
  if (!id) throw Object.assign(new Error(`Invalid Arn: '${String(arn)}'`), { name: 'InvalidArn' });
  return id;
}

type Execution = ReturnType<LocalWorkflows['describeExecution']>;

function summary(execution: Execution) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    stopDate: epochSeconds(execution.stopDate),
  };
}

function describe(execution: Execution) {
  return {
    ...summary(execution),
    input: JSON.stringify(execution.input),
    ...(execution.output !== undefined && { output: JSON.stringify(execution.output) }),
    ...(execution.error !== undefined && { error: execution.error }),
    ...(execution.cause !== undefined && { cause: execution.cause }),
  };
}

const OPERATIONS: Record<string, Operation> = {
  StartExecution: (workflows, request) => {
    const started = workflows.startExecution({
      stateMachineId: stateMachineIdOf(request.stateMachineArn),
      ...(typeof request.name === 'string' && { name: request.name }),
      input: typeof request.input === 'string' ? (JSON.parse(request.input) as unknown) : {},
    });
    return { executionArn: started.executionArn, startDate: epochSeconds(started.startDate) };
  },
  DescribeExecution: (workflows, request) => describe(workflows.describeExecution(String(request.executionArn))),
  ListExecutions: (workflows, request) => {
    const executions = workflows
      .listExecutions(stateMachineIdOf(request.stateMachineArn))
      .filter((execution) => request.statusFilter === undefined || execution.status === request.statusFilter);
    return { executions: executions.map(summary) };
  },
};

export interface RunningStepFunctionsEndpoint {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startStepFunctionsEndpoint(workflows: LocalWorkflows): Promise<RunningStepFunctionsEndpoint> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = OPERATIONS[target.replace(/^AWSStepFunctions\./, '')];
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(body));
    };
    if (!operation) return reply(400, { __type: `${SERVICE_ERROR_PREFIX}UnknownOperationException`, message: `${target} is not served locally` });
    try {
      reply(200, operation(workflows, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>));
    } catch (error) {
      const { name, message } = error as Error;
      reply(400, { __type: `${SERVICE_ERROR_PREFIX}${name}`, message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
