package querywire

import (
	"encoding/base64"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Error is a form body that cannot be decoded.
type Error struct {
	// Key is the key where decoding stopped, as the body spells it after
	// percent-decoding; empty for a problem with the body as a whole.
	Key string
	// Msg describes the problem.
	Msg string
}

// Error renders "query: <problem>", followed by the key when there is one.
func (e *Error) Error() string {
	if e.Key == "" {
		return "query: " + e.Msg
	}
	return "query: " + e.Msg + " at key '" + truncate(e.Key, 200) + "'"
}

// truncate shortens s to at most n bytes for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// pair is one key=value of a body, both percent-decoded; pos is where the
// segments still to be matched begin in key (len(key) when none remain).
type pair struct {
	key, value string
	pos        int
}

// seg returns the pair's next segment.
func (p *pair) seg() string {
	rest := p.key[p.pos:]
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		return rest[:i]
	}
	return rest
}

// advance moves past the next segment and its dot.
func (p *pair) advance() {
	p.pos += len(p.seg())
	if p.pos < len(p.key) {
		p.pos++
	}
}

// done reports whether every segment is matched.
func (p *pair) done() bool { return p.pos == len(p.key) }

// parse splits a body into its pairs, percent-decoding keys and values
// into one buffer the strings share. An empty part (a&&b, a trailing &) is
// skipped; a part without '=', malformed percent-encoding, an empty key or
// an empty segment, a key of more than MaxSegments segments and more than
// MaxKeys pairs are errors.
func parse(body []byte) ([]pair, error) {
	n := 1
	for _, c := range body {
		if c == '&' {
			n++
		}
	}
	if n > MaxKeys+1 {
		n = MaxKeys + 1
	}
	pairs := make([]pair, 0, n)
	buf := make([]byte, 0, len(body))
	for rest := body; len(rest) > 0; {
		part := rest
		if i := indexByte(rest, '&'); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(part) == 0 {
			continue
		}
		if len(pairs) == MaxKeys {
			return nil, &Error{Msg: "more than " + strconv.Itoa(MaxKeys) + " keys"}
		}
		eq := indexByte(part, '=')
		if eq < 0 {
			return nil, &Error{Key: string(part), Msg: "a key without '='"}
		}
		var key, value string
		var err *Error
		if buf, key, err = unescape(buf, part[:eq]); err != nil {
			return nil, err
		}
		if buf, value, err = unescape(buf, part[eq+1:]); err != nil {
			err.Key = key
			return nil, err
		}
		if err := checkKey(key); err != nil {
			return nil, err
		}
		pairs = append(pairs, pair{key: key, value: value})
	}
	return pairs, nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// checkKey refuses an empty key, an empty segment and too many segments.
func checkKey(key string) *Error {
	if key == "" {
		return &Error{Msg: "an empty key"}
	}
	segs := 1
	for i := 0; i < len(key); i++ {
		if key[i] == '.' {
			if i == 0 || i == len(key)-1 || key[i-1] == '.' {
				return &Error{Key: key, Msg: "an empty segment"}
			}
			segs++
		}
	}
	if segs > MaxSegments {
		return &Error{Key: key, Msg: "more than " + strconv.Itoa(MaxSegments) + " segments"}
	}
	return nil
}

// unescape appends the percent-decoded s ('+' is a space) to buf, whose
// capacity must hold it, and returns it with the decoded text as a string
// sharing buf's array.
func unescape(buf, s []byte) ([]byte, string, *Error) {
	start := len(buf)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			buf = append(buf, ' ')
		case '%':
			if i+2 >= len(s) {
				return buf, "", &Error{Key: string(s), Msg: "malformed percent-encoding"}
			}
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return buf, "", &Error{Key: string(s), Msg: "malformed percent-encoding"}
			}
			buf = append(buf, hi<<4|lo)
			i += 2
		default:
			buf = append(buf, c)
		}
	}
	if len(buf) == start {
		return buf, "", nil
	}
	return buf, unsafe.String(&buf[start], len(buf)-start), nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// segCompare orders keys segment by segment (a dot sorts before any other
