// Problem types are declared per service and typed: a code nobody declared does not compile (the
// `@ts-expect-error` lines below fail `tsc --noEmit` the day they compile), every declaration reaches the OpenAPI
// document through its service's description, and the HTTP chain answers a service's error with its own status
// and titles.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { platformProblems } from '../../../functions/api-docs/application/openapi-document.ts';
import { DOCUMENT_PROBLEMS } from '../../../functions/documents/documents.problems.ts';
import { DeadlineLapsedError } from '../../../functions/permits/domain/permit.ts';
import { PERMIT_PROBLEMS } from '../../../functions/permits/permits.problems.ts';
import { platform } from '../../../functions/platform.ts';
import { DomainError } from '../../../functions/shared/errors/domain-errors.ts';
import { PLATFORM_PROBLEMS, declareProblems, problemDocument, type ProblemType } from '../../../functions/shared/errors/problem-types.ts';
import { httpHandler } from '../../../functions/shared/http/http-handler.ts';
import { defineRoute } from '../../../functions/shared/http/route-contract.ts';
import type { PlatformDescription } from '../../../functions/shared/service-description.ts';
import { httpEvent, lambdaContext } from '../../fixtures/http-events.ts';
import { CASE_CLOCK_PROBLEMS } from '../../../functions/shared/case-clock/case-clock.problems.ts';

const functionsFolder = join(import.meta.dirname, '../../../functions');
const detail = { ar: 'تفصيل', fr: 'Détail', en: 'Detail' };

describe('an undeclared problem code', () => {
  it('fails tsc in a DomainError subclass, in problemDocument and as a hand-made problem type', () => {
    class UndeclaredError extends DomainError {
      // @ts-expect-error: permits declare no such code
      readonly problem = PERMIT_PROBLEMS['permit-on-fire'];
    }
    class HandMadeError extends DomainError {
      // @ts-expect-error: a problem type is made by declareProblems only, never written by hand
      readonly problem = { code: 'hand-made', status: 409, title: detail };
    }
    class CodeOnlyError extends DomainError {
      readonly problem = PLATFORM_PROBLEMS.conflict;
      // @ts-expect-error: the code comes from the declared problem type; a subclass cannot set another one
      readonly code = 'made-up';
    }
    // @ts-expect-error: not a platform-wide code, and a service's own code travels as its problem type
    const undeclared = () => problemDocument('no-such-code', 'en');
    // @ts-expect-error: a service's code is not a platform-wide one either: pass PERMIT_PROBLEMS['deadline-lapsed']
    const serviceCodeByName = () => problemDocument('deadline-lapsed', 'en');

    // At run time, the compiler's refusals above would be the 500s the declarations prevent.
    expect(() => new UndeclaredError(detail).code).toThrow(TypeError);
    expect(new HandMadeError(detail).code).toBe('hand-made');
    expect(new CodeOnlyError(detail).problem.code).toBe('conflict');
    expect(undeclared).toThrow(TypeError);
    expect(serviceCodeByName).toThrow(TypeError);
  });

  it('is typed by the code it declares, so the gateways can name a platform-wide error by it', () => {
    const code: 'deadline-lapsed' = new DeadlineLapsedError(detail).code;
    expect(code).toBe('deadline-lapsed');
    expect(problemDocument(new DeadlineLapsedError(detail).problem, 'fr')).toMatchObject({ status: 409, code, type: 'urn:raqmana:problem:deadline-lapsed' });
  });
});

describe('problem declarations', () => {
  it('accept error statuses only', () => {
    expect(() => declareProblems({ 'not-an-error': { status: 200, title: detail } })).toThrow(/not-an-error: status 200/);
    expect(() => declareProblems({ 'beyond-http': { status: 600, title: detail } })).toThrow(/beyond-http/);
  });

  it('each reach the platform through their service description, each code once', async () => {
    const declared: ProblemType[] = [...Object.values(PLATFORM_PROBLEMS), ...Object.values(CASE_CLOCK_PROBLEMS)];
    for (const context of readdirSync(functionsFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(join(functionsFolder, context.name)).filter((name) => name.endsWith('.problems.ts'))) {
        expect(file, 'a context declares its problems in <context>.problems.ts').toBe(`${context.name}.problems.ts`);
        const module = (await import(pathToFileURL(join(functionsFolder, context.name, file)).href)) as Record<string, Record<string, ProblemType>>;
        const service = platform.services.find((candidate) => candidate.name === context.name);
        for (const types of Object.values(module)) {
          expect(service?.problems, `${file} is attached to the ${context.name} description`).toBe(types);
          declared.push(...Object.values(types));
        }
      }
    }
    expect(declared.map((type) => type.code).sort()).toEqual(platformProblems(platform).map((type) => type.code).sort());
    expect(Object.keys(PERMIT_PROBLEMS)).toContain('deadline-lapsed');
    expect(Object.keys(DOCUMENT_PROBLEMS)).toEqual(['document-revoked']);
  });

  it('refuse a code two services declare', () => {
    const twice: PlatformDescription = {
      sharedTables: [],
      services: [
        { name: 'permits', functions: [], problems: PERMIT_PROBLEMS },
        { name: 'complaints', functions: [], problems: declareProblems({ 'deadline-lapsed': { status: 409, title: detail } }) },
      ],
    };
    expect(() => platformProblems(twice)).toThrow('problem code deadline-lapsed is declared by both permits and complaints');
  });
});

describe('the HTTP chain', () => {
  it("answers a service's error with the status and the titles its service declares", async () => {
    const route = defineRoute({
      operationId: 'invokeThing',
      method: 'POST',
      path: '/v1/things',
      summary: 'test route',
      tags: [],
      access: 'public',
      body: z.strictObject({}),
      responses: { 204: { description: 'done' } },
    });
    const handler = httpHandler(route, async () => {
      throw new DeadlineLapsedError({ ar: 'انقضى الأجل', fr: 'Le délai est écoulé', en: 'The deadline lapsed' });
    });
    const event = httpEvent({ method: 'POST', routePath: '/v1/things', body: '{}', headers: { 'accept-language': 'fr' } });
    const response = (await handler(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({
      type: 'urn:raqmana:problem:deadline-lapsed',
      code: 'deadline-lapsed',
      title: PERMIT_PROBLEMS['deadline-lapsed'].title.fr,
      detail: 'Le délai est écoulé',
    });
  });
});
