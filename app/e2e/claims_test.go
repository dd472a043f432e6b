//go:build e2e

package e2e

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// cliClaims is the part of `app claims --format json` the page is
// compared with.
type cliClaims struct {
	Claims []struct {
		ID      string `json:"id"`
		Verdict string `json:"verdict"`
		Order   []string
		Values  map[string]struct {
			Value *float64 `json:"value"`
		} `json:"values"`
	} `json:"claims"`
}

// pageClaim is what the page shows of one card.
type pageClaim struct {
	ID, Verdict string
	Defs, Raws  []string
}

// TestClaimsPageEqualsCLI: the Claims view computes through the same
// engine code as the claims command, so every card's verdict and every
// value (to the command's 6 significant digits) are the command's; and
// the view's files are fetched only when the tab opens.
func TestClaimsPageEqualsCLI(t *testing.T) {
	dist := distDir(t)
	goTool := os.Getenv("GO")
	if goTool == "" {
		goTool = "go"
	}
	cmd := exec.Command(goTool, "run", "./app", "claims", "--data", filepath.Join(dist, "web", "data"), "--format", "json")
	cmd.Dir = repoRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("claims command: %v", err)
	}
	var cli cliClaims
	if err := json.Unmarshal(out, &cli); err != nil {
		t.Fatal(err)
	}

	ctx, _ := openScreener(t)
	waitJS(t, ctx, 20*time.Second, "the main thread to go idle after start-up",
		`new Promise(r => requestIdleCallback(d => r(!d.didTimeout), {timeout: 1000}))`)
	for _, f := range []string{"/daily.json", "/largecap.json"} {
		if got := requested(t, ctx, f); len(got) > 0 {
			t.Errorf("%s downloaded at start-up: %v", f, got)
		}
	}
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`button.view-tab[data-view="claims"]`)))
	waitJS(t, ctx, 60*time.Second, "the claims cards", `!!document.querySelector('.claims[data-ready="1"] .claim-card')`)
	for _, f := range []string{"/daily.json", "/largecap.json"} {
		if got := requested(t, ctx, f); len(got) != 1 {
			t.Errorf("after opening Claims, %s requested %d times", f, len(got))
		}
	}
	page := eval[[]pageClaim](t, ctx, `Array.from(document.querySelectorAll('.claim-card')).map(c => ({
	  ID: c.dataset.claim, Verdict: c.dataset.verdict,
	  Defs: Array.from(c.querySelectorAll('td[data-def]')).map(td => td.dataset.def),
	  Raws: Array.from(c.querySelectorAll('td[data-def]')).map(td => td.dataset.raw)}))`)
	if len(page) != len(cli.Claims) {
		t.Fatalf("page shows %d cards, the command %d", len(page), len(cli.Claims))
	}
	compared := 0
	for i, p := range page {
		c := cli.Claims[i]
		if p.ID != c.ID || p.Verdict != c.Verdict {
			t.Errorf("card %d: page %s %s, command %s %s", i, p.ID, p.Verdict, c.ID, c.Verdict)
		}
		if len(p.Defs) != len(c.Values) {
			t.Errorf("%s: page shows %d values, command %d", p.ID, len(p.Defs), len(c.Values))
		}
		for k, def := range p.Defs {
			v, ok := c.Values[def]
			if !ok {
				t.Errorf("%s: page value %s not in the command's JSON", p.ID, def)
				continue
			}
			if p.Raws[k] == "" {
				if v.Value != nil {
					t.Errorf("%s %s: page missing, command %v", p.ID, def, *v.Value)
				}
				continue
			}
			x, err := strconv.ParseFloat(p.Raws[k], 64)
			if err != nil || v.Value == nil {
				t.Errorf("%s %s: page %q, command %v", p.ID, def, p.Raws[k], v.Value)
				continue
			}
			r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
			if r != *v.Value && !(math.Abs(x) >= 1e6 && x == *v.Value) {
				t.Errorf("%s %s: page %v, command %v", p.ID, def, x, *v.Value)
			}
			compared++
		}
	}
	if compared < 50 {
		t.Errorf("only %d values compared", compared)
	}
	record("claims values page = CLI", "%d values over %d cards", compared, len(page))

	// A8's link opens the History view with its weights, as a history
	// entry of its own: back returns to the claims.
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#claim-A8 a[data-open]`)))
	waitJS(t, ctx, 20*time.Second, "the History tab opened by A8's link with its weights in the address",
		`!!document.querySelector('button.view-tab[data-view="history"][aria-current="page"]') && location.search.includes('view=history') && location.search.includes('w=')`)
	eval[bool](t, ctx, `(() => { history.back(); return true })()`)
	waitJS(t, ctx, 20*time.Second, "back to the claims", `!!document.querySelector('.claims[data-ready="1"] #claim-A8')`)
}

// TestClaimsScreenshots saves the Claims view at phone and desktop
// widths, light and dark, English and Japanese, and checks the page does
// not scroll sideways.
func TestClaimsScreenshots(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 1440, 900)
	for _, lang := range []string{"en", "ja"} {
		eachLook(t, ctx, func(look string, width int64) {
			name := "claims-" + lang + "-" + look
			step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=claims&lang="+lang))
			waitJS(t, ctx, 60*time.Second, "the claims cards", `!!document.querySelector('.claims[data-ready="1"] .claim-card')`)
			waitPainted(t, ctx)
			checkNoSideScroll(t, ctx, name)
			saveScreenshot(t, ctx, name, false)
			for _, id := range []string{"claim-A2", "claim-A4", "claim-A6"} {
				scrollTo(t, ctx, id)
				saveScreenshot(t, ctx, name+"-"+id[6:], false)
			}
		})
	}
}

// TestClaimsEmbedOneCard: ?view=claims&claim=A4&embed=1 shows that card
// alone, without the page chrome; the card's id links to it.
func TestClaimsEmbedOneCard(t *testing.T) {
	srv := serveSite(distDir(t), "", nil)
	defer srv.Close()
	ctx := newBrowser(t, 600, 700)
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=claims&claim=A4&embed=1"))
	waitJS(t, ctx, 60*time.Second, "the one card", `!!document.querySelector('.claims[data-ready="1"] .claim-card')`)
	got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.claim-card')).map(c => c.dataset.claim)`)
	if len(got) != 1 || got[0] != "A4" {
		t.Errorf("embed shows cards %v, want [A4]", got)
	}
	if eval[bool](t, ctx, `!!document.querySelector('header.topbar') || !!document.querySelector('.claims-head') || !!document.querySelector('a[data-focus=""]')`) {
		t.Error("embed shows the page chrome, the introduction or the link to every card")
	}
	waitPainted(t, ctx)
	saveScreenshot(t, ctx, "claims-embed-A4", false)

	// In the full page, a card's id opens it alone, and "all" returns.
	step(t, ctx, 60*time.Second, chromedp.Navigate(srv.URL+"/?view=claims"))
	waitJS(t, ctx, 60*time.Second, "the cards", `document.querySelectorAll('.claims[data-ready="1"] .claim-card').length > 10`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#claim-C3 a.claim-id`)))
	waitJS(t, ctx, 20*time.Second, "C3 alone with claim=C3 in the address",
		`document.querySelectorAll('.claim-card').length === 1 && !!document.getElementById('claim-C3') && location.search.includes('claim=C3')`)
	step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`a[data-focus=""]`)))
	waitJS(t, ctx, 20*time.Second, "every card again", `document.querySelectorAll('.claim-card').length > 10 && !location.search.includes('claim=')`)
}
