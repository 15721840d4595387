package mockrt

import (
	"log/slog"
	"strconv"
	"unicode/utf8"
)

// maxLogged is the most bytes of a request-controlled value (the method,
// the path, a target) a log line holds. A request line may be as long as
// net/http's header limit (1 MB); whoever reads the log needs the start of
// it, and a peer must not be able to fill the log with its own text.
const maxLogged = 256

func levelFor(status int) slog.Level {
	if status >= 500 {
		return slog.LevelError
	}
	return slog.LevelInfo
}

func slogAttrs(service string, r *Record) []slog.Attr {
	attrs := []slog.Attr{
		slog.String("service", service),
		slog.String("operation", r.Operation),
		slog.String("method", logText(r.Method)),
		slog.String("path", logText(r.Path)),
		slog.Int("status", r.Status),
		slog.Duration("duration", r.Duration),
		slog.String("requestId", r.RequestID),
	}
	if r.Protocol != "" {
		attrs = append(attrs, slog.String("protocol", r.Protocol))
	}
	if r.ErrorCode != "" {
		attrs = append(attrs, slog.String("error", logText(r.ErrorCode)))
	}
	return attrs
}

// logText is s cut to maxLogged bytes, on a rune boundary, saying how much
// was cut.
func logText(s string) string {
	if len(s) <= maxLogged {
		return s
	}
	cut := maxLogged
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + strconv.Itoa(len(s)-cut) + " more bytes)"
}