// byte), so that the pairs under one member, one list item or one map
// entry are next to each other.
func segCompare(a, b pair) int {
	n := min(len(a.key), len(b.key))
	for i := range n {
		ca, cb := a.key[i], b.key[i]
		if ca == cb {
			continue
		}
		if ca == '.' {
			return -1
		}
		if cb == '.' {
			return 1
		}
		return int(ca) - int(cb)
	}
	return len(a.key) - len(b.key)
}

// Operation returns the Action and Version of a form body without reading
// the rest, so that a request is routed to its operation even when another
// of its keys is malformed (the operation's decoding then says which). An
// Action or Version whose own encoding is malformed is an error.
func Operation(body []byte) (action, version string, err error) {
	for rest := body; len(rest) > 0; {
		part := rest
		if i := indexByte(rest, '&'); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		eq := indexByte(part, '=')
		if eq < 0 {
			continue
		}
		var dst *string
		switch string(part[:eq]) {
		case keyAction:
			dst = &action
		case keyVersion:
			dst = &version
		default:
			continue
		}
		_, v, e := unescape(make([]byte, 0, len(part)-eq-1), part[eq+1:])
		if e != nil {
			e.Key = string(part[:eq])
			return "", "", e
		}
		*dst = v
	}
	return action, version, nil
}

// Unmarshal decodes a form body into v, a pointer to the structure s
// describes; the Action and Version keys are skipped. The first problem
// stops decoding and is returned as an *Error; members decoded before it
// are kept.
func Unmarshal(d Dialect, body []byte, s *schema.Shape, v any) error {
	return UnmarshalAt(d, body, s, codec.PointerTo(v))
}

// UnmarshalAt is Unmarshal with the structure given by its address.
func UnmarshalAt(d Dialect, body []byte, s *schema.Shape, p unsafe.Pointer) error {
	pairs, err := parse(body)
	if err != nil {
		return err
	}
	pairs = slices.DeleteFunc(pairs, func(p pair) bool { return p.key == keyAction || p.key == keyVersion })
	slices.SortFunc(pairs, segCompare)
	for i := 1; i < len(pairs); i++ {
		if pairs[i].key == pairs[i-1].key {
			return &Error{Key: pairs[i].key, Msg: "a repeated key"}
		}
	}
	dec := decoder{d: d}
	if err := dec.structure(pairs, s, p); err != nil {
		return err
	}
	return nil
}

// decoder decodes sorted pairs into a value.
type decoder struct {
	d Dialect
}

// group returns the length of the run of pairs at the start of run whose
// next segment is the first one's.
func group(run []pair) int {
	seg := run[0].seg()
	j := 1
	for j < len(run) && run[j].seg() == seg {
		j++
	}
	return j
}

// structure decodes the pairs of run, all under the structure at p.
func (dec *decoder) structure(run []pair, s *schema.Shape, p unsafe.Pointer) *Error {
	in := infoOf(s)
	for len(run) > 0 {
		if run[0].done() {
			return &Error{Key: run[0].key, Msg: "a value for a structure, which has members"}
		}
		n := group(run)
		g := run[:n]
		run = run[n:]
		i, ok := in.index[dec.d][g[0].seg()]
		if !ok {
			return &Error{Key: g[0].key, Msg: "a key that names no member"}
		}
		for k := range g {
			g[k].advance()
		}
		m := &s.Members[i]
		fp := unsafe.Add(p, m.Offset)
		if !m.Shape.Held() {
			if err := dec.value(g, m.Shape, fp, flat(dec.d, m)); err != nil {
				return err
			}
			continue
		}
		v := newValue(m.Shape)
		if err := dec.value(g, m.Shape, v, false); err != nil {
			return err
		}
		*(*unsafe.Pointer)(fp) = v
	}
	return nil
}

// newValue allocates a value of shape s, for a member held through a
// pointer.
func newValue(s *schema.Shape) unsafe.Pointer {
	switch s.Kind {
	case schema.KindString:
		return unsafe.Pointer(new(string))
	case schema.KindBool:
		return unsafe.Pointer(new(bool))
	case schema.KindInt32:
		return unsafe.Pointer(new(int32))
	case schema.KindInt64:
		return unsafe.Pointer(new(int64))
	case schema.KindFloat32:
		return unsafe.Pointer(new(float32))
	case schema.KindFloat64:
		return unsafe.Pointer(new(float64))
	case schema.KindTime:
		return unsafe.Pointer(new(time.Time))
	}
	return reflect.New(infoOf(s).typ).UnsafePointer()
}

