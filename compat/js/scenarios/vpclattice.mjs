// VPC Lattice's services and their listeners through the AWS SDK for
// JavaScript v3 against cmd/mockserver. The model has no waiters: the
// scenario advances the mock's clock and reads the status again.
import {
  VPCLatticeClient,
  CreateServiceCommand,
  GetServiceCommand,
  UpdateServiceCommand,
  DeleteServiceCommand,
  ListServicesCommand,
  CreateListenerCommand,
  GetListenerCommand,
  DeleteListenerCommand,
  ListListenersCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  paginateListServices,
  ConflictException,
  ResourceNotFoundException,
  ValidationException,
} from "@aws-sdk/client-vpc-lattice";
import { advanceClock, assert, clientConfig, collect, done, expectError, requireResources, step } from "../lib.mjs";

await requireResources("vpclattice");
const c = new VPCLatticeClient(clientConfig);
const prefix = `arn:aws:vpc-lattice:${clientConfig.region}:123456789012:`;
const names = ["js-checkout", "js-shop-0", "js-shop-1", "js-shop-2", "js-shop-3"];
let svc;

await step("a service is created CREATE_IN_PROGRESS with its id and ARN", async () => {
  svc = await c.send(new CreateServiceCommand({ name: "js-checkout", tags: { team: "a" } }));
  assert.match(svc.id, /^svc-[0-9a-z]{17}$/);
  assert.equal(svc.arn, `${prefix}service/${svc.id}`);
  assert.equal(svc.status, "CREATE_IN_PROGRESS");
}, { fatal: true });

await step("the service reads the same by id and by ARN", async () => {
  for (const serviceIdentifier of [svc.id, svc.arn]) {
    const got = await c.send(new GetServiceCommand({ serviceIdentifier }));
    assert.deepEqual([got.id, got.arn, got.name], [svc.id, svc.arn, "js-checkout"]);
  }
});

await step("the service becomes ACTIVE once the clock has moved", async () => {
  await advanceClock("vpclattice", "1h");
  const got = await c.send(new GetServiceCommand({ serviceIdentifier: svc.id }));
  assert.equal(got.status, "ACTIVE");
});

await step("a second service of the same name is a ConflictException", async () => {
  await expectError(c.send(new CreateServiceCommand({ name: "js-checkout" })), ConflictException);
});

await step("the SDK's paginator lists the services in pages of two", async () => {
  for (const name of names.slice(1)) await c.send(new CreateServiceCommand({ name }));
  const pages = await collect(paginateListServices({ client: c, pageSize: 2 }, {}));
  const listed = pages.flatMap((p) => p.items.map((s) => s.name)).filter((n) => n.startsWith("js-"));
  assert.deepEqual(listed, names);
  assert.ok(pages.every((p) => p.items.length <= 2), "no page holds more than two");
});

await step("a token the mock did not issue is a ValidationException", async () => {
  await expectError(c.send(new ListServicesCommand({ nextToken: "forged" })), ValidationException);
});

await step("the service's tags are listed, added and removed by ARN", async () => {
  const tags = async () => (await c.send(new ListTagsForResourceCommand({ resourceArn: svc.arn }))).tags;
  assert.deepEqual(await tags(), { team: "a" });
  await c.send(new TagResourceCommand({ resourceArn: svc.arn, tags: { env: "test" } }));
  assert.deepEqual(await tags(), { team: "a", env: "test" });
  await c.send(new UntagResourceCommand({ resourceArn: svc.arn, tagKeys: ["team"] }));
  assert.deepEqual(await tags(), { env: "test" });
});

await step("an update changes the auth type and keeps the name", async () => {
  await c.send(new UpdateServiceCommand({ serviceIdentifier: svc.arn, authType: "AWS_IAM" }));
  const got = await c.send(new GetServiceCommand({ serviceIdentifier: svc.id }));
  assert.deepEqual([got.name, got.authType], ["js-checkout", "AWS_IAM"]);
});

let listener;
await step("a listener is created in the service and listed under it", async () => {
  listener = await c.send(new CreateListenerCommand({
    serviceIdentifier: svc.id, name: "http", protocol: "HTTP", port: 80,
    defaultAction: { fixedResponse: { statusCode: 404 } },
  }));
  const out = await c.send(new ListListenersCommand({ serviceIdentifier: svc.arn }));
  assert.deepEqual(out.items.map((l) => l.id), [listener.id]);
  assert.deepEqual([listener.serviceId, listener.serviceArn], [svc.id, svc.arn]);
});

await step("a service that still has a listener is not deleted", async () => {
  await expectError(c.send(new DeleteServiceCommand({ serviceIdentifier: svc.id })), ConflictException);
});

await step("deleted, the listener and then the service read as ResourceNotFoundException", async () => {
  await c.send(new DeleteListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: listener.id }));
  await expectError(c.send(new GetListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: listener.id })), ResourceNotFoundException);
  const out = await c.send(new DeleteServiceCommand({ serviceIdentifier: svc.arn }));
  assert.equal(out.status, "DELETE_IN_PROGRESS");
  await advanceClock("vpclattice", "1h");
  await expectError(c.send(new GetServiceCommand({ serviceIdentifier: svc.id })), ResourceNotFoundException);
});

done();
