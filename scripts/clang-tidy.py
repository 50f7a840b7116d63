#!/usr/bin/env python3
"""clang-tidy (Debian's clang-tidy-14) with the repository's .clang-tidy over src/**/*.cpp.

Any finding fails (exit 1). Run by CTest as the test `clang_tidy` (label `lint`); by hand:
    scripts/clang-tidy.py build/release

A file is checked again only when something clang-tidy reads for it has changed. A passing run is
remembered under a key: the SHA-256 of clang-tidy's binary and version, the .clang-tidy files of
the tree and of src/, this script's options, the file's compile command, and the file as clang's
preprocessor sees it with comments kept (so every header it includes, and every NOLINT). Keys are
empty files in $DATELINE_CLANG_TIDY_CACHE (default ~/.cache/dateline/clang-tidy), each touched
when used and removed after 30 days unused; DATELINE_CLANG_TIDY_CACHE=off checks every file.
Findings are never remembered, and a file the preprocessor cannot read is checked as if nothing
were.

Environment: CLANG_TIDY (default clang-tidy-14), CLANG_TIDY_JOBS (default 2).
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Files left out for now (paths as `git ls-files` prints them, e.g. src/site/theme.cpp): only for
# a file being rewritten elsewhere whose findings were reported rather than fixed. Keep it empty.
SKIP: set[str] = set()

CACHE_DAYS = 30
# Lines clang-tidy prints on every run, findings or not.
NOISE = re.compile(r'^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$'
                   r'|^Suppressed [0-9]+ warnings|^Use -header-filter|^Error while processing')
# g++'s precompiled header is not one clang can read: its forced include is dropped (each file
# includes the same headers itself).
PCH = re.compile(r' -Winvalid-pch -include [^ "]*/cmake_pch\.hxx')


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def cache_dir() -> Path | None:
    setting = os.environ.get('DATELINE_CLANG_TIDY_CACHE', '')
    if setting == 'off':
        return None
    if setting:
        return Path(setting)
    base = os.environ.get('XDG_CACHE_HOME') or str(Path.home() / '.cache')
    return Path(base) / 'dateline' / 'clang-tidy'


def preprocess_command(entry: dict, clang: str) -> list[str]:
    """The file's compile command turned into clang's preprocessor writing to stdout."""
    if 'arguments' in entry:
        args = entry['arguments']
    else:
        args = shlex.split(PCH.sub('', entry['command']))
    out = [clang]
    skip_next = False
    for arg in args[1:]:
        if skip_next:
            skip_next = False
        elif arg == '-o':
            skip_next = True
        elif arg in ('-c', entry['file']):
            pass
        else:
            out.append(arg)
    # -C keeps comments (NOLINT); the compile flags are g++'s, some unknown to clang.
    return out + ['-E', '-C', '-Wno-unknown-warning-option', '-Wno-error', entry['file']]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('build_dir', type=Path, help='a build directory with compile_commands.json')
    parser.add_argument('--root', type=Path, default=Path(__file__).resolve().parent.parent,
                        help='the source tree whose src/**/*.cpp are checked (the repository)')
    options = parser.parse_args()
    root = options.root.resolve()
    build_dir = options.build_dir.resolve()
    tidy = shutil.which(os.environ.get('CLANG_TIDY', 'clang-tidy-14'))
    jobs = int(os.environ.get('CLANG_TIDY_JOBS', '2'))
    if tidy is None:
        print('clang-tidy: no clang-tidy-14 (set CLANG_TIDY)', file=sys.stderr)
        return 1
    database = build_dir / 'compile_commands.json'
    if not database.is_file():
        print(f'clang-tidy: no {database}', file=sys.stderr)
        return 1

    files = sorted(p for p in (root / 'src').rglob('*.cpp') if str(p.relative_to(root)) not in SKIP)
    entries = {e['file']: e for e in json.loads(database.read_text())}
    flags = ['--quiet', "--warnings-as-errors=*", f'--header-filter=^{root}/src/']

    # The preprocessor of clang-tidy's own LLVM, so both read the sources alike.
    real_tidy = Path(os.path.realpath(tidy))
    clang = real_tidy.parent / 'clang++'
    cache = cache_dir()
    if cache is not None and not clang.is_file():
        print(f'clang-tidy: no {clang} beside {real_tidy}: every file is checked', file=sys.stderr)
        cache = None
    if cache is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f'clang-tidy: no cache ({error}): every file is checked', file=sys.stderr)
            cache = None
    common = hashlib.sha256()
    if cache is not None:
        version = subprocess.run([tidy, '--version'], capture_output=True, text=True,
                                 check=True).stdout
        common.update(f'{sha256_file(real_tidy)}\0{version}\0{flags}\0'.encode())
        # The configurations clang-tidy may read for a file of src/: the tree's and any below.
        for config in [root / '.clang-tidy', *sorted((root / 'src').rglob('.clang-tidy'))]:
            if config.is_file():
                name = str(config.relative_to(root)).encode()
                common.update(name + b'\0' + config.read_bytes() + b'\0')

    work = Path(tempfile.mkdtemp())
    try:
        (work / 'compile_commands.json').write_text(PCH.sub('', database.read_text()))

        def check(path: Path) -> tuple[str, bool, bool]:
            """(clang-tidy's output, passed, already known to pass)"""
            entry = entries.get(str(path))
            key = None
            if cache is not None and entry is not None:
                pre = subprocess.run(preprocess_command(entry, str(clang)), cwd=entry['directory'],
                                     capture_output=True)
                if pre.returncode == 0:
                    digest = common.copy()
                    digest.update(f'{entry.get("command", entry.get("arguments"))}\0'.encode())
                    digest.update(pre.stdout)
                    key = cache / digest.hexdigest()
                    if key.exists():
                        key.touch()
                        return '', True, True
            run = subprocess.run([tidy, '-p', str(work), *flags, str(path)],
                                 capture_output=True, text=True)
            output = '\n'.join(line for line in (run.stdout + run.stderr).splitlines()
                               if not NOISE.match(line))
            if run.returncode == 0 and key is not None:
                key.touch()
            return output, run.returncode == 0, False

        print(f'clang-tidy: {len(files)} files, {len(SKIP)} skipped, {jobs} at a time', flush=True)
        failed = known = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for path, (output, passed, was_known) in zip(files, pool.map(check, files)):
                failed += not passed
                known += was_known
                if output:
                    print(output, flush=True)
                if not passed and not output:
                    print(f'clang-tidy: {path.relative_to(root)} failed without a finding',
                          flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if cache is not None:
        unused = time.time() - CACHE_DAYS * 86400
        for key in cache.iterdir():
            try:
                if key.stat().st_mtime < unused:
                    key.unlink()
            except FileNotFoundError:  # another run's pruning took it first
                pass
        print(f'clang-tidy: {known} of {len(files)} unchanged since they passed ({cache}); '
              f'{failed} with findings')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
