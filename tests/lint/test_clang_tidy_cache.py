"""scripts/clang-tidy.py checks a file again whenever anything clang-tidy reads for it changes.

A tree of one file and one header, checked with the real clang-tidy 14 and a cache of its own.
Run by CTest as `clang_tidy_cache` (label `lint`); by hand:
    python3 tests/lint/test_clang_tidy_cache.py -v
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / 'scripts' / 'clang-tidy.py'

CONFIG = """Checks: '-*,readability-identifier-naming'
CheckOptions:
  - { key: readability-identifier-naming.FunctionCase, value: lower_case }
  - { key: readability-identifier-naming.VariableCase, value: lower_case }
"""
HEADER = 'inline int answer() { return 42; }\n'
SOURCE = """#include "widget.hpp"
int count_widgets() {
  int Count = answer();  // NOLINT(readability-identifier-naming)
  return Count;
}
"""


class ClangTidyCache(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name) / 'tree'
        (self.root / 'src').mkdir(parents=True)
        (self.root / 'build').mkdir()
        self.write('.clang-tidy', CONFIG)
        self.write('src/widget.hpp', HEADER)
        self.write('src/widget.cpp', SOURCE)
        source = self.root / 'src' / 'widget.cpp'
        (self.root / 'build' / 'compile_commands.json').write_text(json.dumps([{
            'directory': str(self.root / 'build'),
            'command': f'/usr/bin/c++ -I{self.root}/src -Wall -Werror -std=c++20 '
                       f'-o widget.o -c {source}',
            'file': str(source),
        }]))
        self.cache = Path(self.tmp.name) / 'cache'

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        (self.root / name).write_text(text)

    def run_tidy(self, cache=None):
        env = dict(os.environ, DATELINE_CLANG_TIDY_CACHE=cache or str(self.cache),
                   CLANG_TIDY_JOBS='1')
        run = subprocess.run([sys.executable, str(SCRIPT), str(self.root / 'build'),
                              '--root', str(self.root)], capture_output=True, text=True, env=env)
        return run.returncode, run.stdout + run.stderr

    def assert_passes(self, remembered):
        status, output = self.run_tidy()
        self.assertEqual(status, 0, output)
        self.assertIn(f'clang-tidy: {remembered} of 1 unchanged since they passed', output)

    def assert_finds(self, finding):
        status, output = self.run_tidy()
        self.assertEqual(status, 1, output)
        self.assertIn(finding, output)
        self.assertIn('0 of 1 unchanged', output)

    def test_a_passing_file_is_not_checked_again_until_it_changes(self):
        self.assert_passes(remembered=0)
        self.assert_passes(remembered=1)
        self.write('src/widget.cpp', SOURCE + '\nint more_widgets() { return 2; }\n')
        self.assert_passes(remembered=0)

    def test_a_nolint_taken_out_brings_its_finding_back(self):
        self.assert_passes(remembered=0)
        self.write('src/widget.cpp',
                   SOURCE.replace('  // NOLINT(readability-identifier-naming)', ''))
        self.assert_finds("invalid case style for variable 'Count'")
        # A finding is never remembered as a pass.
        self.assert_finds("invalid case style for variable 'Count'")

    def test_a_header_changed_is_a_change_of_every_file_including_it(self):
        self.assert_passes(remembered=0)
        self.write('src/widget.hpp', HEADER.replace('answer', 'Answer'))
        self.write('src/widget.cpp', SOURCE.replace('answer()', 'Answer()'))
        self.assert_finds("invalid case style for function 'Answer'")

    def test_the_configuration_changed_checks_every_file_again(self):
        self.assert_passes(remembered=0)
        self.write('.clang-tidy', CONFIG.replace('FunctionCase, value: lower_case',
                                                 'FunctionCase, value: CamelCase'))
        self.assert_finds("invalid case style for function 'count_widgets'")

    def test_off_checks_every_file_and_remembers_nothing(self):
        for _ in range(2):
            status, output = self.run_tidy(cache='off')
            self.assertEqual(status, 0, output)
            self.assertNotIn('unchanged since they passed', output)
        self.assertFalse(self.cache.exists())


if __name__ == '__main__':
    unittest.main()
