package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// isTerminal reports whether w is a terminal, where a progress bar helps
// rather than litters a log.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "import [#####.....] 52% 52000/100000" on one line.
type progressBar struct {
	w      io.Writer
	label  string
	total  int
	start  time.Time
	drawn  time.Time
	filled int
}

func newProgressBar(w io.Writer, label string, total int) *progressBar {
	return &progressBar{w: w, label: label, total: total, start: time.Now()}
}

func (b *progressBar) set(done, total int) {
	if time.Since(b.drawn) < 100*time.Millisecond && done < total {
		return
	}
	b.drawn = time.Now()
	const width = 30
	filled := width * done / max(total, 1)
	fmt.Fprintf(b.w, "\r%s [%s%s] %3d%% %d/%d", b.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		100*done/max(total, 1), done, total)
}

func (b *progressBar) done() {
	fmt.Fprintf(b.w, " — %.1fs\n", time.Since(b.start).Seconds())
}
