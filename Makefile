# TwoHats: `make run` installs what is missing, builds and starts the app; `make test` runs every test;
# `make bench` measures it against dialog and whiptail and writes bench/results.md.
SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libncurses-dev libsqlite3-dev pkg-config tmux python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/twohats
BENCH_BIN := .build/release/TwoHatsBench
BENCH_APT := dialog whiptail python3-pyte
# Debian's python3-pyte serves the system Python; another python3 first on PATH gets pyte from pip.
BENCH_PYTHON = $$(/usr/bin/python3 -c 'import pyte' 2>/dev/null && echo /usr/bin/python3 || echo python3)

.PHONY: run build deps test test-unit test-e2e bench bench-deps bench-build bench-smoke clean

run: build
	@$(RELEASE_BIN) $(ARGS)

build: deps
	$(SWIFT) build -c release --product twohats

# Installs the system packages the build and the tests need, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test: deps test-unit test-e2e bench-smoke

test-unit:
	$(SWIFT) test --disable-xctest

test-e2e: build
	python3 Tests/e2e/run.py $(RELEASE_BIN)

# Every benchmark in one run, peers included; BENCH_ARGS="--only resize" runs some of them.
bench: bench-build
	$(BENCH_PYTHON) bench/run.py $(BENCH_ARGS) $(RELEASE_BIN) $(BENCH_BIN)

# One iteration of each benchmark, so the harness does not rot; results go to bench/out/.
bench-smoke: bench-build
	@mkdir -p bench/out
	$(BENCH_PYTHON) bench/run.py --quick --out bench/out/smoke.md $(RELEASE_BIN) $(BENCH_BIN)

bench-build: deps bench-deps
	$(SWIFT) build -c release --product twohats
	$(SWIFT) build -c release --product TwoHatsBench

bench-deps:
	@missing=""; for p in $(BENCH_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing || \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq dialog whiptail; \
	fi
	@$(BENCH_PYTHON) -c 'import pyte' 2>/dev/null || python3 -m pip install --quiet pyte

clean:
	rm -rf .build
