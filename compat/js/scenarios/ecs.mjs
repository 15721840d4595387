// ECS clusters, services and tasks through the AWS SDK for JavaScript v3
// against cmd/mockserver, with the SDK's own waiters (waitUntilServicesStable,
// waitUntilServicesInactive, waitUntilTasksRunning, waitUntilTasksStopped).
// The waiters use a client that advances the mock's clock after each call,
// so each sees the transitional status, polls again and succeeds.
import {
  ECSClient,
  CreateClusterCommand,
  DescribeClustersCommand,
  DeleteClusterCommand,
  RegisterTaskDefinitionCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  DeleteServiceCommand,
  RunTaskCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  paginateListClusters,
  paginateListServices,
  waitUntilServicesStable,
  waitUntilServicesInactive,
  waitUntilTasksRunning,
  waitUntilTasksStopped,
  ClusterNotFoundException,
  ServiceNotActiveException,
  ServiceNotFoundException,
} from "@aws-sdk/client-ecs";
import {
  advanceClockAfterEachCall, assert, clientConfig, collect, done, expectError, requireResources, requireStored, step,
  waiterConfig,
} from "../lib.mjs";

await requireResources("ecs");
const c = new ECSClient(clientConfig);
const waiterClient = advanceClockAfterEachCall(new ECSClient(clientConfig), "ecs");
const prefix = `arn:aws:ecs:${clientConfig.region}:123456789012:`;
const clusterArn = `${prefix}cluster/js-web`;
const serviceArn = `${prefix}service/js-web/api`;
const describe = { cluster: "js-web", services: ["api"] };

await step("a cluster is created ACTIVE with its ARN", async () => {
  const out = await c.send(new CreateClusterCommand({ clusterName: "js-web", tags: [{ key: "team", value: "a" }] }));
  assert.deepEqual([out.cluster.clusterArn, out.cluster.status], [clusterArn, "ACTIVE"]);
}, { fatal: true });

await step("the cluster reads the same by name and by ARN; an unknown one is a MISSING failure", async () => {
  const out = await c.send(new DescribeClustersCommand({ clusters: ["js-web", clusterArn, "js-nowhere"] }));
  assert.deepEqual(out.clusters.map((cl) => `${cl.clusterName} ${cl.clusterArn}`), [`js-web ${clusterArn}`, `js-web ${clusterArn}`]);
  assert.deepEqual(out.failures.map((f) => f.reason), ["MISSING"]);
});

await step("the SDK's paginator lists the clusters' ARNs in pages of two", async () => {
  const want = [clusterArn];
  for (const n of ["js-batch-0", "js-batch-1", "js-batch-2"]) {
    await c.send(new CreateClusterCommand({ clusterName: n }));
    want.push(`${prefix}cluster/${n}`);
  }
  const pages = await collect(paginateListClusters({ client: c, pageSize: 2 }, {}));
  assert.ok(pages.every((p) => p.clusterArns.length <= 2), "no page holds more than two");
  assert.deepEqual(pages.flatMap((p) => p.clusterArns).filter((a) => a.includes("/js-")), want);
});

await step("a service is created and the SDK's waitUntilServicesStable finishes", async () => {
  await c.send(new RegisterTaskDefinitionCommand({
    family: "js-api", containerDefinitions: [{ name: "api", image: "public.ecr.aws/nginx/nginx:latest", memory: 256 }],
  }));
  const out = await c.send(new CreateServiceCommand({
    cluster: "js-web", serviceName: "api", taskDefinition: "js-api", desiredCount: 2, tags: [{ key: "team", value: "a" }],
  }));
  assert.deepEqual([out.service.serviceArn, out.service.clusterArn], [serviceArn, clusterArn]);
  const w = await waitUntilServicesStable({ client: waiterClient, ...waiterConfig }, describe);
  assert.equal(w.state, "SUCCESS");
  const s = (await c.send(new DescribeServicesCommand(describe))).services[0];
  assert.deepEqual([s.status, s.desiredCount, s.runningCount, s.deployments.length], ["ACTIVE", 2, 2, 1]);
}, { fatal: true });

