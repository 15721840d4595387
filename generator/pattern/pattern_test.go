package pattern

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

const (
	ecrImage   = `([0-9]{12}.dkr.ecr.[a-z\-]+-[0-9]{1}.amazonaws.com\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)|(^public\.ecr\.aws\/.+\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)`
	genericARN = `arn:aws(-[\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\w|\/|-){1,1011}`
	roleARN    = `arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::[0-9]{12}:(role|role\/service-role)\/[\w+=,.@\-/]{1,1000}`
	certARN    = `(arn(:[a-z0-9]+([.-][a-z0-9]+)*){2}(:([a-z0-9]+([.-][a-z0-9]+)*)?){2}:certificate/[0-9a-z-]+)?`
)

// realPatterns are AWS patterns (from the models and from the specs of this
// repository) with hand-picked values, edge cases first.
var realPatterns = []struct {
	src     string
	yes, no []string
}{
	{
		src: `(?!svc-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`, // VPC Lattice ServiceName
		yes: []string{"my-svc", "svc", "svcx-1", "a", "0", "svc0", "sv-c", "a-b-c"},
		no:  []string{"svc-x", "svc-", "-a", "a-", "a--b", "", "-", "Svc", "my_svc", "a-b--c"},
	},
	{
		src: `^(?!arn:)[!-~]{1,253}$`, // Cloud Map
		yes: []string{"abc", "arn", "ARN:x", "arn-x", "ar:n", strings.Repeat("x", 253), "arn" + strings.Repeat("x", 250)},
		no:  []string{"", "arn:", "arn:x", strings.Repeat("x", 254), "a b", "é", "\x7f"},
	},
	{
		src: `^(?!aws:).+`, // App Runner TagKey
		yes: []string{"aws", "AWS:x", "aws-x", "é", "aw:", "aws :", " aws:", "\t"},
		no:  []string{"aws:x", "aws:", "a\nb", "", "\r", "a\u2028", "\u2029"},
	},
	{
		src: genericARN,
		yes: []string{
			"arn:aws:iam::123456789012:role/x",
			"arn:aws-cn-x:s3:us-east-1:123456789012:a-b/c",
			`arn:aws:a\b.c:r:123456789012:x`,
			"arn:aws:::123456789012:" + strings.Repeat("w", 1011),
			"arn:aws:" + strings.Repeat("s", 63) + ":" + strings.Repeat("r", 63) + ":123456789012:x",
		},
		no: []string{
			"arn:aws:::123456789012:" + strings.Repeat("w", 1012),
			"arn:aws:s3::12345678901:x",
			"arn:aws:" + strings.Repeat("s", 64) + "::123456789012:x",
			"arn:aws:s3::123456789012:",
			"arn:aws-:s3::123456789012:x",
			"arn:aws:S3::123456789012:x",
			"arn:aws:s3::123456789012:a.b",
		},
	},
	{
		src: roleARN,
		yes: []string{
			"arn:aws:iam::123456789012:role/MyRole",
			"arn:aws-us-gov:iam::123456789012:role/service-role/x+=,.@-",
			"arn:aws-iso-b:iam::000000000000:role/" + strings.Repeat("r", 1000),
		},
		no: []string{
			"arn:aws:iam::123456789012:user/x",
			"arn:aws:iam::12345678901:role/x",
			"arn:aws:iam::123456789012:role/",
			"arn:aws:iam::123456789012:role/" + strings.Repeat("r", 1001),
			"arn:aws-iso-c:iam::123456789012:role/x",
			"arn:aws:iam::123456789012:role/a b",
		},
	},
	{
		src: ecrImage,
		yes: []string{
			"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repo:latest",
			"123456789012.dkr.ecr.us-east-1.amazonaws.com/ns/repo@sha256:abc",
			"123456789012.dkr.ecr.eu-west-3.amazonaws.com/a.b/c_d-e",
			"public.ecr.aws/nginx/nginx:latest",
			"public.ecr.aws/a/b/c@x",
			// The pattern leaves the dots of the host unescaped.
			"123456789012xdkrxecrxus-east-1xamazonawsxcom/repo",
		},
		no: []string{
			"nginx:latest",
			"public.ecr.aws/nginx",
			"123456789012.dkr.ecr.us-east-1.amazonaws.com/Repo",
			"123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:",
			"123456789012.dkr.ecr.us-east-1.amazonaws.com/repo--x",
			"publicxecr.aws/a/b",
			"12345678901.dkr.ecr.us-east-1.amazonaws.com/repo",
		},
	},
	{
		src: `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}`,
		yes: []string{"123e4567-e89b-12d3-a456-426614174000", "ABCDEFAB-CDEF-5BCD-BBCD-ABCDEFABCDEF"},
		no:  []string{"123e4567-e89b-02d3-a456-426614174000", "123e4567-e89b-12d3-c456-426614174000", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g", ""},
	},
	{
		src: `256|512|1024|2048|4096|(0.25|0.5|1|2|4) vCPU`,
		yes: []string{"256", "4096", "1 vCPU", "0.25 vCPU", "0x25 vCPU"},
		no:  []string{"1", "256 vCPU", "8 vCPU", "0.25vCPU", "", "0.25 vcpu", "0\n25 vCPU"},
	},
	{
		src: `[^\x0a\x0d]+`,
		yes: []string{"abc", "é", "\t", "\u2028", "\x00"},
		no:  []string{"", "a\nb", "\r", "\n"},
	},
	{
		src: `[^\x00]+`,
		yes: []string{"a\n", "é", "\xff"},
		no:  []string{"", "a\x00", "\x00"},
	},
	{
		src: `.*`,
		yes: []string{"", "abc", "\x00", "\xff", "\u2027"},
		no:  []string{"\n", "a\rb", "\u2029"},
	},
	{
		src: `.*\S.*`,
		yes: []string{"a", " a ", "é", "\u200b", "\x00"},
		no:  []string{"", "   ", "\u00a0", "\ufeff", "\u3000", "a\nb", "\t", "\v\f"},
	},
	{
		src: `\w[\w\-]*\w`,
		yes: []string{"ab", "a-b", "a_b", "A--9"},
		no:  []string{"a", "-ab", "ab-", "a b", "ab\u00e9", ""},
	},
	{
		src: `([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`,
		yes: []string{"", "héllo wörld", "日本語", "\u00a0", "٣", "a:b/c=d+e-f@g", "\u2028", "Ⅻ"},
		no:  []string{"a!b", "a\tb", "😀", "a\nb", "\xff", "#"},
	},
	{
		src: certARN,
		yes: []string{"", "arn:aws:acm:us-east-1:123456789012:certificate/abc-123", "arn:aws:acm:::certificate/x", "arn:a.b:c-d::x:certificate/0"},
		no:  []string{"arn:aws:acm:certificate/x", "arn:aws:acm:::certificate/", "arn:aws:acm:::certificate/X", "arn:aws.:acm:::certificate/x", "arn"},
	},
	{
		src: `.*[!-~]+.*`,
		yes: []string{"a", " a ", "é~"},
		no:  []string{"", " ", "é", "\n"},
	},
	{
		src: `arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:service/svc-[0-9a-z]{17}`,
		yes: []string{"arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-0123456789abcdefg"},
		no:  []string{"arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-0123456789abcdef", "arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-0123456789abcdefgh", "arn:aws:vpc-lattice:us-west-2:12345678901a:service/svc-0123456789abcdefg"},
	},
	{
		src: `(?![aA][wW][sS]:).*`,
		yes: []string{"", "aws", "awsx:", "aé", "a ws:", "aw:"},
		no:  []string{"aws:", "AwS:x", "AWS:", "\n", "x\n"},
	},
	{
		src: `(?![aA][wW][sS]:)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`, // spec ecs TagKey
		yes: []string{"", "aws", "key:aws:", "日本"},
		no:  []string{"aws:", "aWs:x", "a!"},
	},
	{src: `svc-[0-9a-z]{17}`, yes: []string{"svc-0123456789abcdefg"}, no: []string{"svc-0123456789abcdef"}},
	{src: `[a-zA-Z0-9_-]+`, yes: []string{"a_B-9"}, no: []string{"", "a.b"}},
	{src: `/.*`, yes: []string{"/", "/a/b"}, no: []string{"", "a/", "/\n"}},
	{src: `(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*`, yes: []string{"", "AWS:x"}, no: []string{"aws:x", "!"}},
}

func TestRealPatterns(t *testing.T) {
	for _, tc := range realPatterns {
		d, err := Compile(tc.src)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.src, err)
			continue
		}
		for _, s := range tc.yes {
			if !d.Match(s) {
				t.Errorf("%s: rejects %q", tc.src, s)
			}
		}
		for _, s := range tc.no {
			if d.Match(s) {
				t.Errorf("%s: accepts %q", tc.src, s)
			}
		}
	}
}

