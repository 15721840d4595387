package golang

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"text/template"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/templates"
)

// tmpl holds the parsed templates of the non-Go text the generator writes.
var tmpl = template.Must(template.ParseFS(templates.FS, "*.tmpl"))

// mustRender executes an embedded template that cannot fail on a valid
// model; the golden tests render every template, so a failure is a bug in
// the template itself.
func mustRender(name string, data any) string {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
		panic(fmt.Sprintf("golang: template %s: %v", name, err))
	}
	return b.String()
}

// renderDocs writes a package's overview: the doc.go package comment and
// README.md, both from templates.
func renderDocs(p *Package) ([]File, error) {
	var overview bytes.Buffer
	if err := tmpl.ExecuteTemplate(&overview, "doc.go.tmpl", p); err != nil {
		return nil, fmt.Errorf("%s: overview: %w", p.Package, err)
	}
	f := newFile(p)
	packageComment(f, wrapParagraphs(overview.String()))
	var doc bytes.Buffer
	if err := f.Render(&doc); err != nil {
		return nil, fmt.Errorf("%s: render doc.go: %w", p.Package, err)
	}
	var readme bytes.Buffer
	if err := tmpl.ExecuteTemplate(&readme, "README.md.tmpl", p); err != nil {
		return nil, fmt.Errorf("%s: README: %w", p.Package, err)
	}
	return []File{
		{Path: path.Join(p.Package, "doc.go"), Content: doc.Bytes()},
		{Path: path.Join(p.Package, "README.md"), Content: readme.Bytes()},
	}, nil
}

// wrapParagraphs wraps each paragraph of text for a Go comment, leaving list
// items and indented lines as they are.
func wrapParagraphs(text string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if strings.HasPrefix(para, " ") {
			out = append(out, para)
			continue
		}
		out = append(out, comment(para))
	}
	return strings.Join(out, "\n\n")
}

// docFor returns the doc comment of a declaration. The spec's documentation
// is kept as written, as the AWS SDKs keep it: forcing "X is ..." onto it
// turns "The user does not have access." into "X is the user does not have
// access.", and Go's conventions accept a comment that does not start with
// the name. Only a declaration without documentation gets a sentence that
// starts with its name, completed by fallback.
func docFor(name, text, fallback string) string {
	if text = strings.TrimSpace(text); text != "" {
		return comment(text)
	}
	return comment(name + " " + fallback)
}

// withDeprecation appends the Go convention's "Deprecated: " paragraph to a
// doc comment when d is set, so that tools (staticcheck, gopls) flag uses
// of the declaration; what names the thing ("operation", "member").
func withDeprecation(doc string, d *model.Deprecation, what string) string {
	if d == nil {
		return doc
	}
	msg := d.Message
	if msg == "" {
		msg = "the service marks this " + what + " as deprecated."
	}
	return doc + "\n\n" + comment("Deprecated: "+msg)
}
