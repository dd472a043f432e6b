//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceBreakdown is where the page's main thread spent its time during a
// Chromium trace, in ms per phase: script (Go/wasm and JS), HTML parsing,
// style recalculation, layout, pre-paint and paint.
type traceBreakdown map[string]float64

// tracePhases maps Chromium's devtools.timeline event names to phases.
var tracePhases = map[string]string{
	"FunctionCall":       "script",
	"EventDispatch":      "script",
	"FireAnimationFrame": "script",
	"TimerFire":          "script",
	"ParseHTML":          "parse",
	"UpdateLayoutTree":   "style",
	"Layout":             "layout",
	"PrePaint":           "prepaint",
	"Paint":              "paint",
	"Layerize":           "composite",
}

// traceRun records a Chromium trace (devtools.timeline) while run runs
// and sums the main-thread time per phase. Nested events of the same
// phase (a FunctionCall inside an animation-frame callback) are counted
// once: only the outermost event of each phase adds its duration.
func traceRun(t *testing.T, ctx context.Context, run func()) traceBreakdown {
	t.Helper()
	type event struct {
		Name string          `json:"name"`
		Ph   string          `json:"ph"`
		Pid  int             `json:"pid"`
		Tid  int             `json:"tid"`
		Ts   float64         `json:"ts"`
		Dur  float64         `json:"dur"`
		Args json.RawMessage `json:"args"`
	}
	var (
		mu     sync.Mutex
		events []event
		done   = make(chan struct{})
		once   sync.Once
	)
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := chromedp.Listen(lctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				var x event
				if json.Unmarshal([]byte(v), &x) == nil {
					events = append(events, x)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	}); err != nil {
		t.Fatal(err)
	}
	c, cancelC := context.WithTimeout(ctx, 30*time.Second)
	defer cancelC()
	if _, err := chromedp.Call(c, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "disabled-by-default-devtools.timeline"}},
	}); err != nil {
		t.Fatalf("tracing start: %v", err)
	}
	run()
	if _, err := chromedp.Call(c, tracing.End, struct{}{}); err != nil {
		t.Fatalf("tracing end: %v", err)
	}
	select {
	case <-done:
	case <-c.Done():
		t.Fatal("no end of the trace within 30 s")
	}
	mu.Lock()
	defer mu.Unlock()
	// The renderer's main thread.
	type thread struct{ pid, tid int }
	var main thread
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), "CrRendererMain") {
			main = thread{e.Pid, e.Tid}
		}
	}
	out := traceBreakdown{}
	ends := map[string]float64{} // per phase, the end of the last counted event
	sort.SliceStable(events, func(a, b int) bool { return events[a].Ts < events[b].Ts })
	for _, e := range events {
		if e.Ph != "X" || (thread{e.Pid, e.Tid}) != main {
			continue
		}
		phase, ok := tracePhases[e.Name]
		if !ok || e.Ts < ends[phase] {
			continue
		}
		out[phase] += e.Dur / 1000
		ends[phase] = e.Ts + e.Dur

	}
	return out
}

// perMove lists the phases per move, e.g. "script 2.1, style 0.8, ...".
func (b traceBreakdown) perMove(moves int) string {
	order := []string{"script", "parse", "style", "layout", "prepaint", "paint", "composite"}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s %.2f", k, b[k]/float64(moves)))
	}
	return strings.Join(parts, ", ") + " ms per move"
}
