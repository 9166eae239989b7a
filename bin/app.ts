// The CDK app: the `Raqmana` stack (the foundation, and a nested stack per service) built from the platform
// description, checked by cdk-nag on every synth, nested stacks included.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { platform } from '../functions/platform.ts';
import { RaqmanaStack } from '../lib/raqmana-stack.ts';

const app = new App();
// No `env`: the template stays account- and region-agnostic, so it synthesizes offline, without credentials.
new RaqmanaStack(app, 'Raqmana', {
  platform,
  description: 'Raqmana: serverless platform for the digital services of Moroccan communes',
});
// cdk-nag 3 is a validation plugin (not an aspect): any unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
