package xmlwire

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Marshal returns the XML document of v, a pointer to the Go structure s
// describes: one element named after the shape (Shape.XML.Name, else its Go
// type's name) with the shape's namespace. Absent members (nil pointers,
// blobs, lists and maps, "" enums) are left out; an empty blob, list or map
// that is not nil is an empty element (a flattened list or map: nothing). A
// document member is an error: XML has no form for it.
func Marshal(s *schema.Shape, v any) ([]byte, error) {
	var ns *schema.XMLNamespace
	if s.XML != nil {
		ns = s.XML.NS
	}
	return MarshalElement("", ns, s, v)
}

// MarshalElement is Marshal with the root element's name ("" for the
// shape's) and namespace (nil for none) given: a response declaring its
// service's namespace.
func MarshalElement(name string, ns *schema.XMLNamespace, s *schema.Shape, v any) ([]byte, error) {
	if name == "" {
		name = infoOf(s).name
	}
	return marshal(func(b []byte) ([]byte, error) {
		return appendElement(b, name, ns, s, codec.PointerTo(v))
	})
}

// marshal runs appendTo on a scratch buffer kept from call to call and
// returns a copy of the result: one allocation of the right size instead of
// a dozen as the buffer grows.
func marshal(appendTo func([]byte) ([]byte, error)) ([]byte, error) {
	bp := codec.Scratch()
	b, err := appendTo(*bp)
	var out []byte
	if err == nil {
		out = bytes.Clone(b)
	}
	codec.Release(bp, b)
	return out, err
}

// AppendElement appends v, a pointer to the structure s describes, as an
// element of the given name declaring ns (nil for none): its attribute
// members on the start tag, the others as its children. The query
// protocols wrap a result this way (<OperationResult>).
func AppendElement(b []byte, name string, ns *schema.XMLNamespace, s *schema.Shape, v any) ([]byte, error) {
	return appendElement(b, name, ns, s, codec.PointerTo(v))
}

// AppendMembers appends the members of v, a pointer to the structure s
// describes, as elements, leaving out attribute members: the children of an
// element the caller has opened (an error's members after its <Code> and
// <Message>).
func AppendMembers(b []byte, s *schema.Shape, v any) ([]byte, error) {
	return appendMembers(b, s, codec.PointerTo(v))
}

// AppendText appends s as the escaped text of an element.
func AppendText(b []byte, s string) []byte { return appendEscaped(b, s, false) }

// appendElement writes the structure at p as an element.
func appendElement(b []byte, name string, ns *schema.XMLNamespace, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	b = append(b, '<')
	b = append(b, name...)
	b = appendNS(b, ns)
	b = appendAttrs(b, s, p)
	b = append(b, '>')
	b, err := appendMembers(b, s, p)
	if err != nil {
		return b, err
	}
	return appendEnd(b, name), nil
}

// appendMembers writes the element members of the structure at p.
func appendMembers(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	var err error
	for i := range s.Members {
		m := &s.Members[i]
		if isAttr(m) {
			continue
		}
		fp, ok := field(m, p)
		if !ok {
			continue
		}
		if b, err = appendMember(b, m, fp); err != nil {
			return b, err
		}
	}
	return b, nil
}

// field returns where the value of member m of the structure at p is, and
// whether it is present.
func field(m *schema.Member, p unsafe.Pointer) (unsafe.Pointer, bool) {
	fp := unsafe.Add(p, m.Offset)
	if m.Shape.Held() {
		fp = *(*unsafe.Pointer)(fp)
		return fp, fp != nil
	}
	return fp, !codec.AbsentNilBlob(m.Shape, fp)
}

