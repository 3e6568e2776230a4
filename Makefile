# pith — build, test, sanitize, fuzz, bench, install.
#
#   make            library (static + shared), the pith CLI, build/speed and build/inspect
#   make test       build, then run unit tests and fuzz replays, golden cases, CLI,
#                   adversarial-input, batch and Python tests
#   make unit       unit tests and fuzz regression replays only
#   make asan       the same test suite with -fsanitize=address,undefined (build-asan/)
#   make valgrind   memcheck over the cases and the corpora (tests/valgrind.sh)
#   make eval       quality over ../shared/data (skips when absent)
#   make bench      speed over ../shared/data (skips when absent)
#   make bench-warc / bench-python   corpus-mode and Python speed
#   make python     the Python extension into build/python-lib
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make install    PREFIX=/usr/local: lib, header, pith.pc, CLI, man page
#   make clean      remove build/ and build-asan/

PREFIX ?= /usr/local
BUILD ?= build
CC ?= cc
PYTHON ?= /usr/bin/python3

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
       -Wformat=2 -Wundef -Wvla -Werror
OPT ?= -O2 -g
SAN ?=
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SAN) \
             -fPIC -fvisibility=hidden -DPITH_BUILDING -Iinclude -Isrc $(CFLAGS)
LIBS = -lmodest -lz -ldeflate -lzstd -lbrotlidec -lm -lpthread

LIB_SRC := $(sort $(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:cli/%.c=$(BUILD)/cli/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all test unit asan valgrind eval bench bench-python bench-warc fuzz install clean python

all: $(BUILD)/pith $(BUILD)/libpith.a $(BUILD)/libpith.so $(BUILD)/speed $(BUILD)/inspect

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/pith.h $(wildcard src/tables/*.inc)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/cli/%.o: cli/%.c include/pith.h $(wildcard cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Icli -c $< -o $@

$(BUILD)/libpith.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libpith.so: $(LIB_OBJ)
	$(CC) -shared $(SAN) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/pith: $(CLI_OBJ) $(BUILD)/libpith.a
	$(CC) $(SAN) -o $@ $(CLI_OBJ) $(BUILD)/libpith.a $(LIBS) $(LDFLAGS)

$(BUILD)/speed: bench/speed.c $(BUILD)/libpith.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libpith.a $(LIBS) $(LDFLAGS)

$(BUILD)/inspect: bench/inspect.c $(BUILD)/libpith.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libpith.a $(LIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpith.a tests/unit/harness.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libpith.a $(LIBS) $(LDFLAGS)

FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_SRC:fuzz/fuzz_%.c=$(BUILD)/replay/%)

$(BUILD)/replay/%: fuzz/fuzz_%.c fuzz/check.h fuzz/replay.c $(BUILD)/libpith.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ fuzz/replay.c $< $(BUILD)/libpith.a $(LIBS) $(LDFLAGS)

unit: $(TEST_BIN) $(REPLAY_BIN)
	@set -e; for t in $(TEST_BIN); do $$t; done
	@set -e; for r in $(REPLAY_BIN); do n=$$(basename $$r); \
	  printf "replay fuzz_%s: " $$n; $$r fuzz/regress/fuzz_$$n fuzz/seeds/fuzz_$$n \
	  $$( [ $$n = extract ] && echo tests/cases examples ); done

# The whole suite: unit tests, golden cases, CLI behaviour, Python package.
test: all unit
	$(PYTHON) tools/gen_tables.py --check
	$(PYTHON) tests/run_cases.py --pith $(BUILD)/pith
	sh tests/cli/run.sh $(BUILD)/pith
	$(PYTHON) tests/pathological.py --pith $(BUILD)/pith $(if $(SAN),--sanitized)
	$(PYTHON) tests/batch_test.py --pith $(BUILD)/pith
	$(PYTHON) tests/run_python.py --build $(BUILD)
	@echo "make test: all suites passed"

# Sanitizer reports exit with codes no pith run uses, so every suite notices them.
SAN_ENV = ASAN_OPTIONS=exitcode=86:detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:exitcode=87:print_stacktrace=1
asan:
	$(SAN_ENV) $(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test

# memcheck over the cases and the corpora (tests/valgrind.sh)
valgrind: $(BUILD)/pith
	sh tests/valgrind.sh $(BUILD)/pith

eval: $(BUILD)/pith
	$(PYTHON) bench/eval.py --pith $(BUILD)/pith

bench: $(BUILD)/speed
	$(PYTHON) bench/speed.py --speed $(BUILD)/speed

python: $(BUILD)/libpith.a
	cd python && PITH_BUILD_DIR=$(abspath $(BUILD)) $(PYTHON) setup.py -q build_ext \
	  --build-lib $(abspath $(BUILD))/python-lib --build-temp $(abspath $(BUILD))/python-tmp

bench-python: python $(BUILD)/speed
	PYTHONPATH=$(BUILD)/python-lib $(PYTHON) python/bench_python.py --speed $(BUILD)/speed

bench-warc: $(BUILD)/pith
	$(PYTHON) bench/warc_bench.py --pith $(BUILD)/pith

FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) -C fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(BUILD)/libpith.a $(BUILD)/libpith.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/pith.h $(DESTDIR)$(PREFIX)/include/
	install -m 755 $(BUILD)/pith $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/pith.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|g' pith.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/pith.pc

clean:
	rm -rf build build-asan
