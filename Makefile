# vigil: the two commands a new user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test eval bench bench-large bench-build clean

all: build

setup:
	bash scripts/setup-debian.sh

configure:
	@test -f $(BUILD)/build.ninja || cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# Screens the bundled investor-visa applicants against the bundled lists.
demo: setup build
	bash scripts/demo.sh

# Unit, golden and end-to-end tests: ctest (layers, golden pairs, the CLI and
# `vigil serve` over HTTP), then the console's browser tests in Chromium.
test:
	VIGIL_WITH_BROWSER=1 bash scripts/setup-debian.sh
	$(MAKE) build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	VIGIL_SKIP_SETUP=1 VIGIL_BIN=$(BUILD)/vigil bash scripts/web-test.sh

# Precision / recall / F1 per group on the labelled pairs in tests/eval/.
eval: build
	./$(BUILD)/vigil eval --pairs tests/eval

# Benchmarks against the peers (PostgreSQL + pg_trgm, brute-force Jaro-Winkler)
# on the bundled lists and 100k + 1M synthetic entities; bench-large adds 10M.
# Own optimized build dir; not part of `make test`. Report: bench/out/.
BENCH_BUILD ?= build-bench
BENCH_TARGETS = vigil vigil_bench pg_peer primitives_benchmark
bench-build:
	VIGIL_WITH_BENCH=1 bash scripts/setup-debian.sh
	cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIL_BUILD_BENCH=ON \
	  -DVIGIL_BUILD_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target $(BENCH_TARGETS)

bench: bench-build
	mkdir -p bench/out
	./$(BENCH_BUILD)/bench/primitives_benchmark --benchmark_min_time=0.2 \
	  --benchmark_out=bench/out/primitives.json --benchmark_out_format=json
	/usr/bin/python3 bench/run.py --build $(BENCH_BUILD) --sets bundled,100k,1m

bench-large: bench-build
	/usr/bin/python3 bench/run.py --build $(BENCH_BUILD) --sets bundled,100k,1m,10m

clean:
	rm -rf $(BUILD)
