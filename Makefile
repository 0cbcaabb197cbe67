# TwoHats: `make run` installs what is missing, builds and starts the app; `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libncurses-dev libsqlite3-dev pkg-config tmux python3 python3-pexpect
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/twohats

.PHONY: run build deps test test-unit test-e2e clean

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

test: deps test-unit test-e2e

test-unit:
	$(SWIFT) test --disable-xctest

test-e2e: build
	python3 Tests/e2e/run.py $(RELEASE_BIN)

clean:
	rm -rf .build
