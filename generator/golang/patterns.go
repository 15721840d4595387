package golang

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// emitPatterns writes one matcher function per distinct pattern, compiled at
// generation time to a minimal DFA: validation runs in linear time, without
// allocating and without the regexp package.
func emitPatterns(p *Package) *jen.File {
	if len(p.Patterns) == 0 {
		return nil
	}
	f := newFile(p)
	for _, pat := range p.Patterns {
		doc := fmt.Sprintf("%s reports whether s, as a whole, matches a pattern of the spec.", pat.FuncName)
		f.Add(pat.DFA.Emit(pat.FuncName, doc))
		f.Line()
	}
	return f
}
