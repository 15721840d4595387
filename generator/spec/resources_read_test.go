package spec

import (
	"testing"
)

// A create that answers only the new resource's ARN (EventBridge
// Scheduler's) still binds: the description whose members id, name and
// arn name is the read's, not the create's.
const createAnswersARN = `service:
  name: pens
  title: Example Pens
  apiVersion: "2025-01-01"
  protocol: restJson1
  signingName: pens
  endpointPrefix: pens
  validationError: ValidationException
operations:
  CreatePen:
    doc: Creates a pen.
    http: {method: POST, path: '/pens/{Name}', status: 200}
    input: CreatePenInput
    output: CreatePenOutput
    errors: [ValidationException]
  GetPen:
    doc: Describes a pen.
    http: {method: GET, path: '/pens/{Name}', status: 200}
    input: GetPenInput
    output: GetPenOutput
    errors: [ValidationException]
resources:
  Pen:
    id: Name
    arn: Arn
    operations:
      CreatePen: {role: create, description: ""}
      GetPen: {role: read, identifier: Name, description: ""}
shapes:
  ValidationException:
    type: structure
    error: {status: 400}
    members:
      message: string
  CreatePenInput:
    type: structure
    members:
      Name: {shape: string, required: true, location: uri, locationName: Name}
      Color: string
  CreatePenOutput:
    type: structure
    members:
      PenArn: string
  GetPenInput:
    type: structure
    members:
      Name: {shape: string, required: true, location: uri, locationName: Name}
  GetPenOutput:
    type: structure
    members:
      Name: string
      Arn: string
      Color: string
`

func TestCreateAnsweringLessThanTheReadBinds(t *testing.T) {
	t.Run("a resource whose create answers only the ARN checks against the read's description", func(t *testing.T) {
		svc, ds := Check("pens.yaml", []byte(createAnswersARN))
		if ds.Errors() > 0 {
			t.Fatalf("check: %v", ds)
		}
		if got := len(svc.Resources); got != 1 {
			t.Fatalf("%d resources, want 1", got)
		}
	})
}
