package conformance

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblejsonrpc10"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblejsonrpc10/querycompatiblejsonrpc10mock"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblerpcv2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblerpcv2protocol/querycompatiblerpcv2protocolmock"
	"github.com/specgen/specgen/specrt"
)

// TestQueryCompatibleErrorCodes runs the generated client of an
// awsQuery-compatible service against its generated mock: an error with a
// query code reaches the caller under that code, as an AWS SDK reports it,
// and one without keeps its own.
func TestQueryCompatibleErrorCodes(t *testing.T) {
	msg := "Hi"
	tests := []struct {
		name string
		err  func() error // the call's error, the mock answering with the error given
		want callerView
	}{
		{
			name: "an awsJson1_0 error with a query code is reported under it",
			err:  func() error { return callJSON10(&querycompatiblejsonrpc10.CustomCodeError{Message: &msg}) },
			want: callerView{Code: "Customized", QueryCode: "Customized", Fault: smithy.FaultClient, Message: "Hi"},
		},
		{
			name: "an awsJson1_0 error without a query code keeps its own",
			err:  func() error { return callJSON10(&querycompatiblejsonrpc10.NoCustomCodeError{Message: &msg}) },
			want: callerView{Code: "NoCustomCodeError", Fault: smithy.FaultClient, Message: "Hi"},
		},
		{
			name: "an rpcv2Cbor error with a query code is reported under it",
			err:  func() error { return callCBOR(&querycompatiblerpcv2protocol.CustomCodeError{Message: &msg}) },
			want: callerView{Code: "Customized", QueryCode: "Customized", Fault: smithy.FaultClient, Message: "Hi"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			var ae specrt.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want a typed error", err)
			}
			got := callerView{Code: ae.ErrorCode(), QueryCode: ae.ErrorMetadata().QueryCode, Fault: ae.ErrorFault(), Message: ae.ErrorMessage()}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("error (-want +got):\n%s", d)
			}
		})
	}
}

// callerView is what a caller sees of an error.
type callerView struct {
	Code, QueryCode, Message string
	Fault                    smithy.ErrorFault
}

func callJSON10(answer error) error {
	mock := querycompatiblejsonrpc10mock.New()
	mock.HandleQueryCompatibleOperation(func(context.Context, *querycompatiblejsonrpc10.QueryCompatibleOperationInput) (*querycompatiblejsonrpc10.QueryCompatibleOperationOutput, error) {
		return nil, answer
	})
	c := querycompatiblejsonrpc10.New(options("", &recordingDoer{h: mock}))
	_, err := c.QueryCompatibleOperation(context.Background(), &querycompatiblejsonrpc10.QueryCompatibleOperationInput{})
	return err
}

func callCBOR(answer error) error {
	mock := querycompatiblerpcv2protocolmock.New()
	mock.HandleQueryCompatibleOperation(func(context.Context, *querycompatiblerpcv2protocol.QueryCompatibleOperationInput) (*querycompatiblerpcv2protocol.QueryCompatibleOperationOutput, error) {
		return nil, answer
	})
	c := querycompatiblerpcv2protocol.New(options("", &recordingDoer{h: mock}))
	_, err := c.QueryCompatibleOperation(context.Background(), &querycompatiblerpcv2protocol.QueryCompatibleOperationInput{})
	return err
}
