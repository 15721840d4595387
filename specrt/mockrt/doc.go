// Package mockrt is the run-time support of the mock servers that specgen
// generates (gen/<pkg>/<pkg>mock). A generated mock package describes its
// service as data (a *Service: protocols, operations, how to build their
// outputs and errors) and this package does the rest: routing by what the
// protocol names the operation with (X-Amz-Target, method and path with
// path labels, query and header bindings, or the body itself), reading the
// body under a size limit, SigV4 verification, decoding and validation,
// error injection, latency, request records, and the in-memory store that
// gives the mock its state.
//
// A mock answers every protocol its service's model lists
// (Service.Protocols; CloudWatch's rpcv2Cbor, awsJson1_0 and awsQuery),
// each request in the one whose router claims it, errors included, and
// keeps one store whatever the protocol: a resource created in one is read
// in another. The resource engine and templates work on JSON trees under
// every protocol; a protocol whose bodies are JSON (ident's JSONBody) is
// read by the exact JSON decoder below, any other through its
// DecodeRequest into the typed input, whose tree the engine then gets, and
// answered through its EncodeResponse and EncodeError.
//
// Behaviour is data, not code: an operation's default behaviour is a
// Behavior (which input members must be unique, which member is the
// idempotency token, how each output member is produced, as templates) that
// the generator writes from the spec's mock block; specs/README.md documents
// the block and the template expressions. Tests replace it per operation
// with an override.
//
// # Using a generated mock in a test
//
//	srv, url := vpclatticemock.NewTestServer(t) // closed when the test ends
//	client := vpclattice.New(vpclattice.Options{Region: "us-east-1", BaseEndpoint: url})
//
//	srv.Throttle("CreateService", 2)             // the next two calls are throttled
//	srv.InjectError("CreateService", 1, &vpclattice.AccessDeniedException{Message: aws.String("no")})
//	srv.SetLatency("", 50*time.Millisecond)       // every operation
//	srv.HandleCreateService(func(ctx context.Context, in *vpclattice.CreateServiceInput) (*vpclattice.CreateServiceOutput, error) {
//		out, err := srv.DefaultCreateService(ctx, in) // adjust the default...
//		if err == nil {
//			out.Status = vpclattice.ServiceStatusActive
//		}
//		return out, err
//	})
//	... exercise the code under test with client ...
//	for _, r := range srv.Requests() { ... } // what was received, and answered
//	items := srv.Store().List("service")     // what was created
//
// The AWS SDKs work too: point their BaseEndpoint at url. With
// WithCredentials the mock verifies SigV4 signatures and answers a missing
// or bad one as AWS does; without it any credentials, and none, are
// accepted.
//
// # Order of a request
//
// Read the body (over the limit: 413), route on it, its headers and its
// path, verify the signature (when credentials are configured), then answer
// an unknown operation 400 UnknownOperationException in the protocol whose
// framing the request has; latency and injected errors, decode (malformed
// JSON, text that is not UTF-8 or a wrong type: the service's serialization
// error, naming the member; members are matched by their exact wire names,
// null is absent), bind path, query and header members, validate (the
// service's validation error, naming every bad member and its rule, an
// empty enum included), then the override or the default behaviour. No
// input gets a 5xx: only an override's error or an injected one can. The
// store is bounded (WithMaxResources, WithMaxStoreBytes): a create past a
// limit gets the operation's quota error.
//
// cmd/mockserver serves every generated mock on one address with a Mux.
package mockrt
