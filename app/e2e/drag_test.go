//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The slider budget, from a slider's input event to the painted table.
const (
	sliderBudgetP50 = 12 // ms
	sliderBudgetP95 = 20 // ms
)

// dragProbeJS times every slider input event to the paint that shows it,
// into window.__drag.lat as [ms, re-ranked (1) or not (0)]. A capture
// listener on the document runs before the page's own handler, so the
// time starts when the page first sees the input. Chromium dispatches the
// input of a mouse drag at the start of a frame, before that frame's
// requestAnimationFrame callbacks: a callback asked for here runs in the
// same frame when the input came that way (in the next one otherwise),
// and a 0 ms timeout queued in it fires once that frame is painted.
//
// window.__drag.next(n) resolves once more than n latencies are in, or
// after 250 ms (a move that does not change the value fires no input), so
// that the harness does not poll the page while it is measured.
const dragProbeJS = `(() => {
  if (!window.__drag) {
    const d = window.__drag = {lat: [], waiting: null};
    const rev = () => { const t = document.getElementById('rank-table'); return t ? t.dataset.rev : ''; };
    document.addEventListener('input', (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'range') return;
      const t0 = performance.now(), before = rev();
      requestAnimationFrame(() => setTimeout(() => {
        d.lat.push([performance.now() - t0, rev() !== before ? 1 : 0]);
        if (d.waiting) { d.waiting(); d.waiting = null; }
      }, 0));
    }, true);
    d.next = (n) => d.lat.length > n ? Promise.resolve(true) : new Promise(r => {
      const timer = setTimeout(() => { d.waiting = null; r(false); }, 250);
      d.waiting = () => { clearTimeout(timer); r(true); };
    });
  }
  window.__drag.lat = [];
  return true;
})()`

// dragSliders drags slider thumbs with the mouse, as a user does: each of
// drags grabs a factor's slider thumb and moves the pointer steps times
// by 2–6 px (one to three weight points) towards the middle of the track,
// waiting for each move's paint before the next. It returns each input
// event's latency to the painted table and how many of those paints
// showed a re-ranked table.
func dragSliders(t *testing.T, ctx context.Context, rng *rand.Rand, drags, steps int) (lat []float64, reranked int) {
	t.Helper()
	eval[bool](t, ctx, dragProbeJS)
	keys := []string{"profit", "fcf", "balance", "efficiency", "value", "momentum"}
	for range drags {
		k := keys[rng.Intn(len(keys))]
		r := eval[[]float64](t, ctx, `(() => { const e = document.getElementById('w-`+k+`'), r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height, +e.value]; })()`)
		// The thumb's centre: Chromium's default thumb is 16 px wide and
		// travels the track's width less its own.
		const thumb = 16
		x, y, dir := r[0]+thumb/2+(r[2]-thumb)*r[4]/100, r[1]+r[3]/2, 1.0
		if r[4] > 50 {
			dir = -1
		}
		step(t, ctx, 10*time.Second, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
		for range steps {
			n := eval[int](t, ctx, `window.__drag.lat.length`)
			x += dir * float64(2+rng.Intn(5))
			step(t, ctx, 10*time.Second, chromedp.MouseEvent(chromedp.MouseMoved, x, y, chromedp.ButtonLeft, pressedButtons))
			eval[bool](t, ctx, fmt.Sprintf(`window.__drag.next(%d)`, n))
		}
		step(t, ctx, 10*time.Second, chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	}
	waitPainted(t, ctx)
	for _, v := range eval[[][]float64](t, ctx, `window.__drag.lat`) {
		lat = append(lat, v[0])
		reranked += int(v[1])
	}
	if len(lat) < drags*steps/2 {
		t.Fatalf("%d drags of %d moves fired only %d input events", drags, steps, len(lat))
	}
	return lat, reranked
}

// pressedButtons marks a mouse move as made with the left button held.
func pressedButtons(p *input.DispatchMouseEventParams) { p.Buttons = 1 }

// checkSliderBudget fails the test when the latencies miss the budget
// times budgetSlack (the shared machine's noise).
func checkSliderBudget(t *testing.T, what string, lat []float64) {
	t.Helper()
	p50, p95 := percentile(lat, 50), percentile(lat, 95)
	if p50 > sliderBudgetP50*budgetSlack() || p95 > sliderBudgetP95*budgetSlack() {
		t.Errorf("%s p50 %.1f ms, p95 %.1f ms exceed the budget (p50 %d, p95 %d ms) × slack %.1f", what, p50, p95, sliderBudgetP50, sliderBudgetP95, budgetSlack())
	}
}

// sliderWeightsNow reads the weights the sliders show.
func sliderWeightsNow(t *testing.T, ctx context.Context) map[string]int {
	return eval[map[string]int](t, ctx, `Object.fromEntries(Array.from(document.querySelectorAll('input[type=range][data-factor]')).map(e => [e.dataset.factor, +e.value]))`)
}
