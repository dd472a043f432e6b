//go:build !wasm

package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestReadCapped: an endless device or an oversized file ends in a clear
// error, quickly; a small file reads whole.
func TestReadCapped(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	if err := os.WriteFile(small, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := readCapped(small, 5, "--data"); err != nil || string(b) != "12345" {
		t.Fatalf("small file: %q %v", b, err)
	}
	if _, err := readCapped(small, 4, "--data"); err == nil || !strings.Contains(err.Error(), small) {
		t.Errorf("file over the cap: %v", err)
	}
	if _, err := readCapped(dir, 4, "--data"); err == nil {
		t.Error("a directory read as a data file")
	}
	if _, err := readCapped(filepath.Join(dir, "none.json"), 4, "--snapshot"); err == nil || !strings.Contains(err.Error(), "--snapshot") {
		t.Errorf("missing file: %v", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	// The CLI's own flag: rank --snapshot /dev/zero.
	done := make(chan error, 1)
	go func() { done <- runRank([]string{"--snapshot", "/dev/zero"}, io.Discard) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "/dev/zero") || !strings.Contains(err.Error(), "MB") {
			t.Errorf("rank --snapshot /dev/zero: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("rank --snapshot /dev/zero still reading after 30 s")
	}
	if _, err := readSnapshotFile("/dev/zero"); err == nil || !strings.Contains(err.Error(), "MB") {
		t.Errorf("readSnapshotFile(/dev/zero): %v", err)
	}
}
