# The two commands: `make run` and `make test`. Everything else is a step of theirs.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
DATA ?= var
LISTEN ?= 127.0.0.1:8080
PUBLIC_URL ?= http://localhost:8080
JOBS ?= $(shell nproc)
# `make fuzz`: every harness for FUZZ_SECONDS each, or only those named, e.g. `make fuzz FUZZ=form`.
FUZZ_HARNESSES := form http_request multipart ninjs nitf sanitize security_answer target \
                  template_escapes
FUZZ ?= $(FUZZ_HARNESSES)
FUZZ_SECONDS ?= 60
FUZZ_DIR := build/fuzz
# CI (any CI other than empty, 0 or false) builds with warnings as errors.
WERROR := $(if $(filter-out 0 false,$(CI)),ON,OFF)
FUZZ_FINDINGS ?= $(FUZZ_DIR)/findings

.PHONY: all deps configure build run test bench package fuzz clean format

all: build

deps:
	@bash scripts/install-deps.sh

# Configures a new build directory, and again when CI finds one configured without -Werror.
configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ] || { [ $(WERROR) = ON ] && \
	     ! grep -q '^DATELINE_WERROR:BOOL=ON$$' $(BUILD_DIR)/CMakeCache.txt; }; then \
	  cmake --preset $(PRESET) $(if $(filter ON,$(WERROR)),-DDATELINE_WERROR=ON) >/dev/null; fi

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@$(BUILD_DIR)/dateline sites --data $(DATA) >/dev/null 2>&1 || $(BUILD_DIR)/dateline init --data $(DATA) --demo --public-url $(PUBLIC_URL)
	@$(BUILD_DIR)/dateline serve --data $(DATA) --listen $(LISTEN)

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

bench: build
	@cmake --build --preset $(PRESET) --target page_render_bench hot_paths_bench generate_archive
	@$(BUILD_DIR)/bench/page_render_bench --benchmark_min_time=2
	@$(BUILD_DIR)/bench/hot_paths_bench --benchmark_min_time=1
	@bash bench/http_load.sh $(BUILD_DIR)/dateline
	@bash bench/archive_load.sh $(BUILD_DIR)/dateline
	@bash bench/breaking_news.sh $(BUILD_DIR)/dateline
	@bash bench/serving_memory.sh $(BUILD_DIR)/dateline
	@bash bench/search_load.sh $(BUILD_DIR)/dateline
	@bash bench/export_vs_hugo.sh $(BUILD_DIR)/dateline
	@bash bench/lighthouse.sh $(BUILD_DIR)/dateline

# The Debian package of the build: $(BUILD_DIR)/dateline_<version>_amd64.deb
# (docs/operations.md, "Installing").
package: build
	@cd $(BUILD_DIR) && cpack -G DEB

# A clang build of the harnesses alone (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer);
# crashing inputs are written to $(FUZZ_FINDINGS)/<harness>/ (see fuzz/README.md).
fuzz: deps
	@test -f $(FUZZ_DIR)/build.ninja || cmake --preset fuzz >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ))
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_FINDINGS=$(FUZZ_FINDINGS) bash scripts/fuzz.sh $(FUZZ_DIR) $(FUZZ)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'fuzz/*.cpp')

clean:
	@rm -rf build
