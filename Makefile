# The quick start: `make run` and `make test`. Thin wrappers around meson;
# they install missing Debian packages first (build-aux/debian-packages.txt).

BUILDDIR ?= _build
ASANDIR ?= _build-asan
MESON_TEST = meson test --print-errorlogs --num-processes 2

# Headless GTK: a private X server and session bus per run.
HEADLESS = NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session --

.PHONY: all deps build run test asan bench clean

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

clean:
	rm -rf $(BUILDDIR) $(ASANDIR)
