# The quick start: `make run` and `make test`. Thin wrappers around meson;
# they install missing Debian packages first (build-aux/debian-packages.txt).

BUILDDIR ?= _build
ASANDIR ?= _build-asan
MESON_TEST = meson test --print-errorlogs --num-processes 2

# Headless GTK: a private X server and session bus per run.
HEADLESS = NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session --

.PHONY: all deps build run test asan bench clean fault fuzz-file fuzz

all: build

deps:
	@./build-aux/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/app/commonroom

# Suites that need no display run without one; the GTK suite under Xvfb.
test: build
	$(MESON_TEST) -C $(BUILDDIR) --no-suite gtk
	$(HEADLESS) $(MESON_TEST) -C $(BUILDDIR) --suite gtk

# The whole suite under AddressSanitizer and UBSan.
asan: deps
	[ -f $(ASANDIR)/build.ninja ] || meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(ASANDIR)
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(MESON_TEST) -C $(ASANDIR) --no-suite gtk
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(HEADLESS) $(MESON_TEST) -C $(ASANDIR) --suite gtk

# Benchmarks print their figures beside a bare baseline; the window's needs
# a display, so all run under the same private X server as the GTK tests.
bench: build
	$(HEADLESS) meson test -C $(BUILDDIR) --benchmark --verbose

# Safe keeping (issue 8). `make fault`: kill -9 a writer at random moments
# during 1,000 single edits, 200 times; every returned edit must survive and
# the file pass integrity_check and foreign_key_check.
FAULTDIR ?= _build-fault
fault: deps
	[ -f $(FAULTDIR)/build.ninja ] || meson setup $(FAULTDIR)
	meson compile -C $(FAULTDIR) tests/fault-kill tests/crash-writer
	$(FAULTDIR)/tests/fault-kill $(FAULTDIR)/tests/crash-writer 200 1000

# `make fuzz-file`: 10,000 damaged copies of a demo file opened through the
# store and `commonroom-cli verify`, under AddressSanitizer and UBSan.
fuzz-file: deps
	[ -f $(ASANDIR)/build.ninja ] || meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(ASANDIR) tests/fault-file src/cli/commonroom-cli
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(ASANDIR)/tests/fault-file 10000 $${SEED:-$$(date +%s)} $(ASANDIR)/src/cli/commonroom-cli

# `make fuzz`: the CSV importers under libFuzzer (clang, ASan and UBSan) for
# FUZZ_SECONDS in all; seeds in tests/fuzz/corpus, findings in $(FUZZDIR).
# clang comes from its own package list, so `make test` never needs it.
FUZZDIR ?= _build-fuzz
FUZZ_SECONDS ?= 600
fuzz:
	@./build-aux/install-deps.sh fuzz
	tests/fuzz/build.sh $(FUZZDIR)
	tests/fuzz/run.sh $(FUZZDIR) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FAULTDIR) $(FUZZDIR)
