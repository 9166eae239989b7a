// The functions that send e-mail, as the stack builds them: with `-c emailFromAddress=...` they alone get the sender
// address and `ses:SendEmail` on the sender's domain identity only; without it, no function gets either.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { EMAIL_FROM_ENV } from '../../functions/shared/service-description.ts';
import { buildStack } from '../fixtures/infra/build-stack.ts';

const SENDERS = platform.services.flatMap((service) => service.functions.filter((fn) => fn.sendsEmail === true).map((fn) => fn.id));

function sesStatements(templates: ReturnType<typeof buildStack>['templates']) {
  return templates.flatMap((template) =>
    // Every grant of a function's role is in the role's one inline policy (lib/constructs/function-role.ts).
    Object.values(template.findResources('AWS::IAM::Role')).flatMap((role) =>
      ((role.Properties.Policies ?? []) as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }[]).flatMap((policy) =>
        policy.PolicyDocument.Statement.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:'))),
      ),
    ),
  );
}

function environmentsWithSender(templates: ReturnType<typeof buildStack>['templates']) {
  return templates.flatMap((template) =>
    Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { [EMAIL_FROM_ENV]: Match.anyValue() } } } })).map(
      (fn) => (fn.Properties as { FunctionName: unknown; Environment: { Variables: Record<string, unknown> } }),
    ),
  );
}

describe('e-mail sending in the stack', () => {
  it('is given, with emailFromAddress, to the functions that send e-mail only, scoped to the sender domain’s SES identity', () => {
    const { templates } = buildStack(platform, 'RaqmanaEmail', { bundle: false, validate: false, context: { emailFromAddress: 'no-reply@rabat.ma' } });

    expect(SENDERS).toEqual(['PutNotificationContact', 'DeliverNotifications']);
    const senders = environmentsWithSender(templates);
    expect(senders).toHaveLength(SENDERS.length);
    for (const sender of senders) expect(sender.Environment.Variables[EMAIL_FROM_ENV]).toBe('no-reply@rabat.ma');
    const statements = sesStatements(templates);
    expect(statements).toHaveLength(SENDERS.length);
    for (const statement of statements) {
      expect(statement.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(statement.Resource)).toMatch(/:ses:.*:identity\/rabat\.ma"/);
    }
  });

  it('is given to no function without emailFromAddress', () => {
    const { templates } = buildStack(platform, 'Raqmana', { bundle: false, validate: false });

    expect(environmentsWithSender(templates)).toEqual([]);
    expect(sesStatements(templates)).toEqual([]);
  });
});
