package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// onNextFrame runs f once in the next requestAnimationFrame callback, i.e.
// just before the browser paints; slider moves arriving within one frame
// are coalesced into a single re-rank and render.
func onNextFrame(f func()) {
	if app.IsServer {
		f()
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		f()
		return nil
	})
	app.Window().Call("requestAnimationFrame", cb)
}

// setLiveText replaces the text of the element with id without a render:
// the number under a slider thumb stays live while the re-rank waits for
// the next frame. It rewrites the existing text node so that go-app's
// virtual DOM still owns the node it created.
func setLiveText(id, s string) {
	if app.IsServer {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	if n := el.Get("firstChild"); n.Truthy() {
		n.Set("nodeValue", s)
	}
}

// narrowScreen reports a phone-sized window (under 700 CSS px wide).
func narrowScreen() bool {
	if app.IsServer {
		return false
	}
	return app.Window().Get("innerWidth").Int() < 700
}
