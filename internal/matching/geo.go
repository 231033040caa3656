package matching

import (
	"math"
	"sort"
)

const earthRadiusKm = 6371.0088

// point is a location in radians, with its cosine of latitude cached.
type point struct {
	lat, lon, cosLat float64
}

func newPoint(latDeg, lonDeg float64) point {
	lat, lon := latDeg*math.Pi/180, lonDeg*math.Pi/180
	return point{lat, lon, math.Cos(lat)}
}

// distanceKm is the great-circle distance (haversine).
func distanceKm(a, b point) float64 {
	dLat := b.lat - a.lat
	dLon := b.lon - a.lon
	s := math.Sin(dLat/2)*math.Sin(dLat/2) + a.cosLat*b.cosLat*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(s)))
}

// grid buckets items by latitude and longitude cells of cellDeg degrees,
// for "everything within R km of here" queries.
type grid struct {
	cellDeg float64
	cells   map[[2]int32][]int32
}

func newGrid(cellDeg float64) *grid { return &grid{cellDeg: cellDeg, cells: map[[2]int32][]int32{}} }

func (g *grid) key(latDeg, lonDeg float64) [2]int32 {
	return [2]int32{int32(math.Floor(latDeg / g.cellDeg)), int32(math.Floor(lonDeg / g.cellDeg))}
}

func (g *grid) add(latDeg, lonDeg float64, item int32) {
	k := g.key(latDeg, lonDeg)
	g.cells[k] = append(g.cells[k], item)
}

func (g *grid) remove(latDeg, lonDeg float64, item int32) {
	k := g.key(latDeg, lonDeg)
	list := g.cells[k]
	for i, v := range list {
		if v == item {
			list[i] = list[len(list)-1]
			list = list[:len(list)-1]
			break
		}
	}
	if len(list) == 0 {
		delete(g.cells, k)
	} else {
		g.cells[k] = list
	}
}

// near calls fn for every item in the cells that may hold points within
// radiusKm of (latDeg, lonDeg); the caller checks the exact distance. The
// longitude span is computed at the latitude nearest the pole within the
// box, where a degree of longitude is shortest, so that no cell is missed.
func (g *grid) near(latDeg, lonDeg, radiusKm float64, fn func(item int32)) {
	dLat := radiusKm / (earthRadiusKm * math.Pi / 180)
	minLat, maxLat := latDeg-dLat, latDeg+dLat
	poleward := math.Max(math.Abs(minLat), math.Abs(maxLat))
	var dLon float64
	if poleward >= 89.9 {
		dLon = 180
	} else {
		dLon = dLat / math.Cos(poleward*math.Pi/180)
		if dLon > 180 {
			dLon = 180
		}
	}
	lo, hi := g.key(minLat, lonDeg-dLon), g.key(maxLat, lonDeg+dLon)
	if perTurn := int32(math.Round(360 / g.cellDeg)); hi[1]-lo[1]+1 > perTurn {
		hi[1] = lo[1] + perTurn - 1 // the whole circle once, no cell twice
	}
	if int64(hi[0]-lo[0]+1)*int64(hi[1]-lo[1]+1) > int64(len(g.cells)) {
		// The box spans more cells than are filled: walk the filled ones.
		for k, items := range g.cells {
			if k[0] >= lo[0] && k[0] <= hi[0] && inLonRange(k[1], lo[1], hi[1], g.cellDeg) {
				for _, it := range items {
					fn(it)
				}
			}
		}
		return
	}
	for la := lo[0]; la <= hi[0]; la++ {
		for lo1 := lo[1]; lo1 <= hi[1]; lo1++ {
			for _, it := range g.cells[[2]int32{la, wrapLon(lo1, g.cellDeg)}] {
				fn(it)
			}
		}
	}
}

// wrapLon folds a longitude cell index back into -180..180.
func wrapLon(cell int32, cellDeg float64) int32 {
	perTurn := int32(math.Round(360 / cellDeg))
	half := perTurn / 2
	for cell >= half {
		cell -= perTurn
	}
	for cell < -half {
		cell += perTurn
	}
	return cell
}

// inLonRange reports whether a filled cell's longitude index falls in the
// wrapped range lo..hi.
func inLonRange(cell, lo, hi int32, cellDeg float64) bool {
	for c := lo; c <= hi; c++ {
		if wrapLon(c, cellDeg) == cell {
			return true
		}
	}
	return false
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
