#!/bin/sh
# overlay.sh OUT writes OUT/overlay.json for `go build -overlay` of the wasm
# program only. It gives go-app's package our _goapp/http.go and
# _goapp/route.go in place of its own, leaves out its resource.go, and adds
# _goapp/overlay_wasm_test.go (seen by `go test` only); see those files.
#
# go refuses to overlay files under GOMODCACHE, so the overlay moves go-app
# into a virtual directory instead:
#   1. our go.mod is read as a copy, OUT/go.mod, that adds
#        replace github.com/maxence-charriere/go-app/v10 => ./OUT/goapp
#   2. OUT/goapp exists only in the overlay (on disk it is a tree of empty
#      directories, which `go test` needs to run tests there): each of its
#      files is read from the same file in the module cache, except the
#      ones above. Only go.mod and the two packages the program
#      imports (pkg/app, pkg/errors) are mapped.
# The go-app version is still the one go.mod pins and go.sum verifies.
set -eu
GO=${GO:-go}
mkdir -p "$1"
out=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mod=github.com/maxence-charriere/go-app/v10
src=$(cd "$root" && $GO mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -f "$src/pkg/app/http.go" ] || { echo "overlay.sh: no $mod in the module cache" >&2; exit 1; }
virt="$out/goapp"
mkdir -p "$virt/pkg/app" "$virt/pkg/errors"
# A path relative to the module root keeps the checkout's location out of
# the build info embedded in app.wasm.
case $virt in
"$root"/*) target=./${virt#"$root"/} ;;
*) target=$virt ;;
esac
{ cat "$root/go.mod"; printf '\nreplace %s => %s\n' "$mod" "$target"; } > "$out/go.mod"
{
	printf '{"Replace":{\n'
	printf '"%s":"%s",\n' "$root/go.mod" "$out/go.mod"
	printf '"%s":"%s",\n' "$virt/go.mod" "$src/go.mod"
	for f in "$src"/pkg/app/*.go "$src"/pkg/errors/*.go; do
		rel=${f#"$src"/}
		case $rel in
		*_test.go | pkg/app/resource.go) ;;
		pkg/app/http.go | pkg/app/route.go) printf '"%s":"%s",\n' "$virt/$rel" "$here/_goapp/${rel#pkg/app/}" ;;
		*) printf '"%s":"%s",\n' "$virt/$rel" "$f" ;;
		esac
	done
	printf '"%s":"%s",\n' "$virt/pkg/app/overlay_wasm_test.go" "$here/_goapp/overlay_wasm_test.go"
	printf '"%s":""\n}}\n' "$virt/pkg/app/resource.go"
} > "$out/overlay.json"