await step("the service reads the same by name and by ARN", async () => {
  const out = await c.send(new DescribeServicesCommand({ cluster: clusterArn, services: ["api", serviceArn] }));
  assert.deepEqual(out.services.map((s) => s.serviceArn), [serviceArn, serviceArn]);
});

await step("the SDK's paginator lists the cluster's services one a page", async () => {
  for (const serviceName of ["worker", "cron"]) {
    await c.send(new CreateServiceCommand({ cluster: "js-web", serviceName, taskDefinition: "js-api" }));
  }
  const pages = await collect(paginateListServices({ client: c, pageSize: 1 }, { cluster: "js-web" }));
  assert.deepEqual(pages.flatMap((p) => p.serviceArns), [serviceArn, `${prefix}service/js-web/worker`, `${prefix}service/js-web/cron`]);
});

await step("the service's tags are listed, added and removed by ARN", async () => {
  const tags = async () =>
    (await c.send(new ListTagsForResourceCommand({ resourceArn: serviceArn }))).tags.map((t) => `${t.key}=${t.value}`).sort();
  assert.deepEqual(await tags(), ["team=a"]);
  await c.send(new TagResourceCommand({ resourceArn: serviceArn, tags: [{ key: "env", value: "test" }] }));
  assert.deepEqual(await tags(), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ resourceArn: serviceArn, tagKeys: ["team"] }));
  assert.deepEqual(await tags(), ["env=test"]);
});

await step("an update of the desired count is stable again at the new count", async () => {
  await c.send(new UpdateServiceCommand({ cluster: "js-web", service: "api", desiredCount: 3 }));
  assert.equal((await waitUntilServicesStable({ client: waiterClient, ...waiterConfig }, describe)).state, "SUCCESS");
  const s = (await c.send(new DescribeServicesCommand(describe))).services[0];
  assert.deepEqual([s.desiredCount, s.runningCount], [3, 3]);
});

await step("unknown services and clusters are the SDK's typed not-found errors", async () => {
  await expectError(c.send(new UpdateServiceCommand({ cluster: "js-web", service: "nope", desiredCount: 1 })), ServiceNotFoundException);
  await expectError(c.send(new CreateServiceCommand({ cluster: "js-nowhere", serviceName: "api", taskDefinition: "js-api" })), ClusterNotFoundException);
});

await step("a task runs and stops under the SDK's waitUntilTasksRunning and waitUntilTasksStopped", async () => {
  const run = await c.send(new RunTaskCommand({ cluster: "js-web", taskDefinition: "js-api" }));
  await requireStored("ecs", "Task");
  assert.equal(run.tasks.length, 1);
  const tasks = { cluster: "js-web", tasks: [run.tasks[0].taskArn] };
  assert.equal((await waitUntilTasksRunning({ client: waiterClient, ...waiterConfig }, tasks)).state, "SUCCESS");
  await c.send(new StopTaskCommand({ cluster: "js-web", task: run.tasks[0].taskArn }));
  assert.equal((await waitUntilTasksStopped({ client: waiterClient, ...waiterConfig }, tasks)).state, "SUCCESS");
});

await step("a deleted service drains, waitUntilServicesInactive sees it INACTIVE, and updates are refused", async () => {
  const out = await c.send(new DeleteServiceCommand({ cluster: "js-web", service: "api", force: true }));
  assert.equal(out.service.status, "DRAINING");
  assert.equal((await waitUntilServicesInactive({ client: waiterClient, ...waiterConfig }, describe)).state, "SUCCESS");
  await expectError(c.send(new UpdateServiceCommand({ cluster: "js-web", service: "api", desiredCount: 1 })), ServiceNotActiveException);
});

await step("a deleted cluster is INACTIVE and takes no new service", async () => {
  for (const service of ["worker", "cron"]) await c.send(new DeleteServiceCommand({ cluster: "js-web", service, force: true }));
  await waitUntilServicesInactive({ client: waiterClient, ...waiterConfig }, { cluster: "js-web", services: ["worker", "cron"] });
  const out = await c.send(new DeleteClusterCommand({ cluster: "js-web" }));
  assert.equal(out.cluster.status, "INACTIVE");
  await expectError(c.send(new CreateServiceCommand({ cluster: "js-web", serviceName: "late", taskDefinition: "js-api" })), ClusterNotFoundException);
});

done();
