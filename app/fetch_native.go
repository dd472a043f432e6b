//go:build !wasm

package main

import "errors"

// fetchBytes has no native implementation: the snapshot is loaded in the
// browser only; pre-rendering shows the loading state.
func fetchBytes(url string, mode cacheMode) ([]byte, int, error) {
	return nil, 0, errors.New("loading a snapshot needs a browser")
}

func publishTiming(key string, ms float64) {}

func pageClock() float64 { return 0 }
