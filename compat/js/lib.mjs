// Shared by the scenarios: the mock's address and key pair (from the Go
// test that started cmd/mockserver), the control API, and a small runner
// of named steps. Plain ESM with node:assert; the exit code is the verdict.
import assert from "node:assert/strict";

const endpoint = process.env.SPECGEN_ENDPOINT;
if (!endpoint) {
  console.error("SPECGEN_ENDPOINT is not set: run through compat's TestJSSDKScenarios");
  process.exit(2);
}

// clientConfig is the configuration every SDK client of a scenario takes:
// the mock as endpoint, and the key pair the mock verifies signatures with.
export const clientConfig = {
  endpoint,
  region: process.env.SPECGEN_REGION ?? "us-west-2",
  credentials: {
    accessKeyId: process.env.SPECGEN_ACCESS_KEY ?? "AKIDEXAMPLE",
    secretAccessKey: process.env.SPECGEN_SECRET_KEY ?? "secret",
  },
  maxAttempts: 1,
};

// control calls the mock's control API under /_specgen/ and returns its
// JSON answer; a status other than 200 throws.
export async function control(method, path) {
  const res = await fetch(new URL("/_specgen/" + path, endpoint), { method });
  const body = await res.json();
  if (res.status !== 200) {
    throw new Error(`${method} /_specgen/${path}: ${res.status} ${JSON.stringify(body)}`);
  }
  return body;
}

// advanceClock moves the virtual clock of one service's mock forward, so
// that pending status transitions happen without waiting.
export const advanceClock = (service, duration) =>
  control("POST", `clock?advance=${encodeURIComponent(duration)}&service=${encodeURIComponent(service)}`);

// requireResources ends the scenario as skipped when the service's mock
// keeps no resources (its spec has none, or its overlay says
// `resources: ~`): GET /_specgen/resources leaves such a service out.
export async function requireResources(service) {
  const stored = await control("GET", `resources?service=${encodeURIComponent(service)}`);
  if (!(service in stored)) {
    console.log(`skip  every step: the ${service} mock keeps no resources yet`);
    process.exit(0);
  }
}

// advanceClockAfterEachCall adds middleware to an SDK client that moves the
// service's clock forward after each answer, so that a waiter using that
// client sees the transitional status once, polls again, and sees the next
// one: deterministic, with no sleep but the waiter's own.
export function advanceClockAfterEachCall(client, service) {
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      await advanceClock(service, "10m");
      return out;
    },
    { step: "deserialize", name: "specgenAdvanceClock" },
  );
  return client;
}

// waiterConfig is the waiter configuration of the scenarios: short delays
// (the clock is advanced, not waited for) and a generous bound.
export const waiterConfig = { minDelay: 0.01, maxDelay: 0.05, maxWaitTime: 30 };

// knownBugs are the mock's known departures from the service, reported for
// routing (compat/mock_sdk_lifecycle_test.go keeps the same list for the
// Go SDK). A step meeting exactly the symptom skips with the description.
const knownBugs = {
  // None at present: the gaps the SDK scenarios found (issue 11) are fixed.
};

class Skip extends Error {}

export function knownBug(key) {
  assert.ok(key in knownBugs, `no known mock bug ${key}`);
  throw new Skip(`known mock bug (reported): ${knownBugs[key]}`);
}

// requireStored skips the step when the service's mock stored no resource
// of kind: the kind is not one its spec declares yet (the Go scenarios,
// which see the declared kinds, say which).
export async function requireStored(service, kind) {
  const stored = await control("GET", `resources?service=${encodeURIComponent(service)}&kind=${encodeURIComponent(kind)}`);
  if ((stored[service] ?? []).length === 0) throw new Skip(`the ${service} mock keeps no ${kind} resources yet`);
}

// expectError checks that promise rejects with the SDK's typed exception
// class (an instance of it, as the SDK's deserializer builds it).
export async function expectError(promise, ErrorClass) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ErrorClass, `got ${err.name}: ${err.message}, want ${ErrorClass.name}`);
    return err;
  }
  assert.fail(`succeeded, want ${ErrorClass.name}`);
}

// collect reads every page of an SDK paginator and returns the pages.
export async function collect(paginator) {
  const pages = [];
  for await (const page of paginator) pages.push(page);
  return pages;
}

let failed = 0;

// step runs one named step of a scenario. Steps run in order; a failed
// step is reported and the scenario goes on with the next one unless the
// step is marked fatal (later steps need what it made).
export async function step(name, fn, { fatal = false } = {}) {
  try {
    await fn();
    console.log(`ok    ${name}`);
  } catch (err) {
    if (err instanceof Skip) {
      console.log(`skip  ${name}: ${err.message}`);
      return;
    }
    failed++;
    console.log(`FAIL  ${name}: ${err.stack ?? err}`);
    if (fatal) process.exit(1);
  }
}

// done ends the scenario with its verdict as the exit code.
export function done() {
  process.exit(failed > 0 ? 1 : 0);
}

export { assert };
