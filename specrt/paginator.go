package specrt

import (
	"context"
	"errors"
)

// Paginator pages through the results of an operation, as the AWS SDK for
// Go v2's generated paginators do: HasMorePages, then NextPage until it
// reports none. Generated packages declare one per paginated operation
// (ListServicesPaginator, NewListServicesPaginator), an alias of this type
// with a function that knows the operation's tokens, so that the paging
// logic is written once.
type Paginator[In, Out any] struct {
	params  In
	fetch   func(context.Context, *In, ...func(*Options)) (*Out, error)
	advance func(*In, *Out) bool
	more    bool
}

// NewPaginator returns a paginator that calls fetch with a copy of params
// (nil means the zero input), and after each page calls advance to set the
// input's tokens from the output; advance reports whether another page
// follows. Generated advance functions stop on a token the service repeats,
// so that a service that never stops cannot loop a caller forever.
func NewPaginator[In, Out any](params *In, fetch func(context.Context, *In, ...func(*Options)) (*Out, error), advance func(*In, *Out) bool) *Paginator[In, Out] {
	p := &Paginator[In, Out]{fetch: fetch, advance: advance, more: true}
	if params != nil {
		p.params = *params
	}
	return p
}

// HasMorePages reports whether NextPage has another page to fetch.
func (p *Paginator[In, Out]) HasMorePages() bool { return p.more }

// errNoMorePages is NextPage's error past the last page.
var errNoMorePages = errors.New("no more pages")

// NextPage fetches the next page. An error leaves the paginator where it
// was, so the call can be repeated.
func (p *Paginator[In, Out]) NextPage(ctx context.Context, optFns ...func(*Options)) (*Out, error) {
	if !p.more {
		return nil, errNoMorePages
	}
	in := p.params
	out, err := p.fetch(ctx, &in, optFns...)
	if err != nil {
		return nil, err
	}
	p.more = p.advance(&p.params, out)
	return out, nil
}
