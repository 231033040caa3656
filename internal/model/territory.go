// Package model holds Symbiose's domain structs: what a territory knows about
// its companies, their flows and the synergies between them.
package model

import "time"

// Territory is an agglomeration, a chamber of commerce or an industrial park
// running an industrial ecology programme. Every other record belongs to one.
type Territory struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}
