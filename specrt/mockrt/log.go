package mockrt

import (
	"log/slog"
)

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
		slog.String("method", r.Method),
		slog.String("path", r.Path),
		slog.Int("status", r.Status),
		slog.Duration("duration", r.Duration),
		slog.String("requestId", r.RequestID),
	}
	if r.ErrorCode != "" {
		attrs = append(attrs, slog.String("error", r.ErrorCode))
	}
	return attrs
}
