package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewToken returns a random secret for a session, a link or an API token:
// 256 bits, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is what the database keeps of a token, so that a stolen copy
// of the database opens no session.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
