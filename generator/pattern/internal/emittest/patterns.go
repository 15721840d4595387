// Package emittest holds matchers emitted by package pattern, checked in and
// compiled, so that the tests of package pattern can run the emitted code
// against the interpreter (DFA.Match) and benchmark it.
//
// matchers.go is generated: after changing the emitter or Patterns, run
//
//	go test ./generator/pattern -run TestEmitGolden -update
//
// (if matchers.go no longer compiles, empty its Matchers and delete its
// functions first: the generator's tests import this package).
package emittest

// Pattern is a pattern to emit, and the name of its matcher.
type Pattern struct {
	Name string
	Src  string
}

// Patterns are the patterns whose matchers matchers.go holds.
var Patterns = []Pattern{
	{"vpcLatticeServiceName", `(?!svc-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`},
	{"cloudMapName", `^(?!arn:)[!-~]{1,253}$`},
	{"appRunnerTagKey", `^(?!aws:).+`},
	{"genericARN", `arn:aws(-[\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\w|\/|-){1,1011}`},
	{"roleARN", `arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::[0-9]{12}:(role|role\/service-role)\/[\w+=,.@\-/]{1,1000}`},
	{"ecrImage", `([0-9]{12}.dkr.ecr.[a-z\-]+-[0-9]{1}.amazonaws.com\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)|(^public\.ecr\.aws\/.+\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)`},
	{"uuid", `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}`},
	{"cpu", `256|512|1024|2048|4096|(0.25|0.5|1|2|4) vCPU`},
	{"noLineBreak", `[^\x0a\x0d]+`},
	{"noNUL", `[^\x00]+`},
	{"anyLine", `.*`},
	{"notBlank", `.*\S.*`},
	{"wordDashes", `\w[\w\-]*\w`},
	{"tagValue", `([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`},
	{"certificateARN", `(arn(:[a-z0-9]+([.-][a-z0-9]+)*){2}(:([a-z0-9]+([.-][a-z0-9]+)*)?){2}:certificate/[0-9a-z-]+)?`},
	{"printable", `.*[!-~]+.*`},
	{"serviceARN", `arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:service/svc-[0-9a-z]{17}`},
	{"notAWSPrefix", `(?![aA][wW][sS]:).*`},
	{"ecsTagKey", `(?![aA][wW][sS]:)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`},
	{"serviceID", `svc-[0-9a-z]{17}`},
	{"wordOrDash", `[a-zA-Z0-9_-]+`},
	{"path", `/.*`},
	// Corner cases of the emitter.
	{"nothing", `(?!)`},
	{"everything", `[\s\S]*`},
	{"threeRunes", `[\s\S]{3}`},
	{"oneRune", `.`},
	{"scripts", `\p{Greek}+[\p{Lu}\d]\P{L}[^\P{N}]`},
	{"nonASCIIRanges", `[\u00e0-\u00ff\u{1F600}-\u{1F64F}]+[^\u2000-\u2fff]`},
	{"pairs", `(ab){2,300}`},
	{"long", `x{1200}y{0,1300}`},
	{"password", `(?=.*\d)(?=.*[a-z]).{4,}`},
	{"lowerWord", `[a-z]{1,100000}`},
	{"fixedTail", `[^*]{64}\.txt`},
	{"tenthFromEnd", `(a|b)*a(a|b){9}`},
}
