# vigil: the two commands a new user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test eval bench clean

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

# Unit, golden and end-to-end tests.
test: setup build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Precision / recall / F1 per group on the labelled pairs in tests/eval/.
eval: build
	./$(BUILD)/vigil eval --pairs tests/eval

clean:
	rm -rf $(BUILD)