// syntaxCases cover the syntax beyond the real patterns.
var syntaxCases = []struct {
	src     string
	yes, no []string
}{
	{`^abc$`, []string{"abc"}, []string{"", "abcd"}},
	{`^$`, []string{""}, []string{"a"}},
	{``, []string{""}, []string{"a"}},
	{`()`, []string{""}, []string{"a"}},
	{`a|`, []string{"", "a"}, []string{"b"}},
	{`(^a|^b)c$`, []string{"ac", "bc"}, []string{"c", "abc"}},
	{`^(a$|b$)`, []string{"a", "b"}, []string{"ab"}},
	{`a|^b$|c$`, []string{"a", "b", "c"}, []string{"", "bc"}},
	{`(?:^a)?b`, []string{"ab", "b"}, []string{"a"}},
	{`(?!a$)`, []string{""}, []string{"a", "b"}},
	{`(?!a$).*`, []string{"", "ab", "b"}, []string{"a"}},
	{`(?!a|b$).*`, []string{"", "c", "ba"}, []string{"a", "ax", "b"}},
	{`(?!)a`, nil, []string{"a", ""}},
	{`(?=)a`, []string{"a"}, []string{""}},
	{`(?=.*\d)(?=.*[a-z]).{4,}`, []string{"abc1", "1abc", "a1b2c3"}, []string{"abcd", "1234", "a1", "a1\nb"}},
	{`^(?=a)(?!ab)[a-z]+`, []string{"a", "ac", "aab"}, []string{"ab", "abc", "b"}},
	{`(?!(?=a)ab)..`, []string{"ac", "ba"}, []string{"ab"}},
	{`(?!a)b|c`, []string{"b", "c"}, []string{"a"}},
	{`(?!c)[a-c]|(?!a)[a-c]`, []string{"a", "b", "c"}, nil},
	{`(?!c)[a-c](?:x|y)|(?!a)[a-c]z`, []string{"ax", "by", "bz", "cz"}, []string{"cx", "az"}},
	{`(?<name>ab)+`, []string{"ab", "abab"}, []string{"", "aba"}},
	{`a{2}b{2,}c{1,3}`, []string{"aabbc", "aabbbccc"}, []string{"abbc", "aabc", "aabbcccc"}},
	{`a{0}b`, []string{"b"}, []string{"ab"}},
	{`(a|b)*?c+?d??`, []string{"c", "abcd", "ccc"}, []string{"", "d"}},
	{`\t\n\r\f\v\0\x41\u00e9\u{1F600}\cJ`, []string{"\t\n\r\f\v\x00Aé😀\n"}, nil},
	{`\uD83D\uDE00`, []string{"😀"}, []string{"\xed\xa0\xbd"}},
	{`\.\-\/\\\:\@\ \{\}\[\]\(\)\*\+\?\|\^\$`, []string{`.-/\:@ {}[]()*+?|^$`}, nil},
	{`}]`, []string{"}]"}, nil},
	{`\d\D\w\W\s\S`, []string{"1a_.\u3000x", "9 z-\ufeffé"}, []string{"1a_.\u200bx"}},
	{`[a-z0-9-\\.]+`, []string{`a-\.9`}, []string{"A", "/"}},
	{`[-a]+[a-]+[a-c-e]+`, []string{"-a-cbe-"}, []string{"d"}},
	{`[\w+=,.@\-/]+`, []string{"a+=,.@-/_"}, []string{"!", "é"}},
	{`[\w-.]+`, []string{"a-.", "_"}, []string{"é"}},
	{`[^\w\s]+`, []string{"!é", "😀"}, []string{"a", " ", "\u2028"}},
	{`[\p{Lu}\d]+`, []string{"ÀB1"}, []string{"a"}},
	{`\P{L}+`, []string{"1 !"}, []string{"a", "é"}},
	{`[^\P{L}]+`, []string{"aé"}, []string{"1"}},
	{`\p{Greek}+\p{Script=Latin}\p{gc=Nd}\p{Letter}\p{IsCyrillic}`, []string{"αβa1bж"}, []string{"ab11bж"}},
	{`\p{Alnum}+\p{Punct}`, []string{"aZ9!"}, []string{"é!"}},
	{`\p{Any}`, []string{"a", "\n", "😀"}, []string{""}},
	{`[\s\S]{3}`, []string{"abc", "\n\n\n", "é😀\xff"}, []string{"ab", "abcd"}},
	{`.`, []string{"a", "\xff", "\u2027"}, []string{"\n", "\r", "\u2028", "\u2029", "ab", ""}},
	{`(a*)*b`, []string{"b", "aab"}, []string{"a"}},
	{`(|a)+`, []string{"", "aa"}, []string{"b"}},
	{`x{1,1000}`, []string{"x", strings.Repeat("x", 1000)}, []string{"", strings.Repeat("x", 1001)}},
	{`(ab){2,300}`, []string{"abab", strings.Repeat("ab", 300)}, []string{"ab", strings.Repeat("ab", 301), "aba"}},
}

