// Lightsail's instances through the AWS SDK for JavaScript v3 against
// cmd/mockserver: named resources, tags inside the description, pages of
// the service's own size (PageToken only), states moved by the clock.
import {
  LightsailClient,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetInstancesCommand,
  StopInstanceCommand,
  StartInstanceCommand,
  DeleteInstanceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  NotFoundException,
} from "@aws-sdk/client-lightsail";
import { advanceClock, assert, clientConfig, done, expectError, requireResources, step } from "../lib.mjs";

await requireResources("lightsail");
const c = new LightsailClient(clientConfig);
const create = (instanceNames, tags) => c.send(new CreateInstancesCommand({
  instanceNames, availabilityZone: `${clientConfig.region}a`, blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", tags,
}));
const get = async (instanceName) => (await c.send(new GetInstanceCommand({ instanceName }))).instance;
const tags = async (name) => (await get(name)).tags.map((t) => `${t.key}=${t.value}`).sort();

await step("instances are created and run once the clock has moved", async () => {
  await create(["js-web-0", "js-web-1"], [{ key: "team", value: "a" }]);
  const i = await get("js-web-0");
  assert.deepEqual([i.name, i.blueprintId, i.bundleId], ["js-web-0", "amazon_linux_2023", "nano_3_0"]);
  assert.ok(i.arn.startsWith(`arn:aws:lightsail:${clientConfig.region}:123456789012:`), `ARN ${i.arn}`);
  await advanceClock("lightsail", "1h");
  assert.equal((await get("js-web-0")).state.name, "running");
}, { fatal: true });

await step("GetInstances pages with pageToken list every instance once in order", async () => {
  const want = ["js-web-0", "js-web-1"];
  for (let i = 0; !(await c.send(new GetInstancesCommand({}))).nextPageToken; i++) {
    assert.ok(i < 50, `no second page with ${want.length} instances`);
    const batch = Array.from({ length: 10 }, (_, j) => `js-batch-${String(i).padStart(2, "0")}-${j}`);
    await create(batch);
    want.push(...batch);
  }
  const got = [];
  let pageToken;
  do {
    const out = await c.send(new GetInstancesCommand({ pageToken }));
    got.push(...out.instances.map((i) => i.name));
    pageToken = out.nextPageToken;
  } while (pageToken);
  assert.deepEqual(got.filter((n) => n.startsWith("js-")), want);
});

await step("tags given at create, added and removed by name show in the instance", async () => {
  assert.deepEqual(await tags("js-web-0"), ["team=a"]);
  await c.send(new TagResourceCommand({ resourceName: "js-web-0", tags: [{ key: "env", value: "test" }] }));
  assert.deepEqual(await tags("js-web-0"), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ resourceName: "js-web-0", tagKeys: ["team"] }));
  assert.deepEqual(await tags("js-web-0"), ["env=test"]);
});

await step("stop and start pass through stopped back to running", async () => {
  await c.send(new StopInstanceCommand({ instanceName: "js-web-1" }));
  await advanceClock("lightsail", "1h");
  assert.equal((await get("js-web-1")).state.name, "stopped");
  await c.send(new StartInstanceCommand({ instanceName: "js-web-1" }));
  await advanceClock("lightsail", "1h");
  assert.equal((await get("js-web-1")).state.name, "running");
});

await step("a deleted instance is then a NotFoundException", async () => {
  await c.send(new DeleteInstanceCommand({ instanceName: "js-web-0" }));
  await advanceClock("lightsail", "1h");
  await expectError(c.send(new GetInstanceCommand({ instanceName: "js-web-0" })), NotFoundException);
});

done();
