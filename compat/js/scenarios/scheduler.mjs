// EventBridge Scheduler's whole life through the AWS SDK for JavaScript v3
// against cmd/mockserver: groups and the schedules in them created, read,
// listed in pages by the SDK's paginators, tagged, updated and deleted.
import {
  SchedulerClient,
  CreateScheduleGroupCommand,
  GetScheduleGroupCommand,
  DeleteScheduleGroupCommand,
  CreateScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  DeleteScheduleCommand,
  ListSchedulesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  paginateListSchedules,
  paginateListScheduleGroups,
  ConflictException,
  ResourceNotFoundException,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { assert, clientConfig, collect, done, expectError, step } from "../lib.mjs";

const c = new SchedulerClient(clientConfig);
const account = "123456789012";
const region = clientConfig.region;
const groupArn = `arn:aws:scheduler:${region}:${account}:schedule-group/js-jobs`;
const names = ["js-0", "js-1", "js-2", "js-3", "js-4"];
const schedule = (Name, ScheduleExpression) => ({
  Name,
  GroupName: "js-jobs",
  ScheduleExpression,
  FlexibleTimeWindow: { Mode: "OFF" },
  Target: { Arn: `arn:aws:sqs:${region}:${account}:queue`, RoleArn: `arn:aws:iam::${account}:role/scheduler` },
});

const created = {};
await step("a group and five schedules in it are created", async () => {
  created.group = await c.send(new CreateScheduleGroupCommand({ Name: "js-jobs", Tags: [{ Key: "team", Value: "a" }] }));
  created.schedules = [];
  for (const n of names) created.schedules.push(await c.send(new CreateScheduleCommand(schedule(n, "rate(1 hour)"))));
}, { fatal: true });

await step("the creates answer the new ARNs", async () => {
  assert.deepEqual(
    [created.group.ScheduleGroupArn, ...created.schedules.map((s) => s.ScheduleArn)],
    [groupArn, ...names.map((n) => `arn:aws:scheduler:${region}:${account}:schedule/js-jobs/${n}`)],
  );
});

await step("the group read by name is ACTIVE", async () => {
  const g = await c.send(new GetScheduleGroupCommand({ Name: "js-jobs" }));
  assert.deepEqual([g.Name, g.Arn, g.State], ["js-jobs", groupArn, "ACTIVE"]);
});

await step("the group's creation date is set", async () => {
  const g = await c.send(new GetScheduleGroupCommand({ Name: "js-jobs" }));
  assert.ok(Math.abs(g.CreationDate - Date.now()) < 3600e3, `CreationDate ${g.CreationDate} is not about now`);
});

await step("a schedule read by group and name echoes what created it", async () => {
  const s = await c.send(new GetScheduleCommand({ Name: "js-0", GroupName: "js-jobs" }));
  assert.deepEqual(
    [s.Name, s.GroupName, s.ScheduleExpression, s.FlexibleTimeWindow.Mode, s.Target.Arn, s.Arn],
    ["js-0", "js-jobs", "rate(1 hour)", "OFF", `arn:aws:sqs:${region}:${account}:queue`,
      `arn:aws:scheduler:${region}:${account}:schedule/js-jobs/js-0`],
  );
});

await step("a second group of the same name is a ConflictException", async () => {
  await expectError(c.send(new CreateScheduleGroupCommand({ Name: "js-jobs" })), ConflictException);
});

await step("the SDK's paginator lists the schedules in pages of two", async () => {
  const pages = await collect(paginateListSchedules({ client: c, pageSize: 2 }, { GroupName: "js-jobs" }));
  assert.deepEqual(pages.map((p) => p.Schedules.map((s) => s.Name)), [["js-0", "js-1"], ["js-2", "js-3"], ["js-4"]]);
});

await step("the SDK's paginator lists the groups one a page", async () => {
  for (const Name of ["js-reports", "js-backups"]) await c.send(new CreateScheduleGroupCommand({ Name }));
  const pages = await collect(paginateListScheduleGroups({ client: c, pageSize: 1 }, { NamePrefix: "js-" }));
  assert.deepEqual(pages.map((p) => p.ScheduleGroups.map((g) => g.Name)).filter((p) => p.length > 0),
    [["js-jobs"], ["js-reports"], ["js-backups"]]);
});

await step("a schedule created without a group is in the default group", async () => {
  const { GroupName, ...input } = schedule("js-hourly", "rate(1 hour)");
  await c.send(new CreateScheduleCommand(input));
  assert.equal((await c.send(new GetScheduleCommand({ Name: "js-hourly" }))).GroupName, "default");
  await c.send(new DeleteScheduleCommand({ Name: "js-hourly" }));
});

await step("a token the mock did not issue is a ValidationException", async () => {
  await expectError(c.send(new ListSchedulesCommand({ GroupName: "js-jobs", NextToken: "forged" })), ValidationException);
});

await step("the group's tags are listed, added and removed by ARN", async () => {
  const tags = async () =>
    (await c.send(new ListTagsForResourceCommand({ ResourceArn: groupArn }))).Tags.map((t) => `${t.Key}=${t.Value}`);
  assert.deepEqual(await tags(), ["team=a"]);
  await c.send(new TagResourceCommand({ ResourceArn: groupArn, Tags: [{ Key: "env", Value: "test" }] }));
  assert.deepEqual(await tags(), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ ResourceArn: groupArn, TagKeys: ["team"] }));
  assert.deepEqual(await tags(), ["env=test"]);
});

