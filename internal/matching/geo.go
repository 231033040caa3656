package matching

import (
	"math"
	"runtime"
	"sort"
	"sync"
)

const earthRadiusKm = 6371.0088

// point is a location in radians, with its cosine of latitude and its
// unit vector cached: chord lengths compare like great-circle distances and
// cost three multiplications instead of trigonometry.
type point struct {
	lat, lon, cosLat float64
	x, y, z          float64
}

func newPoint(latDeg, lonDeg float64) point {
	lat, lon := latDeg*math.Pi/180, lonDeg*math.Pi/180
	return point{lat: lat, lon: lon, cosLat: math.Cos(lat),
		x: math.Cos(lat) * math.Cos(lon), y: math.Cos(lat) * math.Sin(lon), z: math.Sin(lat)}
}

// chord2 is the squared straight-line distance between two points of the
// unit sphere.
func chord2(a, b point) float64 {
	dx, dy, dz := a.x-b.x, a.y-b.y, a.z-b.z
	return dx*dx + dy*dy + dz*dz
}

// chord2Of is the squared chord of a great-circle distance, for filtering
// with a small margin so that rounding never drops a pair the exact
// distance would keep.
func chord2Of(km float64) float64 {
	c := 2 * math.Sin(math.Min(km/earthRadiusKm, math.Pi)/2)
	return c*c*(1+1e-9) + 1e-15
}

// distanceKm is the great-circle distance, from the chord between the two
// unit vectors: the same angle as the haversine formula, without its
// trigonometry on every call.
func distanceKm(a, b point) float64 {
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(chord2(a, b))/2))
}

// DistanceKm is the great-circle distance between two places given in
// degrees, for callers outside the engine (impact, exports).
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	return distanceKm(newPoint(lat1, lon1), newPoint(lat2, lon2))
}

// grid buckets items by latitude and longitude cells of cellDeg degrees,
// for "everything within R km of here" queries.
type grid struct {
	cellDeg float64
	cells   map[[2]int32][]gridItem
}

// gridItem keeps its unit vector beside its id, so that scanning a cell
// reads contiguous memory.
type gridItem struct {
	id      int32
	x, y, z float64
}

func newGrid(cellDeg float64) *grid { return &grid{cellDeg: cellDeg, cells: map[[2]int32][]gridItem{}} }

func (g *grid) key(latDeg, lonDeg float64) [2]int32 {
	return [2]int32{int32(math.Floor(latDeg / g.cellDeg)), int32(math.Floor(lonDeg / g.cellDeg))}
}

func (g *grid) add(latDeg, lonDeg float64, item int32) {
	g.addPoint(latDeg, lonDeg, newPoint(latDeg, lonDeg), item)
}

// addPoint is add for a point whose unit vector is already computed.
func (g *grid) addPoint(latDeg, lonDeg float64, p point, item int32) {
	k := g.key(latDeg, lonDeg)
	g.cells[k] = append(g.cells[k], gridItem{item, p.x, p.y, p.z})
}

func (g *grid) remove(latDeg, lonDeg float64, item int32) {
	k := g.key(latDeg, lonDeg)
	list := g.cells[k]
	for i, v := range list {
		if v.id == item {
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
	g.nearItems(latDeg, lonDeg, radiusKm, func(it *gridItem) { fn(it.id) })
}

// nearItems is near with each item's unit vector.
func (g *grid) nearItems(latDeg, lonDeg, radiusKm float64, fn func(it *gridItem)) {
	g.nearCells(latDeg, lonDeg, radiusKm, func(items []gridItem) {
		for i := range items {
			fn(&items[i])
		}
	})
}

// nearCells calls fn with the items of each cell that may hold points
// within radiusKm: one call a cell, for hot loops.
func (g *grid) nearCells(latDeg, lonDeg, radiusKm float64, fn func(items []gridItem)) {
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
				fn(items)
			}
		}
		return
	}
	for la := lo[0]; la <= hi[0]; la++ {
		for lo1 := lo[1]; lo1 <= hi[1]; lo1++ {
			if items := g.cells[[2]int32{la, wrapLon(lo1, g.cellDeg)}]; len(items) > 0 {
				fn(items)
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

// chordCache remembers chord2Of for the few radii the engine uses.
type chordCache struct {
	mu sync.RWMutex
	m  map[float64]float64
}

func (c *chordCache) of(km float64) float64 {
	c.mu.RLock()
	v, ok := c.m[km]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = chord2Of(km)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[float64]float64{}
	}
	c.m[km] = v
	c.mu.Unlock()
	return v
}

// parallel calls fn(i) for every i below n, spread over the processors;
// each i is done once, by one goroutine.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
