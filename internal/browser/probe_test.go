package browser

import (
	"github.com/chromedp/chromedp"
	"testing"
)

func TestProbe(t *testing.T) { _ = chromedp.NewContext }
