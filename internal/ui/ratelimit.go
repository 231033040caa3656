package ui

import (
	"sync"
	"time"
)

// limiter counts failed sign-ins per key (address, and address + email)
// over a sliding window, to slow password guessing.
type limiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
	window   time.Duration
	max      int
}

func newLimiter(max int) *limiter {
	return &limiter{failures: map[string][]time.Time{}, window: 15 * time.Minute, max: max}
}

func (l *limiter) recent(key string, now time.Time) []time.Time {
	list := l.failures[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) > l.window {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.failures, key)
	} else {
		l.failures[key] = list
	}
	return list
}

// allowed reports whether another attempt may be made for these keys.
func (l *limiter) allowed(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	for _, k := range keys {
		if len(l.recent(k, now)) >= l.max {
			return false
		}
	}
	return true
}

// fail records a failed attempt for these keys.
func (l *limiter) fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	for _, k := range keys {
		l.failures[k] = append(l.recent(k, now), now)
	}
}