// value decodes run, every pair under one value of shape s, into p.
func (dec *decoder) value(run []pair, s *schema.Shape, p unsafe.Pointer, flat bool) *Error {
	switch s.Kind {
	case schema.KindStruct:
		return dec.structure(run, s, p)
	case schema.KindList:
		return dec.list(run, s, p, flat)
	case schema.KindMap:
		return dec.dict(run, s, p, flat)
	}
	if len(run) > 1 || !run[0].done() {
		k := run[0]
		if k.done() {
			k = run[1]
		}
		return &Error{Key: k.key, Msg: "a key below a value that has no members"}
	}
	return scalar(run[0], s, p)
}

// scalar decodes the value of pr, of shape s, into p.
func scalar(pr pair, s *schema.Shape, p unsafe.Pointer) *Error {
	v := pr.value
	bad := func(what string) *Error {
		return &Error{Key: pr.key, Msg: "expected " + what + ", found '" + truncate(v, 64) + "'"}
	}
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		*(*string)(p) = v
	case schema.KindBool:
		switch v {
		case "true":
			*(*bool)(p) = true
		case "false":
			*(*bool)(p) = false
		default:
			return bad("true or false")
		}
	case schema.KindInt32:
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil {
			return bad("a 32-bit integer")
		}
		*(*int32)(p) = int32(n)
	case schema.KindInt64:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return bad("a 64-bit integer")
		}
		*(*int64)(p) = n
	case schema.KindFloat32, schema.KindFloat64:
		bits := 64
		if s.Kind == schema.KindFloat32 {
			bits = 32
		}
		f, ok := parseFloat(v, bits)
		if !ok {
			return bad("a number")
		}
		if bits == 32 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
	case schema.KindTime:
		t, ok := parseTime(v, s.Format)
		if !ok {
			return bad("a timestamp")
		}
		*(*time.Time)(p) = t
	case schema.KindBlob:
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			return bad("base64")
		}
		*(*[]byte)(p) = b
	case schema.KindDocument:
		return &Error{Key: pr.key, Msg: "a document, which has no form encoding"}
	default:
		return &Error{Key: pr.key, Msg: "a shape of unknown kind"}
	}
	return nil
}

