// Lightsail's certificates and disks through the AWS SDK for JavaScript v3
// against cmd/mockserver: named resources, tags inside the description,
// pages of the service's own size (pageToken only), statuses moved by the
// clock (the model has no waiters).
import {
  LightsailClient,
  CreateCertificateCommand,
  GetCertificatesCommand,
  DeleteCertificateCommand,
  CreateDiskCommand,
  GetDiskCommand,
  GetDisksCommand,
  DeleteDiskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  InvalidInputException,
  NotFoundException,
} from "@aws-sdk/client-lightsail";
import { advanceClock, assert, clientConfig, done, expectError, requireResources, step } from "../lib.mjs";

await requireResources("lightsail");
const c = new LightsailClient(clientConfig);
const tagsOf = (tags) => (tags ?? []).map((t) => `${t.key}=${t.value}`).sort();
const certificate = async (certificateName) => {
  const out = await c.send(new GetCertificatesCommand({ certificateName, includeCertificateDetails: true }));
  assert.equal(out.certificates.length, 1, `one certificate named ${certificateName}`);
  return out.certificates[0];
};
const disk = async (diskName) => (await c.send(new GetDiskCommand({ diskName }))).disk;

// pages reads every page of a Lightsail GetXs through pageToken.
async function pages(Command, key) {
  const all = [];
  let pageToken;
  do {
    const out = await c.send(new Command({ pageToken }));
    all.push(out[key].map((r) => r.certificateName ?? r.name));
    pageToken = out.nextPageToken;
  } while (pageToken);
  return all;
}

const certs = Array.from({ length: 103 }, (_, i) => `js-cert-${String(i).padStart(3, "0")}`);

await step("103 certificates are created, the first PENDING_VALIDATION then ISSUED", async () => {
  for (const [i, certificateName] of certs.entries()) {
    await c.send(new CreateCertificateCommand({
      certificateName, domainName: "example.com", tags: i === 0 ? [{ key: "team", value: "a" }] : undefined,
    }));
  }
  assert.equal((await certificate("js-cert-000")).certificateDetail.status, "PENDING_VALIDATION");
  await advanceClock("lightsail", "1h");
  assert.equal((await certificate("js-cert-000")).certificateDetail.status, "ISSUED");
}, { fatal: true });

await step("a certificate name already taken is an InvalidInputException", async () => {
  await expectError(c.send(new CreateCertificateCommand({ certificateName: "js-cert-000", domainName: "example.com" })), InvalidInputException);
});

await step("GetCertificates pages with pageToken list every certificate once in order", async () => {
  const all = await pages(GetCertificatesCommand, "certificates");
  assert.ok(all.length >= 2, `${all.length} pages, want at least 2`);
  assert.deepEqual(all.flat().filter((n) => n.startsWith("js-")), certs);
});

await step("a certificate's tags are added and removed by name and show in it", async () => {
  assert.deepEqual(tagsOf((await certificate("js-cert-000")).tags), ["team=a"]);
  await c.send(new TagResourceCommand({ resourceName: "js-cert-000", tags: [{ key: "env", value: "test" }] }));
  assert.deepEqual(tagsOf((await certificate("js-cert-000")).tags), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ resourceName: "js-cert-000", tagKeys: ["team"] }));
  assert.deepEqual(tagsOf((await certificate("js-cert-000")).tags), ["env=test"]);
});

await step("a deleted certificate is no longer read, and deleting it again is a NotFoundException", async () => {
  await c.send(new DeleteCertificateCommand({ certificateName: "js-cert-001" }));
  assert.deepEqual((await c.send(new GetCertificatesCommand({ certificateName: "js-cert-001" }))).certificates, []);
  await expectError(c.send(new DeleteCertificateCommand({ certificateName: "js-cert-001" })), NotFoundException);
});

await step("a disk read by name is pending, then available", async () => {
  await c.send(new CreateDiskCommand({ diskName: "js-data", availabilityZone: `${clientConfig.region}a`, sizeInGb: 32, tags: [{ key: "team", value: "a" }] }));
  const d = await disk("js-data");
  assert.deepEqual([d.name, d.sizeInGb, d.state, d.arn], ["js-data", 32, "pending", `arn:aws:lightsail:${clientConfig.region}:123456789012:disk/js-data`]);
  await advanceClock("lightsail", "1h");
  assert.equal((await disk("js-data")).state, "available");
}, { fatal: true });

await step("GetDisks pages with pageToken list every disk once in order", async () => {
  const want = ["js-data"];
  for (let i = 0; i < 104; i++) {
    const diskName = `js-disk-${String(i).padStart(3, "0")}`;
    await c.send(new CreateDiskCommand({ diskName, availabilityZone: `${clientConfig.region}a`, sizeInGb: 8 }));
    want.push(diskName);
  }
  const all = await pages(GetDisksCommand, "disks");
  assert.ok(all.length >= 2, `${all.length} pages, want at least 2`);
  assert.deepEqual(all.flat().filter((n) => n.startsWith("js-")), want);
});

await step("a disk's tags are added and removed by name and show in it", async () => {
  assert.deepEqual(tagsOf((await disk("js-data")).tags), ["team=a"]);
  await c.send(new TagResourceCommand({ resourceName: "js-data", tags: [{ key: "env", value: "test" }] }));
  assert.deepEqual(tagsOf((await disk("js-data")).tags), ["env=test", "team=a"]);
  await c.send(new UntagResourceCommand({ resourceName: "js-data", tagKeys: ["team"] }));
  assert.deepEqual(tagsOf((await disk("js-data")).tags), ["env=test"]);
});

await step("a deleted disk is then a NotFoundException", async () => {
  await c.send(new DeleteDiskCommand({ diskName: "js-data" }));
  await advanceClock("lightsail", "1h");
  await expectError(c.send(new GetDiskCommand({ diskName: "js-data" })), NotFoundException);
});

done();
