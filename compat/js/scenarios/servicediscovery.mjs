// Cloud Map's namespaces, services and instances through the AWS SDK for
// JavaScript v3 against cmd/mockserver. Creates are asynchronous: the
// answer is an OperationId that GetOperation resolves once it succeeded;
// the scenario advances the mock's clock (the model has no waiters).
import {
  ServiceDiscoveryClient,
  CreateHttpNamespaceCommand,
  GetOperationCommand,
  GetNamespaceCommand,
  DeleteNamespaceCommand,
  CreateServiceCommand,
  GetServiceCommand,
  UpdateServiceCommand,
  DeleteServiceCommand,
  RegisterInstanceCommand,
  GetInstanceCommand,
  DeregisterInstanceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  paginateListServices,
  InstanceNotFound,
  NamespaceAlreadyExists,
  NamespaceNotFound,
  ResourceInUse,
  ServiceNotFound,
} from "@aws-sdk/client-servicediscovery";
import { advanceClock, assert, clientConfig, collect, done, expectError, requireResources, requireStored, step } from "../lib.mjs";

await requireResources("servicediscovery");
const c = new ServiceDiscoveryClient(clientConfig);
const operation = async (OperationId) => (await c.send(new GetOperationCommand({ OperationId }))).Operation;
let nsId, nsArn;
const ids = [];

await step("a namespace's create operation succeeds once the clock has moved and names it", async () => {
  const out = await c.send(new CreateHttpNamespaceCommand({ Name: "js-shop", Tags: [{ Key: "team", Value: "a" }] }));
  await advanceClock("servicediscovery", "1h");
  const op = await operation(out.OperationId);
  assert.deepEqual([op.Status, op.Type], ["SUCCESS", "CREATE_NAMESPACE"]);
  nsId = op.Targets.NAMESPACE;
  const ns = (await c.send(new GetNamespaceCommand({ Id: nsId }))).Namespace;
  nsArn = ns.Arn;
  assert.deepEqual([ns.Name, ns.Type, ns.Arn], ["js-shop", "HTTP", `arn:aws:servicediscovery:${clientConfig.region}:123456789012:namespace/${nsId}`]);
}, { fatal: true });

await step("a second namespace of the same name is a NamespaceAlreadyExists", async () => {
  await expectError(c.send(new CreateHttpNamespaceCommand({ Name: "js-shop" })), NamespaceAlreadyExists);
});

await step("services created in the namespace list in pages of two, filtered by namespace", async () => {
  for (let i = 0; i < 5; i++) {
    ids.push((await c.send(new CreateServiceCommand({ Name: `api-${i}`, NamespaceId: nsId }))).Service.Id);
  }
  const s = (await c.send(new GetServiceCommand({ Id: ids[0] }))).Service;
  assert.deepEqual([s.Name, s.NamespaceId], ["api-0", nsId]);
  const pages = await collect(paginateListServices({ client: c, pageSize: 2 },
    { Filters: [{ Name: "NAMESPACE_ID", Values: [nsId], Condition: "EQ" }] }));
  assert.deepEqual(pages.map((p) => p.Services.map((s) => s.Id)), [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
}, { fatal: true });

await step("the namespace's tags are listed, added and removed by ARN", async () => {
  const tags = async () =>
    (await c.send(new ListTagsForResourceCommand({ ResourceARN: nsArn }))).Tags.map((t) => `${t.Key}=${t.Value}`).sort();
  assert.deepEqual(await tags(), ["team=a"]);
  await c.send(new TagResourceCommand({ ResourceARN: nsArn, Tags: [{ Key: "env", Value: "test" }] }));
  assert.deepEqual(await tags(), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ ResourceARN: nsArn, TagKeys: ["team"] }));
  assert.deepEqual(await tags(), ["env=test"]);
});

await step("an update changes the service's description", async () => {
  const out = await c.send(new UpdateServiceCommand({ Id: ids[0], Service: { Description: "the shop's API" } }));
  await advanceClock("servicediscovery", "1h");
  assert.equal((await operation(out.OperationId)).Status, "SUCCESS");
  assert.equal((await c.send(new GetServiceCommand({ Id: ids[0] }))).Service.Description, "the shop's API");
});

await step("an instance registers, holds its service, and is not found once deregistered", async () => {
  await c.send(new RegisterInstanceCommand({ ServiceId: ids[0], InstanceId: "i-1", Attributes: { AWS_INSTANCE_IPV4: "10.0.0.1" } }));
  await requireStored("servicediscovery", "Instance");
  await advanceClock("servicediscovery", "1h");
  const got = await c.send(new GetInstanceCommand({ ServiceId: ids[0], InstanceId: "i-1" }));
  assert.equal(got.Instance.Attributes.AWS_INSTANCE_IPV4, "10.0.0.1");
  await expectError(c.send(new DeleteServiceCommand({ Id: ids[0] })), ResourceInUse);
  await c.send(new DeregisterInstanceCommand({ ServiceId: ids[0], InstanceId: "i-1" }));
  await advanceClock("servicediscovery", "1h");
  await expectError(c.send(new GetInstanceCommand({ ServiceId: ids[0], InstanceId: "i-1" })), InstanceNotFound);
});

await step("a namespace that still holds services is not deleted", async () => {
  await expectError(c.send(new DeleteNamespaceCommand({ Id: nsId })), ResourceInUse);
});

await step("deleted, the services and then the namespace are not found", async () => {
  for (const Id of ids) await c.send(new DeleteServiceCommand({ Id }));
  await expectError(c.send(new GetServiceCommand({ Id: ids[0] })), ServiceNotFound);
  await c.send(new DeleteNamespaceCommand({ Id: nsId }));
  await advanceClock("servicediscovery", "1h");
  await expectError(c.send(new GetNamespaceCommand({ Id: nsId })), NamespaceNotFound);
});

done();
