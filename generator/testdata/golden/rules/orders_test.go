package orders_test

// Hand-written tests of the golden rules case, run against its generated
// package by TestGoldenRulesRun (generator/rules_run_test.go): every kind of
// rule, and every kind of value a condition compares, checked at run time.

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/testdata/golden/out/orders"
	"github.com/specgen/specgen/specrt"
)

func ptr[T any](v T) *T { return &v }

// valid pays by voucher and sets no member a rule depends on.
func valid() *orders.PlaceOrderInput {
	return &orders.PlaceOrderInput{
		Voucher: &orders.Voucher{Code: ptr("X")},
		Lines:   []orders.Line{{Sku: orders.SkuApple, Position: ptr(int32(1))}, {Sku: orders.SkuPear, Position: ptr(int32(2))}},
	}
}

func TestRules(t *testing.T) {
	oneOf := func(found string) specrt.FieldError {
		return specrt.FieldError{Rule: specrt.RuleOneOf, Message: "exactly one of Card, Voucher and Invoice must be set, found " + found}
	}
	onlyWhen := func(path, cond, value string) specrt.FieldError {
		return specrt.FieldError{Path: path, Rule: specrt.RuleOnlyWhen, Message: "is allowed only when " + cond + " is " + value}
	}
	dup := func(path, earlier, value string) specrt.FieldError {
		return specrt.FieldError{Path: path, Rule: specrt.RuleUniqueBy, Value: value, Message: "must be unique, " + earlier + " has the same value"}
	}
	tests := []struct {
		name   string
		mutate func(*orders.PlaceOrderInput)
		want   []specrt.FieldError
	}{
		{"a valid order passes", func(*orders.PlaceOrderInput) {}, nil},

		// oneOf over three members, one of them a boolean.
		{"no payment is rejected", func(in *orders.PlaceOrderInput) { in.Voucher = nil }, []specrt.FieldError{oneOf("none")}},
		{"an invoice alone passes, even false: set is not true", func(in *orders.PlaceOrderInput) {
			in.Voucher, in.Invoice = nil, ptr(false)
		}, nil},
		{"two payments are rejected, naming them", func(in *orders.PlaceOrderInput) { in.Invoice = ptr(true) }, []specrt.FieldError{oneOf("Voucher and Invoice")}},
		{"three payments are rejected, naming them", func(in *orders.PlaceOrderInput) {
			in.Invoice, in.Card = ptr(true), &orders.Card{Number: ptr("4111")}
		}, []specrt.FieldError{oneOf("Card, Voucher and Invoice")}},

		// atMostOneOf.
		{"an address alone passes", func(in *orders.PlaceOrderInput) { in.Address = ptr("1 Main St") }, nil},
		{"an address and a pickup point are rejected", func(in *orders.PlaceOrderInput) {
			in.Address, in.Pickup = ptr("1 Main St"), ptr("Shop 4")
		}, []specrt.FieldError{{Rule: specrt.RuleAtMostOneOf, Message: "at most one of Address and Pickup may be set, found Address and Pickup"}}},

		// requiredWhen on an enum with a default that is not the value.
		{"a courier delivery without an address is rejected", func(in *orders.PlaceOrderInput) { in.Delivery = orders.DeliveryCourier }, []specrt.FieldError{
			{Path: "Address", Rule: specrt.RuleRequiredWhen, Message: "is required when Delivery is COURIER"},
		}},
		{"a courier delivery with an address passes", func(in *orders.PlaceOrderInput) {
			in.Delivery, in.Address = orders.DeliveryCourier, ptr("1 Main St")
		}, nil},

		// onlyWhen on an enum whose default is the value.
		{"a pickup point with the default delivery passes", func(in *orders.PlaceOrderInput) { in.Pickup = ptr("Shop 4") }, nil},
		{"a pickup point with STANDARD delivery passes", func(in *orders.PlaceOrderInput) {
			in.Pickup, in.Delivery = ptr("Shop 4"), orders.DeliveryStandard
		}, nil},
		{"a pickup point with a courier is rejected, and the courier needs an address", func(in *orders.PlaceOrderInput) {
			in.Pickup, in.Delivery = ptr("Shop 4"), orders.DeliveryCourier
		}, []specrt.FieldError{
			{Path: "Address", Rule: specrt.RuleRequiredWhen, Message: "is required when Delivery is COURIER"},
			onlyWhen("Pickup", "Delivery", "STANDARD"),
		}},

		// onlyWhen on a boolean without a default.
		{"a gift note on a gift passes", func(in *orders.PlaceOrderInput) { in.Gift, in.GiftNote = ptr(true), ptr("Enjoy") }, nil},
		{"a gift note on a non-gift is rejected", func(in *orders.PlaceOrderInput) { in.Gift, in.GiftNote = ptr(false), ptr("Enjoy") }, []specrt.FieldError{
			onlyWhen("GiftNote", "Gift", "true"),
		}},
		{"a gift note without Gift is rejected", func(in *orders.PlaceOrderInput) { in.GiftNote = ptr("Enjoy") }, []specrt.FieldError{
			onlyWhen("GiftNote", "Gift", "true"),
		}},

		// onlyWhen on an integer.
		{"an escalation at priority 3 passes", func(in *orders.PlaceOrderInput) { in.Priority, in.Escalation = ptr(int32(3)), ptr("call") }, nil},
		{"an escalation at priority 2 is rejected", func(in *orders.PlaceOrderInput) { in.Priority, in.Escalation = ptr(int32(2)), ptr("call") }, []specrt.FieldError{
			onlyWhen("Escalation", "Priority", "3"),
		}},
		{"an escalation without a priority is rejected", func(in *orders.PlaceOrderInput) { in.Escalation = ptr("call") }, []specrt.FieldError{
			onlyWhen("Escalation", "Priority", "3"),
		}},

		// onlyWhen on a string whose default is the value.
		{"a referrer on the default channel passes", func(in *orders.PlaceOrderInput) { in.Referrer = ptr("ad") }, nil},
		{"a referrer on the web channel passes", func(in *orders.PlaceOrderInput) { in.Referrer, in.Channel = ptr("ad"), ptr("web") }, nil},
		{"a referrer on another channel is rejected", func(in *orders.PlaceOrderInput) { in.Referrer, in.Channel = ptr("ad"), ptr("phone") }, []specrt.FieldError{
			onlyWhen("Referrer", "Channel", "web"),
		}},

		// uniqueBy on an enum key and on an integer key.
		{"a repeated SKU is rejected", func(in *orders.PlaceOrderInput) { in.Lines[1].Sku = orders.SkuApple }, []specrt.FieldError{
			dup("Lines[1].Sku", "Lines[0].Sku", "APPLE"),
		}},
		{"a repeated position is rejected", func(in *orders.PlaceOrderInput) { in.Lines[1].Position = ptr(int32(1)) }, []specrt.FieldError{
			dup("Lines[1].Position", "Lines[0].Position", "1"),
		}},
		{"lines without a position are exempt", func(in *orders.PlaceOrderInput) { in.Lines[0].Position, in.Lines[1].Position = nil, nil }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid()
			tt.mutate(in)
			var got []specrt.FieldError
			var ve *specrt.ValidationError
			if err := in.Validate(); errors.As(err, &ve) {
				got = ve.Fields
			} else if err != nil {
				t.Fatalf("Validate returned %T (%v), want *specrt.ValidationError", err, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