await step("an update changes the expression and keeps the target", async () => {
  await c.send(new UpdateScheduleCommand(schedule("js-1", "cron(0 3 * * ? *)")));
  const s = await c.send(new GetScheduleCommand({ Name: "js-1", GroupName: "js-jobs" }));
  assert.deepEqual([s.ScheduleExpression, s.Target.Arn], ["cron(0 3 * * ? *)", `arn:aws:sqs:${region}:${account}:queue`]);
});

await step("an update of a schedule that does not exist is a ResourceNotFoundException", async () => {
  await expectError(c.send(new UpdateScheduleCommand(schedule("js-missing", "rate(1 hour)"))), ResourceNotFoundException);
});

await step("a group that still holds schedules is not deleted", async () => {
  await expectError(c.send(new DeleteScheduleGroupCommand({ Name: "js-jobs" })), ConflictException);
});

// Many requests at once through cmd/mockserver (built with the race
// detector under make test): one of sixteen creates of a name wins, forty
// creates of different names are each listed once, one of sixteen deletes
// of a name wins.
await step("parallel creates and deletes through the mock server add up", async () => {
  await c.send(new CreateScheduleGroupCommand({ Name: "js-busy" }));
  const inBusy = (Name) => ({ ...schedule(Name, "rate(1 hour)"), GroupName: "js-busy" });
  const settle = (calls) => Promise.allSettled(calls);
  const count = (results, ErrorClass) => [
    results.filter((r) => r.status === "fulfilled").length,
    results.filter((r) => r.status === "rejected" && r.reason instanceof ErrorClass).length,
  ];
  const races = await settle(Array.from({ length: 16 }, () => c.send(new CreateScheduleCommand(inBusy("contested")))));
  assert.deepEqual(count(races, ConflictException), [1, 15]);
  const many = Array.from({ length: 40 }, (_, i) => `p-${String(i).padStart(2, "0")}`);
  const created = await settle(many.map((n) => c.send(new CreateScheduleCommand(inBusy(n)))));
  assert.deepEqual(count(created, ConflictException), [40, 0]);
  const pages = await collect(paginateListSchedules({ client: c, pageSize: 7 }, { GroupName: "js-busy" }));
  assert.deepEqual(pages.flatMap((p) => p.Schedules.map((s) => s.Name)).sort(), ["contested", ...many]);
  const deletes = await settle(Array.from({ length: 16 }, () =>
    c.send(new DeleteScheduleCommand({ Name: "contested", GroupName: "js-busy" }))));
  assert.deepEqual(count(deletes, ResourceNotFoundException), [1, 15]);
  await settle(many.map((Name) => c.send(new DeleteScheduleCommand({ Name, GroupName: "js-busy" }))));
  await c.send(new DeleteScheduleGroupCommand({ Name: "js-busy" }));
});

await step("deleted schedules and then their group read as ResourceNotFoundException", async () => {
  for (const Name of names) await c.send(new DeleteScheduleCommand({ Name, GroupName: "js-jobs" }));
  await expectError(c.send(new GetScheduleCommand({ Name: "js-0", GroupName: "js-jobs" })), ResourceNotFoundException);
  await c.send(new DeleteScheduleGroupCommand({ Name: "js-jobs" }));
  await expectError(c.send(new GetScheduleGroupCommand({ Name: "js-jobs" })), ResourceNotFoundException);
});

done();
