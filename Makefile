# The two commands: `make run` and `make test`. Everything else is a step of theirs.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
DATA ?= var
LISTEN ?= 127.0.0.1:8080
PUBLIC_URL ?= http://localhost:8080
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@$(BUILD_DIR)/dateline sites --data $(DATA) >/dev/null 2>&1 || $(BUILD_DIR)/dateline init --data $(DATA) --demo --public-url $(PUBLIC_URL)
	@$(BUILD_DIR)/dateline serve --data $(DATA) --listen $(LISTEN)

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

bench: build
	@cmake --build --preset $(PRESET) --target page_render_bench
	@$(BUILD_DIR)/bench/page_render_bench --benchmark_min_time=2
	@bash bench/http_load.sh $(BUILD_DIR)/dateline

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	@rm -rf build
