# TwoHats: `make run` installs what is missing, builds and starts the app; `make test` runs every test;
# `make bench` measures it against dialog and whiptail and writes bench/results.md.
SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libncurses-dev libsqlite3-dev pkg-config tmux python3 python3-pexpect strace
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The Swift runtime and Foundation are linked into the binary, so exec loads and relocates no
# libFoundation or ICU: that halved the time to the first frame and the memory it holds.
# lld links the static Foundation without gold's warnings about glibc's mktemp. Generic types
# are reached through direct metadata accessors rather than mangled names, which the runtime
# resolved at start by scanning every protocol conformance in the binary (a quarter of the
# instructions before the first frame).
# libstdc++, SQLite and ncurses are linked in as well: the C++ in the Swift runtime and
# Foundation left 760 symbol lookups for the loader at every start, and Debian builds SQLite
# and ncurses to bind every symbol at load (2,100 lookups, three more libraries to open). The
# static-libs rule leaves linker scripts named like the shared libraries that point at the
# archives, and a pkg-config file for ncursesw that names that folder first (the system's
# names /usr/lib, where the shared libraries would be found before the scripts). The binary
# exports no symbols (the static Swift runtime asks for -export-dynamic; nothing here looks a
# symbol up by name, and the runtime's dladdr at start read all 9,500 of them) and carries no
# $ORIGIN run path, which sent the loader through a dozen folders per library.
# The binary is not position-independent. At a random address the loader rewrote, at every
# start, the 250 pages of metadata, vtables and witness tables that hold absolute addresses
# (Foundation, ICU and dispatch most of them), each a page copied; without them the start
# takes 235 fewer page faults in all, 0.5 ms of a 6 ms start. Without it the binary's own
# addresses are the same at every run (libraries, stack and heap are still randomised); Go
# makes the same trade by default on Linux, for memory-safe code, and the C in here (SQLite,
# libyaml, ncurses, the runtime) reads the files the user gives it, its terminfo entry and
# its environment (README, "A fixed address"). bench/startup.order lays out together the
# functions and data the start touches before its first frame (bench/startup_order.py writes
# it; names a build no longer has are skipped): page faults on code 83 -> 39, on .bss
# 81 -> 47, on .data 26 -> 13.
STATIC_DIR := $(CURDIR)/.build/static-libs
CXX_ARCHIVE := $(shell "$$(dirname "$$(command -v $(SWIFT))")/clang" -print-file-name=libstdc++.a 2>/dev/null)
LIB_DIR = $(shell pkg-config --variable=libdir ncursesw 2>/dev/null)
NCURSES_CFLAGS = $(shell pkg-config --cflags ncursesw 2>/dev/null)
RELEASE := -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -no-pie \
	$(if $(wildcard bench/startup.order),-Xlinker --symbol-ordering-file=$(CURDIR)/bench/startup.order -Xlinker --no-warn-symbol-ordering) \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xlinker -L$(STATIC_DIR) --pkg-config-path $(STATIC_DIR) -Xlinker --no-export-dynamic --disable-local-rpath
RELEASE_BIN := .build/release/twohats
BENCH_BIN := .build/release/TwoHatsBench
BENCH_APT := dialog whiptail python3-pyte
# Debian's python3-pyte serves the system Python; another python3 first on PATH gets pyte from pip.
BENCH_PYTHON = $$(/usr/bin/python3 -c 'import pyte' 2>/dev/null && echo /usr/bin/python3 || echo python3)

.PHONY: run build deps static-libs startup-order test test-unit test-e2e torture fuzz sanitize install uninstall bench bench-deps bench-build bench-smoke clean

run: build
	@$(RELEASE_BIN) $(ARGS)

build: deps static-libs
	$(SWIFT) build $(RELEASE) --product twohats

