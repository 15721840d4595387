package main

import "testing"

func TestBinaryAnswersTheQuotaErrorPastMaxResources(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	url, _, _ := startBinary(t, "-max-resources", "1")
	if status, body := call(t, url, "", "application/json", "/services", `{"name":"first"}`); status != 201 {
		t.Fatalf("first create: %d %v", status, body)
	}
	status, body := call(t, url, "", "application/json", "/services", `{"name":"second"}`)
	if status != 402 || body["__type"] != "ServiceQuotaExceededException" {
		t.Errorf("create past -max-resources 1: %d %v, want 402 ServiceQuotaExceededException", status, body)
	}
}
