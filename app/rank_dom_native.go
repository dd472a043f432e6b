//go:build !wasm

package main

// tableDOM is the browser's row pool (rank_dom_wasm.go); outside the
// browser (pre-rendering, native tests) there is no DOM to write.
type tableDOM struct{ boxHook func() }

func (d *tableDOM) show(*tableFrame)                 {}
func (d *tableDOM) release()                         {}
func (d *tableDOM) rowHeight() float64               { return 0 }
func (d *tableDOM) viewport() (scrollTop, h float64) { return 0, 0 }
func (d *tableDOM) focusRow(int)                     {}
func (d *tableDOM) setScrollTop(float64)             {}
