package mockrt

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"time"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/schema"
)

// Templates yield timestamps as epoch seconds ({now}, a stored output's
// number). A member whose timestampFormat is iso8601 or http-date carries a
// string instead, and so does each element of a list or map of timestamps
// of such a format; the member's codec shape says which (Shape.Format of
// the member or of its elements), and an output is converted member by
// member as it is trimmed to its shape, so that the client reads what the
// service would send.

// timeFormatTag is the struct tag that says a field's timestamp format to
// a service that describes no codec shapes (Service.WireShape nil: the
// hand-written services of tests). Generated types carry no such tag.
const timeFormatTag = "timestampFormat"

func (w *wireType) noteTimeFormat(name string, f reflect.StructField) {
	format := f.Tag.Get(timeFormatTag)
	if format == "" || format == specrt.TimestampEpochSeconds {
		return
	}
	if w.timeFormats == nil {
		w.timeFormats = map[string]string{}
	}
	w.timeFormats[name] = format
}

// noteShapeTimeFormat notes the format of member name, of codec shape s,
// when it is a timestamp (or a list or map of them) in another format than
// epoch seconds.
func (w *wireType) noteShapeTimeFormat(name string, s *schema.Shape) {
	if s.Kind == schema.KindList || s.Kind == schema.KindMap {
		s = s.Elem
	}
	if s == nil || s.Kind != schema.KindTime {
		return
	}
	var format string
	switch s.Format {
	case schema.ISO8601Format:
		format = specrt.TimestampISO8601
	case schema.HTTPDateFormat:
		format = specrt.TimestampHTTPDate
	default:
		return
	}
	if w.timeFormats == nil {
		w.timeFormats = map[string]string{}
	}
	w.timeFormats[name] = format
}

// formatTimes converts v, a timestamp as templates yield it or a list or
// map of them, to format.
func formatTimes(v any, format string) any {
	switch c := v.(type) {
	case []any:
		for i, e := range c {
			c[i] = formatTime(e, format)
		}
	case map[string]any:
		for k, e := range c {
			c[k] = formatTime(e, format)
		}
	default:
		return formatTime(v, format)
	}
	return v
}

// formatTime converts v, a timestamp as templates yield it, to format; any
// other value (a string already, from the input) is left as it is.
func formatTime(v any, format string) any {
	var secs float64
	switch n := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return v
		}
		secs = f
	case float64:
		secs = n
	case int:
		secs = float64(n)
	case int64:
		secs = float64(n)
	default:
		return v
	}
	if math.IsNaN(secs) || math.IsInf(secs, 0) {
		return v
	}
	whole, frac := math.Modf(secs)
	t := time.Unix(int64(whole), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
	if format == specrt.TimestampHTTPDate {
		return specrt.FormatHeaderTime(t)
	}
	return t.Format(time.RFC3339Nano)
}
