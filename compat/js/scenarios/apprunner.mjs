// App Runner's services through the AWS SDK for JavaScript v3 against
// cmd/mockserver: read by ARN (the only form App Runner takes), statuses
// moved by advancing the mock's clock (the model has no waiters).
import {
  AppRunnerClient,
  CreateServiceCommand,
  DescribeServiceCommand,
  UpdateServiceCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  DeleteServiceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  paginateListServices,
  InvalidRequestException,
  ResourceNotFoundException,
} from "@aws-sdk/client-apprunner";
import { advanceClock, assert, clientConfig, collect, done, expectError, requireResources, step } from "../lib.mjs";

await requireResources("apprunner");
const c = new AppRunnerClient(clientConfig);
const input = (ServiceName) => ({
  ServiceName,
  SourceConfiguration: {
    ImageRepository: { ImageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", ImageRepositoryType: "ECR_PUBLIC" },
  },
});
const status = async (ServiceArn) => (await c.send(new DescribeServiceCommand({ ServiceArn }))).Service.Status;
let arn;

await step("a service is created OPERATION_IN_PROGRESS with its ARN and an operation", async () => {
  const out = await c.send(new CreateServiceCommand({ ...input("js-frontend"), Tags: [{ Key: "team", Value: "a" }] }));
  arn = out.Service.ServiceArn;
  assert.match(arn, new RegExp(`^arn:aws:apprunner:${clientConfig.region}:123456789012:service/js-frontend/[0-9a-f]{32}$`));
  assert.equal(out.Service.Status, "OPERATION_IN_PROGRESS");
  assert.ok(out.OperationId, "an OperationId");
}, { fatal: true });

await step("the service read by ARN is RUNNING once the clock has moved", async () => {
  const s = (await c.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
  assert.deepEqual([s.ServiceName, s.SourceConfiguration.ImageRepository.ImageIdentifier],
    ["js-frontend", "public.ecr.aws/aws-containers/hello-app-runner:latest"]);
  await advanceClock("apprunner", "1h");
  assert.equal(await status(arn), "RUNNING");
});

await step("a second service of the same name is an InvalidRequestException", async () => {
  await expectError(c.send(new CreateServiceCommand(input("js-frontend"))), InvalidRequestException);
});

await step("the SDK's paginator lists the services in pages of two", async () => {
  const names = ["js-frontend", "js-backend-0", "js-backend-1", "js-backend-2", "js-backend-3"];
  for (const n of names.slice(1)) await c.send(new CreateServiceCommand(input(n)));
  const pages = await collect(paginateListServices({ client: c, pageSize: 2 }, {}));
  assert.ok(pages.every((p) => p.ServiceSummaryList.length <= 2), "no page holds more than two");
  assert.deepEqual(pages.flatMap((p) => p.ServiceSummaryList.map((s) => s.ServiceName)).filter((n) => n.startsWith("js-")), names);
});

await step("the service's tags are listed, added and removed by ARN", async () => {
  const tags = async () =>
    (await c.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags.map((t) => `${t.Key}=${t.Value}`).sort();
  assert.deepEqual(await tags(), ["team=a"]);
  await c.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "env", Value: "test" }] }));
  assert.deepEqual(await tags(), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["team"] }));
  assert.deepEqual(await tags(), ["env=test"]);
});

await step("an update of the instance size is kept and the service is RUNNING again", async () => {
  const out = await c.send(new UpdateServiceCommand({ ServiceArn: arn, InstanceConfiguration: { Cpu: "2048", Memory: "4096" } }));
  assert.equal(out.Service.Status, "OPERATION_IN_PROGRESS");
  await advanceClock("apprunner", "1h");
  const s = (await c.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
  assert.deepEqual([s.InstanceConfiguration.Cpu, s.InstanceConfiguration.Memory, s.Status], ["2048", "4096", "RUNNING"]);
});

await step("pause and resume pass through PAUSED back to RUNNING", async () => {
  await c.send(new PauseServiceCommand({ ServiceArn: arn }));
  await advanceClock("apprunner", "1h");
  assert.equal(await status(arn), "PAUSED");
  await c.send(new ResumeServiceCommand({ ServiceArn: arn }));
  await advanceClock("apprunner", "1h");
  assert.equal(await status(arn), "RUNNING");
});

await step("a deleted service is then a ResourceNotFoundException", async () => {
  await c.send(new DeleteServiceCommand({ ServiceArn: arn }));
  await advanceClock("apprunner", "1h");
  await expectError(c.send(new DescribeServiceCommand({ ServiceArn: arn })), ResourceNotFoundException);
});

done();
