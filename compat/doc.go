// Package compat holds tests that need heavyweight dependencies (the AWS SDK
// for Go v2 service clients, go-playground/validator): side-by-side wire
// compatibility tests, mock-server tests and benchmarks against the SDK. It
// is a separate module so that programs importing gen/ never download them.
package compat
