// The SDK clients' default credential chain as the function bundles carry it: an esbuild alias (see
// lib/constructs/function-bundling.ts) puts this module in place of @aws-sdk/credential-provider-node. Lambda sets
// the execution role's keys in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for every function,
// and the environment is the first link of the default chain, so in Lambda no other link ever answers; the others
// (SSO, ini files, credential process, web identity, the instance metadata service and the STS/SSO clients they
// bring) are about 100 KB that each cold start would parse for nothing. Tests and the local platform run the
// sources, not the bundles, and keep the full chain.
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