// appendAttrs writes the attribute members of the structure at p, each as
// name="value".
func appendAttrs(b []byte, s *schema.Shape, p unsafe.Pointer) []byte {
	for _, i := range infoOf(s).attrs {
		m := &s.Members[i]
		fp, ok := field(m, p)
		if !ok {
			continue
		}
		b = append(b, ' ')
		b = append(b, m.Name...)
		b = append(b, '=', '"')
		if k := m.Shape.Kind; k == schema.KindString || k == schema.KindEnum {
			b = appendEscaped(b, *(*string)(fp), true)
		} else {
			b = appendScalar(b, m.Shape, fp) // nothing to escape
		}
		b = append(b, '"')
	}
	return b
}

// appendMember writes member m, whose value is at fp.
func appendMember(b []byte, m *schema.Member, fp unsafe.Pointer) ([]byte, error) {
	ns := memberNS(m)
	s := m.Shape
	if isFlat(m) {
		switch s.Kind {
		case schema.KindList:
			return appendItems(b, s, fp, m.Name, ns)
		case schema.KindMap:
			return appendEntries(b, s, fp, m.Name, ns)
		}
	}
	return appendValue(b, m.Name, ns, s, fp)
}

// appendValue writes the value at p, of shape s, as an element of the
// given name declaring ns.
func appendValue(b []byte, name string, ns *schema.XMLNamespace, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	var err error
	switch s.Kind {
	case schema.KindStruct:
		return appendElement(b, name, ns, s, p)
	case schema.KindList:
		in := infoOf(s)
		b = appendStart(b, name, ns)
		if b, err = appendItems(b, s, p, in.item, in.itemNS); err != nil {
			return b, err
		}
		return appendEnd(b, name), nil
	case schema.KindMap:
		b = appendStart(b, name, ns)
		if b, err = appendEntries(b, s, p, "entry", nil); err != nil {
			return b, err
		}
		return appendEnd(b, name), nil
	case schema.KindDocument:
		return b, errDocument
	}
	b = appendStart(b, name, ns)
	b = appendScalar(b, s, p)
	return appendEnd(b, name), nil
}

// errDocument is the error of a document member, which XML cannot carry.
var errDocument = errors.New("xml: a document member has no XML form")

// appendItems writes the items of the slice at p, each as an element of the
// given name.
func appendItems(b []byte, s *schema.Shape, p unsafe.Pointer, name string, ns *schema.XMLNamespace) ([]byte, error) {
	h := (*codec.SliceHeader)(p)
	if k := s.Elem.Kind; k == schema.KindString || k == schema.KindEnum {
		for _, v := range unsafe.Slice((*string)(h.Data), h.Len) {
			b = appendStart(b, name, ns)
			b = appendEscaped(b, v, false)
			b = appendEnd(b, name)
		}
		return b, nil
	}
	size := infoOf(s).size
	var err error
	for i := range h.Len {
		if b, err = appendValue(b, name, ns, s.Elem, unsafe.Add(h.Data, uintptr(i)*size)); err != nil {
			return b, err
		}
	}
	return b, nil
}

// appendEntries writes the entries of the map at p, in key order, each as
// an element of the given name holding its key and value.
func appendEntries(b []byte, s *schema.Shape, p unsafe.Pointer, name string, ns *schema.XMLNamespace) ([]byte, error) {
	in := infoOf(s)
	entry := func(b []byte, k string) []byte {
		b = appendStart(b, name, ns)
		b = appendStart(b, in.key, in.keyNS)
		b = appendEscaped(b, k, false)
		return appendEnd(b, in.key)
	}
	if s.Elem.Kind == schema.KindString {
		m := *(*map[string]string)(p)
		var small [16]string
		keys := codec.SortedKeys(m, small[:0])
		for _, k := range keys {
			b = entry(b, k)
			b = appendStart(b, in.value, in.valueNS)
			b = appendEscaped(b, m[k], false)
			b = appendEnd(b, in.value)
			b = appendEnd(b, name)
		}
		return b, nil
	}
	m := reflect.NewAt(in.typ, p).Elem()
	keys := codec.SortedMapKeys(m)
	tmp := reflect.New(in.elem)
	var err error
	for _, k := range keys {
		b = entry(b, k.String())
		tmp.Elem().Set(m.MapIndex(k))
		if b, err = appendValue(b, in.value, in.valueNS, s.Elem, tmp.UnsafePointer()); err != nil {
			return b, err
		}
		b = appendEnd(b, name)
	}
	return b, nil
}

