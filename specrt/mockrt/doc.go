// Package mockrt is the run-time support of the mock servers that specgen
// generates (gen/<pkg>/<pkg>mock). A generated mock package describes its
// service as data (a *Service: protocol, operations, how to build their
// outputs and errors) and this package does the rest: routing by X-Amz-Target
// or method and path, reading the body under a size limit, SigV4 verification,
// decoding and validation, error injection, latency, request records, and the
// in-memory store that gives the mock its state.
//
// Behaviour is data, not code: an operation's default behaviour is a
// Behavior (which input members must be unique, which member is the
// idempotency token, how each output member is produced) that the generator
// writes from the spec's mock block. Tests replace it per operation with an
// override function.
package mockrt
