# Small-cap factor screener. `make run` and `make test` are the two entry points.
SHELL := /bin/bash
GO ?= go
DATA_DIR ?= ../shared/data
export DATA_DIR
PORT ?= 8080
# BASE is the sub-path the static site is generated for ("/" or e.g. "/screener").
BASE ?= /
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm
ARTIFACTS ?= .artifacts
# Debian packages (chromium, binaryen) install as root, or with sudo when available.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: run test snapshot wasm dist serve bench fuzz deps-browser deps-wasm-opt test-go test-wasm test-e2e clean

## ---- data: raw files -> web/data/*.json ----
snapshot:
	$(GO) run ./data/cmd/snapshot -data "$(DATA_DIR)" -out web/data

## ---- app: wasm + static site ----
# The browser program only: net/http servers, the static-site generator and
# the snapshot builder are behind //go:build !wasm and stay out of it.
# wasm-opt -Oz (Debian's binaryen) shrinks the raw binary by ~8%; the
# features enabled are the ones Go's wasm output uses.
WASM_OPT_FLAGS := -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int
# The overlay (app/wasmbuild/overlay.sh) gives go-app our stand-ins for its
# server half (pkg/app/http.go, resource.go: net/http, crypto/tls, ...) and
# its regexp router (pkg/app/route.go), in this build only: -1.9 MB raw.
WASM_OVERLAY := build/wasm-overlay
wasm: deps-wasm-opt
	GO="$(GO)" sh app/wasmbuild/overlay.sh $(WASM_OVERLAY)
	GOOS=js GOARCH=wasm $(GO) build -overlay=$(WASM_OVERLAY)/overlay.json -trimpath -ldflags='-s -w' -o web/app.raw.wasm ./app
	wasm-opt $(WASM_OPT_FLAGS) web/app.raw.wasm -o web/app.wasm
	rm -f web/app.raw.wasm
	@raw=$$(stat -c %s web/app.wasm); gz=$$(gzip -9 -c web/app.wasm | wc -c); \
	  echo "app.wasm: $$raw bytes raw, $$gz bytes gzip -9 (budget 8,500,000 / 2,400,000)"; \
	  [ $$raw -le 8500000 ] && [ $$gz -le 2400000 ] || { echo "app.wasm is over its size budget"; exit 1; }

dist: snapshot wasm
	$(GO) run ./app dist -out dist -base "$(BASE)"

run: dist
	$(GO) run ./app serve -dir dist -addr localhost:$(PORT) -base "$(BASE)"

## ---- tests ----
test: test-go test-wasm test-e2e

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# The engine and the app's pure logic (URL state, CSV, formats) also run as
# wasm under Node, the runtime users have.
# With the overlay, as app.wasm is built; go-app's package then runs only
# our tests of the files the overlay gives it (app/wasmbuild/_goapp).
test-wasm:
	GO="$(GO)" sh app/wasmbuild/overlay.sh $(WASM_OVERLAY)
	PATH="$$PATH:$(WASM_EXEC)" GOOS=js GOARCH=wasm $(GO) test -count=1 -overlay=$(WASM_OVERLAY)/overlay.json ./engine/... ./app github.com/maxence-charriere/go-app/v10/pkg/app

deps-wasm-opt:
	@command -v wasm-opt >/dev/null 2>&1 || { \
	  echo "installing Debian binaryen (wasm-opt)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq binaryen >/dev/null; }

# Chromium, and a Japanese font so the Japanese screenshots show glyphs.
deps-browser:
	@command -v chromium >/dev/null 2>&1 && dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || { \
	  echo "installing Debian chromium and fonts-ipafont-gothic"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-ipafont-gothic >/dev/null; }

# Browser tests against the built site (and a /screener build they make
# themselves); screenshots and measured budgets go to $(ARTIFACTS).
# The site must be generated for "/" here, whatever BASE says.
test-e2e: deps-browser snapshot wasm
	$(GO) run ./app dist -out dist -base /
	mkdir -p $(ARTIFACTS)
	GO="$(GO)" ARTIFACTS="$(abspath $(ARTIFACTS))" DIST="$(abspath dist)" $(GO) test -tags e2e -count=1 -v -timeout 15m ./app/e2e/... 2>&1 | grep -v '^=== RUN'; exit $${PIPESTATUS[0]}

## ---- fuzzing (not part of `make test`) ----
# Runs every fuzz target of the repository for FUZZTIME each, one after
# another: the targets are found by grepping `func FuzzXxx(` in the
# *_test.go files, so a new one needs no edit here (today FuzzDecode,
# FuzzDecodeDaily and FuzzScanNumber in engine, FuzzParseState, FuzzEscapeHTML and
# FuzzCSVRoundTrip in app, FuzzSplitRow and FuzzSummaryFile in data).
# Plain `go test` (make test-go) already runs each target's seed corpus.
# A failing input is saved under the package's testdata/fuzz/FuzzXxx/:
# commit it and `go test` replays it from then on. The run goes on after a
# failure and lists the failed targets at the end.
# FUZZMINIMIZETIME caps the time spent shrinking each new interesting or
# failing input (Go's default, 60s, can eat a short run whole: both
# workers minimizing while no new input is tried).
#   make fuzz FUZZTIME=5m              longer search
#   make fuzz FUZZ=FuzzCSVRoundTrip    one target (a regexp on the name)
FUZZTIME ?= 20s
FUZZMINIMIZETIME ?= 5s
FUZZ ?= .
fuzz:
	@failed=""; \
	for f in $$(grep -rlE --include='*_test.go' --exclude-dir=.git --exclude-dir=node_modules '^func Fuzz[A-Za-z0-9_]*\(\w+ \*testing\.F\)' . | sort); do \
	  for name in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(\w+ \*testing\.F\).*/\1/p' $$f | grep -E '$(FUZZ)'); do \
	    echo "== $$name ($$(dirname $$f), $(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) $$(dirname $$f) || failed="$$failed $$name"; \
	  done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi; echo "fuzz: every target passed"

## ---- measurements ----
bench: snapshot
	$(GO) test -run '^$$' -bench . -benchmem ./engine/...
	PATH="$$PATH:$(WASM_EXEC)" GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem ./engine/...

clean:
	rm -rf web/data web/app.wasm dist build $(ARTIFACTS)
