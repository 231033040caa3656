package storage_test

import (
	"context"
	"errors"
	"testing"

	"symbiose/internal/programme"
	"symbiose/internal/storage"
	"symbiose/internal/storage/storagetest"
)

func TestProgrammeRoundTrip(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, b storagetest.Backend) {
		ctx := context.Background()
		tr := territory(t, b)
		if _, err := b.Programme(ctx, tr.ID); !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("programme of a new territory: %v", err)
		}
		p := programme.Programme{Name: "Programme EIT", Objectives: []programme.Objective{{Label: "10 synergies", Target: 10, By: 2021}},
			Means: []programme.Means{{Year: 2019, StaffFTE: 1, StaffEUR: 55000}}, Difficulties: []string{"la pause de 2020"}}
		if err := b.SetProgramme(ctx, tr.ID, p); err != nil {
			t.Fatal(err)
		}
		p.Name = "Programme EIT 2019-2021"
		if err := b.SetProgramme(ctx, tr.ID, p); err != nil {
			t.Fatal(err)
		}
		got, err := b.Programme(ctx, tr.ID)
		if err != nil || got.Name != p.Name || got.Objectives[0] != p.Objectives[0] || got.Means[0] != p.Means[0] || got.Difficulties[0] != "la pause de 2020" {
			t.Fatalf("read back %+v, %v", got, err)
		}
		// An invalid programme is refused and the stored one kept.
		if err := b.SetProgramme(ctx, tr.ID, programme.Programme{}); err == nil {
			t.Fatal("a programme without a name was recorded")
		}
		if got, _ := b.Programme(ctx, tr.ID); got.Name != p.Name {
			t.Fatalf("the stored programme changed to %+v", got)
		}
	})
}
