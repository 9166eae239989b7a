// The HTTP API of the platform: one route per route contract, Cognito JWTs on every non-public route, a throttled
// `$default` stage with JSON access logs.
import { Duration, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type AnyRouteContract } from '../../functions/shared/http/route-contract.ts';

export interface PlatformApiProps {
  /** Tokens must come from this issuer... */
  readonly jwtIssuer: string;
  /** ...and be issued to this app client. */
  readonly jwtAudience: string;
  readonly logEncryptionKey: kms.IKey;
}

// HTTP API context variables only: REST-only ones (`$context.identity.user`, ...) fail the stage deployment.
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
};

export class PlatformApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;
  /** Per-route throttling: the L2 stage sets only the stage default, so the routes' go on its CloudFormation resource. */
  private readonly routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

  constructor(scope: Construct, id: string, props: PlatformApiProps) {
    super(scope, id);

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Raqmana: digital services of Moroccan communes',
      createDefaultStage: false,
      corsPreflight: {
        // Tokens travel in the Authorization header, never in cookies, so any origin may call the API.
        allowOrigins: ['*'],
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.PATCH,
          apigwv2.CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept-Language'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logEncryptionKey,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // The authorizer only proves the token is genuine; the handler checks the route's roles in `cognito:groups`.
    this.authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
    });
  }

  /**
   * Serves the contract's method and path with `handler` (Lambda proxy, payload 2.0). The route, its integration
   * and the permission to invoke `handler` are built in `scope`: the stack of the service the route belongs to.
   */
  addRoute(scope: Construct, route: Pick<AnyRouteContract, 'operationId' | 'method' | 'path' | 'access' | 'throttle'>, handler: lambda.IFunction): void {
    const httpRoute = new apigwv2.HttpRoute(scope, 'Route', {
      httpApi: this.api,
      routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${route.operationId}Integration`, handler, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer: route.access === 'public' ? new apigwv2.HttpNoneAuthorizer() : this.authorizer,
    });
    if (route.throttle) this.throttleRoute(route, route.throttle, httpRoute);
    if (route.access === 'public') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.operationId} (${route.method} ${route.path}) is public by its route contract: served to anyone, without a token, by design.`,
      });
    }
  }

  private throttleRoute(route: Pick<AnyRouteContract, 'method' | 'path'>, throttle: NonNullable<AnyRouteContract['throttle']>, httpRoute: apigwv2.HttpRoute): void {
    this.routeSettings[routeKey(route)] = { ThrottlingRateLimit: throttle.ratePerSecond, ThrottlingBurstLimit: throttle.burst };
    (this.stage.node.defaultChild as apigwv2.CfnStage).routeSettings = this.routeSettings;
    // API Gateway refuses settings for a route that does not exist yet (across stacks: after the route's stack).
    this.stage.node.addDependency(httpRoute);
  }
}
