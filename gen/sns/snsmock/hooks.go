// Hand-written: the generator never touches this file (it has no
// generated-code header).

package snsmock

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/specgen/specgen/gen/sns"
	"github.com/specgen/specgen/specrt/mockrt"
)

// PublishBatch answers one entry for each message it is given, which the
// spec's templates cannot say: the resource engine finds the topic (a
// topic that does not exist answers NotFound, specs/sns/resources.overlay.yaml),
// then each message gets a MessageId, and on a FIFO topic a
// SequenceNumber, as Publish answers them. "If you try to send more than
// 10 messages in a single batch request, you will receive a
// TooManyEntriesInBatchRequest exception", and "The Ids of a batch request
// must be unique within a request" (BatchEntryIdsNotDistinct). The
// messages are not kept: Server.Requests records each request as sent.

func init() { hooks = append(hooks, publishBatch) }

// maxBatch is the most messages a PublishBatch takes.
const maxBatch = 10

func publishBatch(s *Server) {
	s.HandlePublishBatch(func(ctx context.Context, in *sns.PublishBatchInput) (*sns.PublishBatchOutput, error) {
		if n := len(in.PublishBatchRequestEntries); n > maxBatch {
			return nil, &sns.TooManyEntriesInBatchRequestException{Message: new(fmt.Sprintf("The batch request contains more entries than permissible: %d, at most %d", n, maxBatch))}
		}
		seen := make(map[string]bool, len(in.PublishBatchRequestEntries))
		for _, e := range in.PublishBatchRequestEntries {
			if seen[*e.ID] {
				return nil, &sns.BatchEntryIDsNotDistinctException{Message: new("Two or more batch entries in the request have the same Id: " + *e.ID)}
			}
			seen[*e.ID] = true
		}
		if _, err := s.DefaultPublishBatch(ctx, in); err != nil {
			return nil, err
		}
		var fifo bool
		if st, ok := s.Resource("Topic", *in.TopicARN); ok {
			var attrs struct{ FifoTopic string }
			fifo = json.Unmarshal(st.Description, &attrs) == nil && attrs.FifoTopic == "true"
		}
		out := &sns.PublishBatchOutput{Successful: make([]sns.PublishBatchResultEntry, 0, len(in.PublishBatchRequestEntries)), Failed: []sns.BatchResultErrorEntry{}}
		for _, e := range in.PublishBatchRequestEntries {
			r := sns.PublishBatchResultEntry{ID: e.ID, MessageID: new(mockrt.NewUUID())}
			if fifo {
				r.SequenceNumber = new(sequenceNumber())
			}
			out.Successful = append(out.Successful, r)
		}
		return out, nil
	})
}

// sequenceNumber is a FIFO message's SequenceNumber as SNS answers one:
// 20 digits, the first not 0 (Publish's, from its template, are alike).
func sequenceNumber() string {
	b := make([]byte, 20)
	b[0] = byte('1' + rand.IntN(9))
	for i := 1; i < len(b); i++ {
		b[i] = byte('0' + rand.IntN(10))
	}
	return string(b)
}
