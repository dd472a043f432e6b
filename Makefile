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

.PHONY: run test snapshot wasm dist serve bench fuzz deps-browser test-go test-wasm test-e2e clean

## ---- data: raw files -> web/data/*.json ----
snapshot:
	$(GO) run ./data/cmd/snapshot -data "$(DATA_DIR)" -out web/data

## ---- app: wasm + static site ----
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o web/app.wasm ./app

dist: snapshot wasm
	$(GO) run ./app dist -out dist -base "$(BASE)"

run: dist
	$(GO) run ./app serve -dir dist -addr localhost:$(PORT)

## ---- tests ----
test: test-go test-wasm test-e2e

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Pure-logic packages also run as wasm under Node, the runtime users have.
test-wasm:
	PATH="$$PATH:$(WASM_EXEC)" GOOS=js GOARCH=wasm $(GO) test -count=1 ./engine/...

deps-browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test-e2e: deps-browser dist
	mkdir -p $(ARTIFACTS)
	ARTIFACTS="$(abspath $(ARTIFACTS))" DIST="$(abspath dist)" $(GO) test -tags e2e -count=1 -timeout 15m ./app/e2e/...

## ---- measurements ----
bench: snapshot
	$(GO) test -run '^$$' -bench . -benchmem ./engine/...
	PATH="$$PATH:$(WASM_EXEC)" GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem ./engine/...

clean:
	rm -rf web/data web/app.wasm dist $(ARTIFACTS)
