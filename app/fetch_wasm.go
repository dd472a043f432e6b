//go:build wasm

package main

import (
	"errors"
	"syscall/js"
)

// fetchBytes downloads url with the browser's fetch into Go bytes
// (ArrayBuffer -> js.CopyBytesToGo). It avoids net/http, which would add
// ~5 MB to the wasm.
// It blocks until the download ends, so it must run off the UI goroutine
// (ctx.Async). status is the HTTP status, 0 when no response arrived.
// mode is the request's cache option (cacheMode).
func fetchBytes(url string, mode cacheMode) (b []byte, status int, err error) {
	type result struct {
		b      []byte
		status int
		err    error
	}
	done := make(chan result, 1)
	var onResponse, onBuffer, onError js.Func
	onError = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- result{status: status, err: errors.New(msg)}
		return nil
	})
	onBuffer = js.FuncOf(func(this js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		buf := make([]byte, arr.Get("length").Int())
		js.CopyBytesToGo(buf, arr)
		done <- result{b: buf, status: status}
		return nil
	})
	onResponse = js.FuncOf(func(this js.Value, args []js.Value) any {
		resp := args[0]
		status = resp.Get("status").Int()
		if !resp.Get("ok").Bool() {
			done <- result{status: status, err: errors.New("HTTP " + resp.Get("status").String() + " " + resp.Get("statusText").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBuffer, onError)
		return nil
	})
	var req js.Value
	if mode == cacheDefault {
		req = js.Global().Call("fetch", url)
	} else {
		init := js.Global().Get("Object").New()
		init.Set("cache", string(mode))
		req = js.Global().Call("fetch", url, init)
	}
	req.Call("then", onResponse, onError)
	r := <-done
	onResponse.Release()
	onBuffer.Release()
	onError.Release()
	return r.b, r.status, r.err
}

// publishTiming records a measurement in window.screenerTiming so that the
// browser tests can read what the page measured about itself.
func publishTiming(key string, ms float64) {
	t := js.Global().Get("screenerTiming")
	if !t.Truthy() {
		t = js.Global().Get("Object").New()
		js.Global().Set("screenerTiming", t)
	}
	t.Set(key, ms)
}

// pageClock is milliseconds since navigation start (performance.now()).
func pageClock() float64 {
	return js.Global().Get("performance").Call("now").Float()
}
