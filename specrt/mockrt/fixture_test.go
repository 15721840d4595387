package mockrt

import (
	"net/http"
	"unicode/utf8"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/schema"
)

// Hand-written stand-ins for what the generator emits: an input with a
// validator, an output, and error types.

type AuthType string

func (AuthType) Values() []AuthType { return []AuthType{"NONE", "AWS_IAM"} }

type Config struct {
	Port *int32  `json:"port,omitempty"`
	Path *string `json:"path,omitempty"`
}

type CreateThingInput struct {
	ClientToken *string           `json:"clientToken,omitempty"`
	Name        *string           `json:"name,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
	AuthType    AuthType          `json:"authType,omitempty"`
	Config      *Config           `json:"config,omitempty"`
	Secret      *string           `json:"secret,omitempty"`
}

func (v *CreateThingInput) Validate() error {
	var r specrt.Report
	var root specrt.Path
	if v.Name == nil {
		r.Missing(root, "name")
	} else if n := utf8.RuneCountInString(*v.Name); n < 3 || n > 10 {
		r.Add(root.Member("name"), specrt.RuleLength, *v.Name, "length must be between 3 and 10 characters, got %d", n)
	}
	if v.AuthType != "" && v.AuthType != "NONE" && v.AuthType != "AWS_IAM" {
		r.Add(root.Member("authType"), specrt.RuleEnum, string(v.AuthType), "must be one of NONE, AWS_IAM")
	}
	if v.Secret != nil && len(*v.Secret) > 5 {
		sec := root.Member("secret")
		r.Add(sec.Redacted(), specrt.RuleLength, *v.Secret, "length must be at most 5")
	}
	tags := root.Member("tags")
	for k := range v.Tags {
		if len(k) >= 4 && k[:4] == "aws:" {
			r.Add(tags.Key(k), specrt.RulePattern, k, "must not start with aws:")
		}
	}
	return r.Err()
}

type CreateThingOutput struct {
	ID        *string           `json:"id,omitempty"`
	ARN       *string           `json:"arn,omitempty"`
	Name      *string           `json:"name,omitempty"`
	Status    *string           `json:"status,omitempty"`
	AuthType  AuthType          `json:"authType,omitempty"`
	Config    *Config           `json:"config,omitempty"`
	CreatedAt *float64          `json:"createdAt,omitempty"`
	Tags      map[string]string `json:"tags,omitempty"`
}

type ValidationExceptionField struct {
	Name    *string `json:"name"`
	Message *string `json:"message"`
}

type ValidationException struct {
	Message   *string                    `json:"message,omitempty"`
	Reason    *string                    `json:"reason,omitempty"`
	FieldList []ValidationExceptionField `json:"fieldList,omitempty"`
	Metadata  specrt.ErrorMetadata       `json:"-"`
}

func (e *ValidationException) Error() string {
	return specrt.FormatAPIError(e.ErrorCode(), e.ErrorMessage())
}
func (e *ValidationException) ErrorCode() string { return "ValidationException" }
func (e *ValidationException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}
func (e *ValidationException) ErrorFault() smithy.ErrorFault        { return smithy.FaultClient }
func (e *ValidationException) HTTPStatusCode() int                  { return 400 }
func (e *ValidationException) ErrorMetadata() *specrt.ErrorMetadata { return &e.Metadata }

type ConflictException struct {
	Message      *string              `json:"message,omitempty"`
	ResourceID   *string              `json:"resourceId,omitempty"`
	ResourceType *string              `json:"resourceType,omitempty"`
	Metadata     specrt.ErrorMetadata `json:"-"`
}

func (e *ConflictException) Error() string {
	return specrt.FormatAPIError(e.ErrorCode(), e.ErrorMessage())
}
func (e *ConflictException) ErrorCode() string { return "ConflictException" }
func (e *ConflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}
func (e *ConflictException) ErrorFault() smithy.ErrorFault        { return smithy.FaultClient }
func (e *ConflictException) HTTPStatusCode() int                  { return 409 }
func (e *ConflictException) ErrorMetadata() *specrt.ErrorMetadata { return &e.Metadata }

type ThrottlingException struct {
	Message           *string              `json:"message,omitempty"`
	RetryAfterSeconds *int32               `json:"-"`
	Metadata          specrt.ErrorMetadata `json:"-"`
}

func (e *ThrottlingException) Error() string {
	return specrt.FormatAPIError(e.ErrorCode(), e.ErrorMessage())
}
func (e *ThrottlingException) ErrorCode() string { return "ThrottlingException" }
func (e *ThrottlingException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault        { return smithy.FaultClient }
func (e *ThrottlingException) HTTPStatusCode() int                  { return 429 }
func (e *ThrottlingException) ErrorMetadata() *specrt.ErrorMetadata { return &e.Metadata }

// The codec shapes of the error types, as a generated package's WireShape
// hands them to its mock, which encodes error bodies from them.
var (
	schemaValidationExceptionField = schema.Shape{Kind: schema.KindStruct, Type: (*ValidationExceptionField)(nil), Members: []schema.Member{
		{Name: "name", Offset: unsafe.Offsetof(ValidationExceptionField{}.Name), Shape: &schema.String},
		{Name: "message", Offset: unsafe.Offsetof(ValidationExceptionField{}.Message), Shape: &schema.String},
	}}
	schemaValidationExceptionFieldList = schema.Shape{Kind: schema.KindList, Type: (*[]ValidationExceptionField)(nil), Elem: &schemaValidationExceptionField}
	schemaValidationException          = schema.Shape{Kind: schema.KindStruct, Type: (*ValidationException)(nil), Members: []schema.Member{
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(ValidationException{}.Message), Shape: &schema.String},
		{Name: "reason", Offset: unsafe.Offsetof(ValidationException{}.Reason), Shape: &schema.String},
		{Name: "fieldList", Offset: unsafe.Offsetof(ValidationException{}.FieldList), Shape: &schemaValidationExceptionFieldList},
	}}
	schemaConflictException = schema.Shape{Kind: schema.KindStruct, Type: (*ConflictException)(nil), Members: []schema.Member{
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(ConflictException{}.Message), Shape: &schema.String},
		{Name: "resourceId", Offset: unsafe.Offsetof(ConflictException{}.ResourceID), Shape: &schema.String},
		{Name: "resourceType", Offset: unsafe.Offsetof(ConflictException{}.ResourceType), Shape: &schema.String},
	}}
	schemaThrottlingException = schema.Shape{Kind: schema.KindStruct, Type: (*ThrottlingException)(nil), Members: []schema.Member{
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(ThrottlingException{}.Message), Shape: &schema.String},
	}}
)

// errorWireShape describes the fixture's error types and nothing else: the
// fixture's inputs and outputs are left to their struct tags.
func errorWireShape(v any) *schema.Shape {
	switch v.(type) {
	case *ValidationException:
		return &schemaValidationException
	case *ConflictException:
		return &schemaConflictException
	case *ThrottlingException:
		return &schemaThrottlingException
	}
	return nil
}

func thingBehavior() *Behavior {
	return &Behavior{
		Resource:         "thing",
		Unique:           []string{"name"},
		IdempotencyToken: "clientToken",
		Conflict: &ErrorTemplate{
			New: func() error { return new(ConflictException) },
			Members: []Field{
				{"message", "Thing {input.name} already exists"},
				{"resourceId", "{existing.id}"},
				{"resourceType", "THING"},
			},
		},
		IdempotencyMismatch: &ErrorTemplate{
			New:     func() error { return new(ConflictException) },
			Members: []Field{{"message", "clientToken {input.clientToken} was used with other parameters"}, {"resourceId", "{existing.id}"}, {"resourceType", "THING"}},
		},
		Defaults: []Field{{"authType", "NONE"}, {"config.port", 80}, {"config.path", "/ping"}},
		Output: []Field{
			{"id", "thg-{random:0-9a-z:17}"},
			{"arn", "arn:{partition}:things:{region}:{account}:thing/{output.id}"},
			{"name", "{input.name}"},
			{"status", "CREATE_IN_PROGRESS"},
			{"authType", "{input.authType}"},
			{"config", "{input.config}"},
			{"tags", "{input.tags}"},
			{"createdAt", "{now}"},
		},
	}
}

func restService() *Service {
	return &Service{
		Name:        "things",
		Protocol:    "restJson1",
		SigningName: "things",
		WireShape:   errorWireShape,
		Operations: []*Operation{{
			Name: "CreateThing", Method: "POST", Path: "/things", Status: 201,
			NewInput:  func() Input { return new(CreateThingInput) },
			NewOutput: func() any { return new(CreateThingOutput) },
			Behavior:  thingBehavior(),
		}},
		ValidationError: &ErrorTemplate{
			New:       func() error { return new(ValidationException) },
			Members:   []Field{{"message", "{message}"}, {"reason", "fieldValidationFailed"}},
			FieldList: "fieldList",
		},
		SerializationError: &ErrorTemplate{
			New:     func() error { return new(ValidationException) },
			Members: []Field{{"message", "{message}"}, {"reason", "cannotParse"}},
		},
		ThrottlingError: &ErrorTemplate{
			New:     func() error { return new(ThrottlingException) },
			Members: []Field{{"message", "{message}"}},
		},
		ErrorHeaders: func(err error, h http.Header) {
			if e, ok := err.(*ThrottlingException); ok && e.RetryAfterSeconds != nil {
				h.Set("Retry-After", specrt.FormatInt(int64(*e.RetryAfterSeconds)))
			}
		},
	}
}

func jsonService() *Service {
	return &Service{
		Name:         "jthings",
		Protocol:     "awsJson1_1",
		TargetPrefix: "Things_20200101",
		SigningName:  "jthings",
		WireShape:    errorWireShape,
		Operations: []*Operation{{
			Name:      "CreateThing",
			NewInput:  func() Input { return new(CreateThingInput) },
			NewOutput: func() any { return new(CreateThingOutput) },
			Behavior:  thingBehavior(),
		}},
	}
}
