package matching

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

func TestDistance(t *testing.T) {
	paris, lyon := newPoint(48.8566, 2.3522), newPoint(45.7640, 4.8357)
	if d := distanceKm(paris, lyon); math.Abs(d-391.5) > 1 {
		t.Fatalf("Paris-Lyon = %.1f km, want about 391.5", d)
	}
}

// The grid finds exactly the pairs a brute-force great-circle check finds,
// on 5,000 points from the equator to the far north and across the
// antimeridian.
func TestGridMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	type pt struct{ lat, lon float64 }
	var pts []pt
	for range 5000 {
		switch rng.IntN(3) {
		case 0: // France
			pts = append(pts, pt{42 + rng.Float64()*9, -5 + rng.Float64()*13})
		case 1: // far north
			pts = append(pts, pt{70 + rng.Float64()*19.5, rng.Float64()*360 - 180})
		default: // around the antimeridian
			pts = append(pts, pt{rng.Float64()*20 - 10, 179 - rng.Float64()*2 + boolf(rng.IntN(2) == 0)*2})
		}
	}
	for i := range pts {
		if pts[i].lon > 180 {
			pts[i].lon -= 360
		}
	}
	for _, radius := range []float64{5, 50, 300} {
		g := newGrid(0.5)
		for i, p := range pts {
			g.add(p.lat, p.lon, int32(i))
		}
		for i := 0; i < len(pts); i += 7 {
			a := newPoint(pts[i].lat, pts[i].lon)
			var got, want []int
			g.near(pts[i].lat, pts[i].lon, radius, func(j int32) {
				if distanceKm(a, newPoint(pts[j].lat, pts[j].lon)) <= radius {
					got = append(got, int(j))
				}
			})
			for j, p := range pts {
				if distanceKm(a, newPoint(p.lat, p.lon)) <= radius {
					want = append(want, j)
				}
			}
			sort.Ints(got)
			if len(got) != len(want) {
				t.Fatalf("radius %v around %v: grid found %d, brute force %d", radius, pts[i], len(got), len(want))
			}
			for k := range got {
				if got[k] != want[k] {
					t.Fatalf("radius %v around %v: different sets", radius, pts[i])
				}
			}
		}
	}
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
