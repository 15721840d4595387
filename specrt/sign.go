package specrt

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// PayloadHash is the hex SHA-256 of a request body, as SigV4 signs it. A call
// computes it once and reuses it for every attempt.
func PayloadHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// isAnonymous reports whether p supplies no credentials: requests are then
// sent unsigned.
func isAnonymous(p aws.CredentialsProvider) bool {
	if p == nil {
		return true
	}
	switch p.(type) {
	case aws.AnonymousCredentials, *aws.AnonymousCredentials:
		return true
	}
	return false
}

// cacheCredentials wraps p in an aws.CredentialsCache unless it already is
// one, so that a provider that fetches (IMDS, SSO, assume-role) is not asked
// again for every request. Anonymous providers are returned as nil.
func cacheCredentials(p aws.CredentialsProvider) aws.CredentialsProvider {
	if isAnonymous(p) {
		return nil
	}
	if _, ok := p.(*aws.CredentialsCache); ok {
		return p
	}
	return aws.NewCredentialsCache(p)
}

// signRequest signs r with SigV4 for service signingName in region, at now.
// Each client configuration has a signer of its own: v4.Signer caches
// derived keys by access key id alone, so a signer shared between clients
// with the same key id and different secrets would sign with the wrong key.
// A nil provider leaves r unsigned. Each attempt is signed afresh, so retried
// requests carry a current X-Amz-Date.
func signRequest(ctx context.Context, signer *v4.Signer, r *http.Request, p aws.CredentialsProvider, payloadHash, signingName, region string, now time.Time) error {
	if p == nil {
		return nil
	}
	creds, err := p.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("retrieve credentials: %w", err)
	}
	if err := signer.SignHTTP(ctx, creds, r, payloadHash, signingName, region, now); err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}