func TestSyntax(t *testing.T) {
	for _, tc := range syntaxCases {
		d, err := Compile(tc.src)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.src, err)
			continue
		}
		for _, s := range tc.yes {
			if !d.Match(s) {
				t.Errorf("%s: rejects %q", tc.src, s)
			}
		}
		for _, s := range tc.no {
			if d.Match(s) {
				t.Errorf("%s: accepts %q", tc.src, s)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		src    string
		offset int
		msg    string
	}{
		{`a^b`, 1, "anchor ^ inside"},
		{`a$b`, 1, "anchor $ inside"},
		{`(^a)*`, 1, "anchor ^ inside"},
		{`a?^b`, 2, "anchor ^ inside"},
		{`a|b$c`, 3, "anchor $ inside"},
		{`(?<=a)b`, 0, "lookbehind"},
		{`(?<!a)b`, 0, "lookbehind"},
		{`a(?!b)`, 1, "lookahead is only supported at the start"},
		{`(a(?=b))*`, 2, "lookahead is only supported at the start"},
		{`(a)\1`, 3, "backreferences"},
		{`\k<a>`, 0, "backreferences"},
		{`[]`, 0, "empty character class"},
		{`[a`, 0, "missing ]"},
		{`a)`, 1, "unmatched )"},
		{`(a`, 0, "missing )"},
		{`*a`, 0, "nothing to repeat"},
		{`a**`, 2, "nested quantifier"},
		{`a*+`, 2, "possessive"},
		{`^*`, 1, "cannot be repeated"},
		{`(?=a)*`, 5, "cannot be repeated"},
		{`a{2,1}`, 1, "out of order"},
		{`a{`, 1, `unescaped {`},
		{`a{1`, 1, `unescaped {`},
		{`{1}`, 0, "nothing to repeat"},
		{`x{100001}`, 1, "repeat count larger"},
		{`\b`, 0, "word boundary"},
		{`[\b]`, 1, `\b in a character class`},
		{`\q`, 0, `unknown escape \q`},
		{`\`, 0, "trailing backslash"},
		{`\p{Foo}`, 0, "unknown Unicode property"},
		{`\p{InGreek}`, 0, "unknown Unicode property"},
		{`\pL`, 0, `\p needs a {name}`},
		{`(?i)a`, 0, "unsupported group syntax (?i"},
		{`[z-a]`, 1, "range out of order"},
		{`[a-\d]`, 1, "class escape cannot end a range"},
		{`[[:alpha:]]`, 1, "nested ["},
		{`[a&&b]`, 2, "&&"},
		{`\uD800`, 0, "lone surrogate"},
		{`\u{D800}`, 0, "surrogate"},
		{`\u{110000}`, 0, "out of range"},
		{`\x4`, 0, `\x needs two hex digits`},
		{`\u12`, 0, `\u needs four hex digits`},
		{`\012`, 0, "octal"},
		{"a\xffb", 1, "invalid UTF-8"},
		{`(?<1a>x)`, 0, "malformed group name"},
		{`(a|b)*a(a|b){14}`, 0, "pattern too complex: more than 10000 states"},
		{`((a{1000}){1000}){1000}`, 0, "pattern too complex"},
		{`(ab){1,100000}`, 0, "pattern too complex"},    // not one class
		{`[a-z]{1,100000}x+`, 0, "pattern too complex"}, // x+ varies in length too
	} {
		_, err := Compile(tc.src)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Compile(%q) = %v, want an *Error", tc.src, err)
			continue
		}
		if pe.Offset != tc.offset || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("Compile(%q) = %v, want offset %d and %q", tc.src, err, tc.offset, tc.msg)
		}
		if !strings.HasPrefix(err.Error(), "pattern offset ") {
			t.Errorf("Error() = %q", err.Error())
		}
	}
}

func TestNumStates(t *testing.T) {
	for _, tc := range []struct {
		src string
		n   int
	}{
		{`[0-9]{12}`, 13},
		{`.*`, 1},
		{`a|b`, 2},
		{`(a|b)*abb`, 4}, // the textbook example
		{`x{1,63}`, 64},
		{`x{1,1011}`, 1},       // x* under a length check
		{`[a-z]{1,100000}`, 1}, // likewise
		{`(ab){2,300}`, 601},   // not one class: a state per count
		{`x{1,1011}y+`, 1013},  // y+ varies in length too
		{`(?!)`, 0},
		{`[^\s\S]`, 0},
		{`(?!svc-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`, 6},
	} {
		d, err := Compile(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if d.NumStates() != tc.n {
			t.Errorf("%s: %d states, want %d", tc.src, d.NumStates(), tc.n)
		}
	}
}

// diffPatterns are compared against the regexp reference.
var diffPatterns = []string{
	`abc`, `a|b|`, `(a|ab)(c|bcd)(d*)`, `[a-c]*[^a-c]+`, `x{2,5}y{0,3}z{3,}`,
	`(?:ab|a)*?b+?`, `\d+\.\d*`, `\w\W\s\S\D`, `[\s\S]*`, `[^\s\S]`, `.`,
	`[\p{L}\p{Nd}_]+`, `\P{Lu}\p{Greek}`, `[\u00e0-\u00ff\u{1F600}-\u{1F64F}]+`,
	`(\.[a-z]+){0,5}`, `((a|b)c){3}`, `(a*)*b`, `a{0}`, `(|a)+`, `[\x00-\x1f\x7f]`,
	`[\t\n\v\f\r]\0`, `[-a][a-][\--/]`, `é+`, `[^é]`, `日本?`, `(ab){2,300}`,
	`\w[\w\-]*\w`, `[^\x0a\x0d]+`, `[^\x00]+`, `.*`, `.*\S.*`, `.*[!-~]+.*`,
	genericARN, roleARN, certARN, ecrImage,
	`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}`,
	`256|512|1024|2048|4096|(0.25|0.5|1|2|4) vCPU`,
	`([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`,
	`arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:service/svc-[0-9a-z]{17}`,
	`^[a-z]+$`, `(^public\.|^private\.)[a-z]+`, `x{1200}`, `y{3,}`, `z{998,1300}`,
	// Counted classes checked as a length, with fixed-length parts around.
	`a(b|c)[^x]{64,100}(de|fg)`, `[a-c]{70}`, `(?:x|y){0,64}\.`, `[ab]{64,70}|c`,
}

// lookPatterns have leading lookaheads; the reference splits them off.
var lookPatterns = []string{
	`(?!svc-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`,
	`^(?!arn:)[!-~]{1,253}$`,
	`^(?!aws:).+`,
	`(?![aA][wW][sS]:).*`,
	`(?![aA][wW][sS]:)([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`,
	`(?=.*\d)(?=.*[a-z]).{4,}`,
	`(?=[a-m])(?!.*(.)x)[a-z]*`,
	`(?!a$|b)[a-c]{0,3}`,
	`^(?=^a)(?!ab$)\w+$`,
	`(?!.*[-_]{2})[a-z_-]{3,8}`,
	`(?!ab)[a-c]{64,80}`,
	`^(?=.*c$)[a-c]{1,100}$`,
}

func TestDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, src := range append(append([]string(nil), diffPatterns...), lookPatterns...) {
		d, err := Compile(src)
		if err != nil {
			t.Errorf("Compile(%q): %v", src, err)
			continue
		}
		ref, ok := newReference(src)
		if !ok {
			t.Errorf("no reference for %q", src)
			continue
		}
		yes := 0
		strs := testStrings(d, rng, 300)
		for _, s := range strs {
			got, want := d.Match(s), ref.match(s)
			if got != want {
				t.Errorf("%s: Match(%q) = %v, regexp says %v", src, s, got, want)
			}
			if want {
				yes++
			}
		}
		if d.NumStates() > 0 && yes < len(strs)/10 {
			t.Errorf("%s: only %d of %d test strings match", src, yes, len(strs))
		}
	}
}

// TestCompileTime checks that the limits keep every compilation short.
// TestCompileTerminates: patterns built to blow up an automaton either
// compile or are refused as too complex. Compile's work is bounded by a step
// budget, not by a clock, so the outcome does not depend on the machine.
func TestCompileTerminates(t *testing.T) {
	for _, src := range []string{
		`(a|b)*a(a|b){12}`,
		`(.*a){20}`,
		`((a{100}){100}){10}`,
		`[\p{L}\p{N}\p{Z}\p{P}\p{S}\p{M}\p{C}]{1000}`,
		strings.Repeat(`(?!a{200}b)`, 30) + `.*`,
		strings.Repeat("(", 1000) + strings.Repeat(")", 1000),
		`(?:\w+\.){1,1000}\w{1,1000}`,
		`(\w|\/|-){1,1011}(\w|\/|-){1,1011}`,
	} {
		_, err := Compile(src)
		var pe *Error
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("Compile(%.40q) returned %T, want *Error", src, err)
		}
	}
}

func FuzzCompile(f *testing.F) {
	for _, tc := range realPatterns {
		f.Add(tc.src)
	}
	for _, s := range diffPatterns {
		f.Add(s)
	}
	f.Add(`(a|b)*a(a|b){14}`)
	f.Add(`[\p{L}-\u{1F600}]{2,9}|(?!x)y$`)
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Compile(src)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Compile(%q) returned %T, want *Error", src, err)
			}
			if pe.Offset < 0 || pe.Offset > len(src) {
				t.Fatalf("Compile(%q): offset %d out of range", src, pe.Offset)
			}
			return
		}
		d.Match(src)
		d.Emit("f", "")
	})
}

func FuzzMatch(f *testing.F) {
	for _, tc := range realPatterns {
		for _, s := range append(tc.yes, tc.no...) {
			if len(s) < 100 {
				f.Add(tc.src, s)
			}
		}
	}
	f.Add(`(?!a$|b)[a-c]{0,3}`, "ab")
	f.Add(`[^\w\s]+\d{2,}`, "é12")
	f.Add(`a(b|c)[^x]{64,100}(de|fg)`, "ab"+strings.Repeat("y", 64)+"de")
	f.Add(`(?!ab)[a-c]{64,80}`, strings.Repeat("c", 80))
	f.Fuzz(func(t *testing.T, src, s string) {
		d, err := Compile(src)
		if err != nil {
			return
		}
		ref, ok := newReference(src)
		if !ok {
			return
		}
		if got, want := d.Match(s), ref.match(s); got != want {
			t.Fatalf("%q: Match(%q) = %v, regexp says %v", src, s, got, want)
		}
		rng := rand.New(rand.NewPCG(uint64(len(s)), 7))
		for _, x := range testStrings(d, rng, 5) {
			if got, want := d.Match(x), ref.match(x); got != want {
				t.Fatalf("%q: Match(%q) = %v, regexp says %v", src, x, got, want)
			}
		}
	})
}