// parseFloat reads a decimal number, or NaN, Infinity or -Infinity as the
// query protocols spell them (and not the other spellings strconv
// accepts).
func parseFloat(v string, bits int) (float64, bool) {
	switch v {
	case "NaN":
		return nanValue(), true
	case "Infinity":
		return posInf, true
	case "-Infinity":
		return negInf, true
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c != 'e' && c != 'E' && (c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(v, bits)
	return f, err == nil
}

// parseTime reads a timestamp in format f: an RFC 3339 date-time by
// default, epoch seconds (with a fraction) or an HTTP date.
func parseTime(v string, f schema.TimeFormat) (time.Time, bool) {
	switch f {
	case schema.EpochSecondsFormat:
		sec, ok := parseFloat(v, 64)
		if !ok || sec != sec || sec > 1e15 || sec < -1e15 {
			return time.Time{}, false
		}
		return time.UnixMilli(int64(sec*1000 + 0.5*sign(sec))).UTC(), true
	case schema.HTTPDateFormat:
		t, err := http.ParseTime(v)
		return t.UTC(), err == nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	return t.UTC(), err == nil
}

// The special values of floats.
var (
	posInf = math.Inf(1)
	negInf = math.Inf(-1)
)

func nanValue() float64 { return math.NaN() }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// list decodes run, the pairs under one list, into the slice at p.
func (dec *decoder) list(run []pair, s *schema.Shape, p unsafe.Pointer, flat bool) *Error {
	in := infoOf(s)
	if len(run) == 1 && run[0].done() {
		if run[0].value != "" {
			return &Error{Key: run[0].key, Msg: "a value for a list, which has items"}
		}
		// A=: an empty list
		reflect.NewAt(in.typ, p).Elem().Set(reflect.MakeSlice(in.typ, 0, 0))
		return nil
	}
	if !flat {
		if err := dec.expect(run, in.item); err != nil {
			return err
		}
	}
	items, err := dec.items(run)
	if err != nil {
		return err
	}
	sl := reflect.MakeSlice(in.typ, len(items), len(items))
	reflect.NewAt(in.typ, p).Elem().Set(sl)
	base := sl.UnsafePointer()
	for i, g := range items {
		if err := dec.value(g, s.Elem, unsafe.Add(base, uintptr(i)*in.size), false); err != nil {
			return err
		}
	}
	return nil
}

// expect matches the next segment of every pair of run with seg.
func (dec *decoder) expect(run []pair, seg string) *Error {
	for k := range run {
		if run[k].done() || run[k].seg() != seg {
			return &Error{Key: run[k].key, Msg: "expected the segment '" + seg + "'"}
		}
		run[k].advance()
	}
	return nil
}

// items splits run, whose next segments are indexes, into the runs of
// items 1 to n, each index past its segment. Every index must be a decimal
// number from 1 to the number of pairs, without leading zeros, and every
// index up to the largest must have a pair: an index names an item only
// as far as the body holds items.
func (dec *decoder) items(run []pair) ([][]pair, *Error) {
	groups := 0
	for rest := run; len(rest) > 0; {
		n := group(rest)
		rest = rest[n:]
		groups++
	}
	items := make([][]pair, groups)
	for len(run) > 0 {
		if run[0].done() {
			return nil, &Error{Key: run[0].key, Msg: "a value where an index was expected"}
		}
		n := group(run)
		g := run[:n]
		run = run[n:]
		idx, ok := parseIndex(g[0].seg(), groups)
		if !ok {
			return nil, &Error{Key: g[0].key, Msg: "an index that is not from 1 to the number of items (" + strconv.Itoa(groups) + ")"}
		}
		for k := range g {
			g[k].advance()
		}
		items[idx-1] = g
	}
	// groups distinct indexes, each from 1 to groups: all are there.
	return items, nil
}

// parseIndex reads a decimal index from 1 to n, without leading zeros.
func parseIndex(seg string, n int) (int, bool) {
	if seg == "" || seg[0] == '0' || len(seg) > 9 {
		return 0, false
	}
	i := 0
	for k := 0; k < len(seg); k++ {
		c := seg[k]
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, i <= n
}

// dict decodes run, the pairs under one map, into the map at p.
func (dec *decoder) dict(run []pair, s *schema.Shape, p unsafe.Pointer, flat bool) *Error {
	in := infoOf(s)
	if !flat {
		if err := dec.expect(run, "entry"); err != nil {
			return err
		}
	}
	entries, err := dec.items(run)
	if err != nil {
		return err
	}
	m := reflect.MakeMapWithSize(in.typ, len(entries))
	reflect.NewAt(in.typ, p).Elem().Set(m)
	tmp := reflect.New(in.elem)
	key := reflect.New(in.typ.Key()).Elem()
	for _, e := range entries {
		first := e[0].key
		var k string
		var haveKey bool
		var val []pair
		for len(e) > 0 {
			n := group(e)
			g := e[:n]
			e = e[n:]
			switch seg := g[0].seg(); {
			case seg == in.key && n == 1 && strings.IndexByte(g[0].key[g[0].pos:], '.') < 0:
				k, haveKey = g[0].value, true
			case seg == in.value:
				for j := range g {
					g[j].advance()
				}
				val = g
			default:
				return &Error{Key: g[0].key, Msg: "expected the segment '" + in.key + "' or '" + in.value + "'"}
			}
		}
		if !haveKey || val == nil {
			which := in.key
			if haveKey {
				which = in.value
			}
			return &Error{Key: first, Msg: "a map entry without its " + which}
		}
		key.SetString(k)
		if m.MapIndex(key).IsValid() {
			return &Error{Key: val[0].key, Msg: "a repeated map key '" + truncate(k, 64) + "'"}
		}
		tmp.Elem().SetZero()
		if err := dec.value(val, s.Elem, tmp.UnsafePointer(), false); err != nil {
			return err
		}
		m.SetMapIndex(key, tmp.Elem())
	}
	return nil
}
