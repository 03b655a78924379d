# taskreport — see README.md. `make run` and `make test` install what they need.

SWIFT        ?= swift
OUT          ?= Output
BIN          := .build/release/taskreport
PREFIX       ?= /usr/local
# The installed binary: the Swift runtime and Foundation linked in, built apart from $(BIN).
STATIC_BUILD := .build/static
# Debian packages the build and the tests need: Cairo and zlib for charts, SQLite,
# simdjson for fast JSON, libxml2 for JUnit XML, the DejaVu fonts the charts are drawn with, libcurl
# for HTTP checks (loaded when the first check runs; its -dev package for the header), python3 (the
# example's server), tzdata (--timezone).
DEB_PACKAGES := pkg-config libcairo2-dev zlib1g-dev libsqlite3-dev libsimdjson-dev libxml2-dev fonts-dejavu-core libcurl4 libcurl4-openssl-dev python3 tzdata
# The tests also open the report in headless Chromium, validate junit.xml with xmllint and
# make real system calls fail with strace's fault injection.
TEST_PACKAGES := chromium libxml2-utils strace
SUDO         := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps test-deps build static run test install bench fuzz clean

# Installs the missing Debian packages among $(1); says nothing when all are present.
define ensure_packages
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  log=$$(mktemp); \
	  { $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; } >$$log 2>&1 \
	    || { cat $$log; rm -f $$log; exit 1; }; \
	  rm -f $$log; \
	fi
endef

deps:
	$(call ensure_packages,$(DEB_PACKAGES))

# What only the tests need on top.
test-deps: deps
	$(call ensure_packages,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build -c release --product taskreport --quiet

# The nightly job: runs Examples/nightly.json into $(OUT)/taskreport.sqlite,
# writes the report into $(OUT)/ and prints the path of index.html. The example
# fails some tasks on purpose (exit status 1); only 2 (bad task file) or 130
# (interrupted) fail `make run`.
run: build
	@$(BIN) run Examples/nightly.json --db $(OUT)/taskreport.sqlite --out $(OUT); \
	status=$$?; [ $$status -le 1 ] || exit $$status

test: test-deps
	$(SWIFT) test --disable-xctest

# A binary for machines without a Swift toolchain (CI runners): built with
# --static-swift-stdlib, so it needs only Debian's runtime libraries (cairo,
# sqlite3, simdjson, libxml2, zlib; libcurl for HTTP checks, loaded when one runs). Installed as
# $(DESTDIR)$(PREFIX)/bin/taskreport, then checked: no Swift library in its
# `ldd`, and a report written with a bare environment.
static: deps
	$(SWIFT) build -c release --product taskreport --static-swift-stdlib --scratch-path $(STATIC_BUILD) --quiet

install: static
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 -s $(STATIC_BUILD)/release/taskreport $(DESTDIR)$(PREFIX)/bin/taskreport
	@Tests/Tools/check_installed.sh $(DESTDIR)$(PREFIX)/bin/taskreport

# Not part of `make test`: timings belong to a quiet machine. Needs PyPI for
# the peers (pandas, matplotlib, DuckDB), installed once into bench/.venv.
bench: build static bench/.venv/ready
	python3 bench/bench.py

bench/.venv/ready:
	@dpkg-query -W -f='$${Status}\n' python3-venv 2>/dev/null | grep -q '^install ok installed$$' || \
	  python3 -c 'import venv, ensurepip' 2>/dev/null || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null; }
	python3 -m venv bench/.venv
	bench/.venv/bin/pip install --quiet --disable-pip-version-check pandas matplotlib duckdb numpy
	touch $@

# Not part of `make test` either: libFuzzer under AddressSanitizer on the JSON
# reader, the JUnit XML reader and the task-file parser, FUZZ_SECONDS each (default 600). Findings are
# copied into Tests/Fixtures/hostile/ as fuzz-* and fail the run.
fuzz: deps
	@Tests/Fuzz/run_fuzzers.sh

clean:
	rm -rf .build