# An archive that is missing (another toolchain or distribution layout) gets no script, and
# the binary uses that shared library as before.
static-libs:
	@mkdir -p $(STATIC_DIR); rm -f $(STATIC_DIR)/*.so $(STATIC_DIR)/*.pc; \
	case "$(CXX_ARCHIVE)" in /*) [ -f "$(CXX_ARCHIVE)" ] && echo "INPUT($(CXX_ARCHIVE))" > $(STATIC_DIR)/libstdc++.so;; esac; \
	for lib in sqlite3 ncursesw tinfo; do \
	  [ -f "$(LIB_DIR)/lib$$lib.a" ] && echo "INPUT($(LIB_DIR)/lib$$lib.a)" > $(STATIC_DIR)/lib$$lib.so; \
	done; \
	printf 'Name: ncursesw\nDescription: ncurses, linked from $(STATIC_DIR)\nVersion: 6\nLibs: -L$(STATIC_DIR) -lncursesw -ltinfo\nCflags: $(NCURSES_CFLAGS)\n' > $(STATIC_DIR)/ncursesw.pc; true

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

# The long versions of the fault tests (kill -9 while typing 50 times, and so on).
torture: build
	python3 Tests/e2e/run.py --torture $(RELEASE_BIN)

# libFuzzer on the key decoder, the content pack loader and the JSON import, FUZZ_SECONDS each
# (Fuzz/fuzz.sh; crashes land in .build-fuzz/crashes/).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) sh Fuzz/fuzz.sh

# The unit tests under AddressSanitizer, then ThreadSanitizer, each in its own build folder so
# the ordinary build stays as it is. The random-event test runs 50,000 events instead of a
# million (sanitized code is many times slower); Tests/lsan-suppressions.txt says what is not ours.
SANITIZE_ENV := TWOHATS_RANDOM_EVENTS=50000 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt
sanitize: deps
	$(SANITIZE_ENV) $(SWIFT) test --disable-xctest --sanitize=address --build-path .build-asan
	$(SANITIZE_ENV) $(SWIFT) test --disable-xctest --sanitize=thread --build-path .build-tsan

# The man page is docs/twohats.1 (a test keeps it in step with the commands); the completion
# scripts come from the binary itself.
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASH_DIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_DIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_DIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

install: build
	install -d $(BINDIR) $(MANDIR) $(BASH_DIR) $(ZSH_DIR) $(FISH_DIR)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/twohats
	install -m 644 docs/twohats.1 $(MANDIR)/twohats.1
	$(RELEASE_BIN) --generate-completion-script bash > $(BASH_DIR)/twohats
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_DIR)/_twohats
	$(RELEASE_BIN) --generate-completion-script fish > $(FISH_DIR)/twohats.fish

uninstall:
	rm -f $(BINDIR)/twohats $(MANDIR)/twohats.1 $(BASH_DIR)/twohats $(ZSH_DIR)/_twohats $(FISH_DIR)/twohats.fish

# Every benchmark in one run, peers included; BENCH_ARGS="--only resize" runs some of them.
bench: bench-build
	$(BENCH_PYTHON) bench/run.py $(BENCH_ARGS) $(RELEASE_BIN) $(BENCH_BIN)

# One iteration of each benchmark, so the harness does not rot; results go to bench/out/.
bench-smoke: bench-build
	@mkdir -p bench/out
	$(BENCH_PYTHON) bench/run.py --quick --out bench/out/smoke.md $(RELEASE_BIN) $(BENCH_BIN)

bench-build: deps bench-deps static-libs
	$(SWIFT) build $(RELEASE) --product twohats
	$(SWIFT) build $(RELEASE) --product TwoHatsBench

# Lays out the start's code and data again after a large change (needs valgrind); commit the
# result. SwiftPM does not know the file, so the binary is removed to be linked with it anew.
startup-order: build
	python3 bench/startup_order.py $(RELEASE_BIN)
	rm -f $(RELEASE_BIN)

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
	rm -rf .build .build-fuzz .build-asan .build-tsan
