// Package wasmbuild holds the build overlay that gives the wasm build of
// go-app's package our _goapp/http.go and _goapp/route.go instead of its
// server half and its regexp router; see overlay.sh. These tests run
// natively with `go test ./...`; the overlaid files' own tests run in
// go-app's package under Node (Makefile target test-wasm).
package wasmbuild

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const goApp = "github.com/maxence-charriere/go-app/v10"

// pinned are the go-app files the overlay replaces (http.go, route.go),
// leaves out (resource.go), or that use what ours declare (app.go,
// engine.go, wasm.go), as of the go-app version in go.mod. When an upgrade
// changes one, compare _goapp/ with the new files, then update the hash.
var pinned = map[string]string{
	"pkg/app/http.go":     "0601189a9f611378e9b24ab4bdf42780a03cbf95c1bbebd4171b523ddbe9a32d",
	"pkg/app/resource.go": "6b52ab4ec2f4171d403384bffe159e9ec22699933e768ef5868f2851a1b84baa",
	"pkg/app/route.go":    "3252c7f2876cba69c3fbb203b0b4d5770ddd4651cdaf3ad69e5c33bfd1ccf5bd",
	"pkg/app/app.go":      "77bd60c6d302bc553e3c4132a23c5fdd83d8443626803569246b03242c939f59",
	"pkg/app/engine.go":   "8400019d85d00fb6a904a9214ab78e1874ead07bb7ec719c2c254955864db5b2",
	"pkg/app/wasm.go":     "10117b07fb7147cdfcd97d1e07cd010da30914e2a622b73d0242b5d9019796f8",
}

// Packages the overlay keeps out of app.wasm (all are there without it).
var unwanted = []string{"net/http", "crypto/tls", "crypto/x509", "net", "mime/multipart", "log", "regexp"}

func goTool() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

// goCmd runs the go command in the module root.
func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(goTool(), args...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("go %s: %s", strings.Join(args, " "), msg)
	}
	return string(out)
}

func TestGoAppFilesArePinned(t *testing.T) {
	var m struct{ Dir, Version string }
	if err := json.Unmarshal([]byte(goCmd(t, nil, "mod", "download", "-json", goApp)), &m); err != nil {
		t.Fatal(err)
	}
	for rel, want := range pinned {
		b, err := os.ReadFile(filepath.Join(m.Dir, rel))
		if err != nil {
			t.Fatalf("go-app %s: %v (the overlay expects this file)", m.Version, err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("go-app %s changed %s (sha256 %s): check app/wasmbuild/_goapp against it, then update pinned", m.Version, rel, got)
		}
	}
}

func TestOverlayKeepsPackagesOut(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("sh", "overlay.sh", dir)
	cmd.Env = append(os.Environ(), "GO="+goTool())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("overlay.sh: %v\n%s", err, out)
	}
	overlay := "-overlay=" + filepath.Join(dir, "overlay.json")
	wasm := []string{"GOOS=js", "GOARCH=wasm"}

	without := strings.Fields(goCmd(t, wasm, "list", "-deps", "./app"))
	with := strings.Fields(goCmd(t, wasm, "list", overlay, "-deps", "./app"))
	for _, p := range unwanted {
		if !slices.Contains(without, p) {
			t.Logf("the wasm build no longer imports %s even without the overlay", p)
		}
		if slices.Contains(with, p) {
			t.Errorf("with the overlay, the wasm build still imports %s", p)
		}
	}
	// It must compile: a go-app upgrade could use a name the overlay drops.
	goCmd(t, wasm, "build", overlay, "-o", os.DevNull, "./app")
}
