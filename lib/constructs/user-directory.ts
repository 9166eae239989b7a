// The Cognito user pool of the platform: accounts are created by administrators, one group per role, and the
// `commune`, `province`, `region`, `office` and `civil_id` attributes that scope what a token's holder may do.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface UserDirectoryProps {
  /** One Cognito group per role; tokens carry them in `cognito:groups`. */
  readonly roles: readonly string[];
}

export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The `iss` of the pool's tokens. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      customAttributes: {
        commune: new cognito.StringAttribute({ mutable: true }),
        province: new cognito.StringAttribute({ mutable: true }),
        region: new cognito.StringAttribute({ mutable: true }),
        office: new cognito.StringAttribute({ mutable: true }),
        civil_id: new cognito.StringAttribute({ mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA (TOTP) is offered but optional: accounts are opened by commune staff for residents who may have no authenticator app.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials tier: the Plus tier (threat protection) is billed per monthly active user across every commune, an operator cost decision.',
      },
    );

    for (const role of props.roles) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Holders of the ${role} role`,
      });
    }

    this.client = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      // Users may edit their names and language, never the attributes that decide what they may do.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
        givenName: true,
        familyName: true,
        locale: true,
      }),
    });

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