func appendStart(b []byte, name string, ns *schema.XMLNamespace) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = appendNS(b, ns)
	return append(b, '>')
}

func appendEnd(b []byte, name string) []byte {
	b = append(b, '<', '/')
	b = append(b, name...)
	return append(b, '>')
}

// appendNS writes the declaration of ns, if any, inside a start tag.
func appendNS(b []byte, ns *schema.XMLNamespace) []byte {
	if ns == nil {
		return b
	}
	b = append(b, " xmlns"...)
	if ns.Prefix != "" {
		b = append(b, ':')
		b = append(b, ns.Prefix...)
	}
	b = append(b, '=', '"')
	b = appendEscaped(b, ns.URI, true)
	return append(b, '"')
}

// appendScalar writes the text of the scalar at p of shape s.
func appendScalar(b []byte, s *schema.Shape, p unsafe.Pointer) []byte {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		return appendEscaped(b, *(*string)(p), false)
	case schema.KindBool:
		return strconv.AppendBool(b, *(*bool)(p))
	case schema.KindInt32:
		return strconv.AppendInt(b, int64(*(*int32)(p)), 10)
	case schema.KindInt64:
		return strconv.AppendInt(b, *(*int64)(p), 10)
	case schema.KindFloat32:
		return appendFloat(b, float64(*(*float32)(p)), 32)
	case schema.KindFloat64:
		return appendFloat(b, *(*float64)(p), 64)
	case schema.KindTime:
		return appendTime(b, *(*time.Time)(p), s.Format)
	case schema.KindBlob:
		return base64.StdEncoding.AppendEncode(b, *(*[]byte)(p))
	}
	return b
}

// appendFloat writes f in the shortest form that reads back the same, and
// NaN and the infinities as NaN, Infinity and -Infinity.
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		return strconv.AppendFloat(b, f, 'e', -1, bits)
	}
	return strconv.AppendFloat(b, f, 'f', -1, bits)
}

// appendTime writes t in format f: an RFC 3339 date-time in UTC (with
// fractional seconds when it has them) for the default and iso8601, a
// number of seconds (with milliseconds when it has them) for epoch-seconds,
// an HTTP date for http-date.
func appendTime(b []byte, t time.Time, f schema.TimeFormat) []byte {
	switch f {
	case schema.EpochSecondsFormat:
		ms := t.UnixMilli()
		if ms%1000 == 0 {
			return strconv.AppendInt(b, ms/1000, 10)
		}
		return strconv.AppendFloat(b, float64(ms)/1000, 'f', -1, 64)
	case schema.HTTPDateFormat:
		return t.UTC().AppendFormat(b, http.TimeFormat)
	}
	return t.UTC().AppendFormat(b, time.RFC3339Nano)
}

// appendEscaped writes s as XML text, or as an attribute value when attr is
// set: &, < and > escaped (and " in attributes); a carriage return as a
// character reference, so that end-of-line handling does not turn it into
// a line feed, and in attributes tabs and line feeds too, which attribute
// normalization would turn into spaces. Characters XML cannot carry
// (control characters, invalid UTF-8) are replaced with U+FFFD.
func appendEscaped(b []byte, s string, attr bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch c {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\r':
				esc = "&#xD;"
			case '"':
				if attr {
					esc = "&quot;"
				}
			case '\n':
				if attr {
					esc = "&#xA;"
				}
			case '\t':
				if attr {
					esc = "&#x9;"
				}
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
			if esc != "" {
				b = append(b, s[start:i]...)
				b = append(b, esc...)
				start = i + 1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			start = i + n
		}
		i += n
	}
	return append(b, s[start:]...)
}
