"""setup.py — build the pith Python package: the C extension pith._pith
linked statically against libpith, plus the pure-Python parts.

Where libpith comes from, in order:
  1. $PITH_BUILD_DIR (a pith build directory holding libpith.a; the header is
     taken from $PITH_INCLUDE_DIR, default <repository>/include);
  2. ../build next to this directory, when it holds libpith.a;
  3. an installed libpith found with pkg-config (`pkg-config pith`): its
     libpith.a when present, else the shared -lpith.
Only setuptools is needed:  python3 setup.py build_ext --inplace
"""
import os
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEPS = ['modest', 'z', 'deflate', 'zstd', 'brotlidec', 'm', 'pthread']


def pkg_config(*args):
    try:
        out = subprocess.run(['pkg-config', *args, 'pith'], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def header_version(include_dir):
    try:
        with open(os.path.join(include_dir, 'pith.h'), encoding='utf-8') as f:
            for line in f:
                if line.startswith('#define PITH_VERSION_STRING'):
                    return line.split('"')[1]
    except OSError:
        pass
    return '0.0.0'


def locate():
    """(include_dirs, extra_objects, libraries, library_dirs, runtime_dirs, archive or None)."""
    build = os.environ.get('PITH_BUILD_DIR')
    if not build and os.path.isfile(os.path.join(ROOT, 'build', 'libpith.a')):
        build = os.path.join(ROOT, 'build')
    if build:
        archive = os.path.join(os.path.abspath(build), 'libpith.a')
        if not os.path.isfile(archive):
            sys.exit(f'setup.py: no libpith.a in PITH_BUILD_DIR={build} (run make first)')
        include = os.environ.get('PITH_INCLUDE_DIR') or os.path.join(ROOT, 'include')
        return [include], [archive], list(DEPS), [], [], archive
    libdir = pkg_config('--variable=libdir')
    if libdir is None:
        sys.exit('setup.py: libpith not found: build it (make) and set PITH_BUILD_DIR, '
                 'or install it (make install) so that `pkg-config pith` finds it')
    includes = [f[2:] for f in (pkg_config('--cflags-only-I') or '').split() if f.startswith('-I')]
    archive = os.path.join(libdir, 'libpith.a')
    if os.path.isfile(archive):
        libs = [f[2:] for f in (pkg_config('--libs-only-l', '--static') or '').split()
                if f.startswith('-l') and f != '-lpith']
        return includes, [archive], libs or list(DEPS), [], [], archive
    return includes, [], ['pith'], [libdir], [libdir], None


INCLUDES, OBJECTS, LIBS, LIBDIRS, RPATHS, ARCHIVE = locate()
DEFINES = []
COMPILE = ['-std=c11', '-Wall', '-Wextra', '-Wno-missing-field-initializers']
LINK = []
if ARCHIVE:
    with open(ARCHIVE, 'rb') as f:
        if b'__asan_init' in f.read():
            # a sanitizer build (make asan): the module needs the same runtime;
            # importing it then needs LD_PRELOAD of libasan (see README.md)
            COMPILE += ['-fsanitize=address,undefined']
            LINK += ['-fsanitize=address,undefined']

WARC_PROBE = """#include "pith.h"
int main(void) { pith_warc *w = 0; return pith_warc_open_path("-", 0, &w) == PITH_OK; }
"""


class BuildExt(build_ext):
    """build_ext that also copies the pure-Python files next to the built
    module, so that --build-lib DIR alone is an importable package."""

    def build_extensions(self):
        if not self.links_warc():
            # a libpith whose WARC reader is not complete: build without it
            for e in self.extensions:
                e.define_macros.append(('PITH_PY_HAVE_WARC', '0'))
            print('setup.py: libpith has no complete WARC reader; pith.iter_warc is disabled')
        super().build_extensions()

    def links_warc(self):
        """Does a program calling pith_warc_open_path link against libpith?"""
        with tempfile.TemporaryDirectory() as tmp, open(os.devnull, 'w') as null:
            src = os.path.join(tmp, 'probe.c')
            with open(src, 'w') as f:
                f.write(WARC_PROBE)
            saved = os.dup(2)  # the expected linker errors are not the user's concern
            os.dup2(null.fileno(), 2)
            try:
                objs = self.compiler.compile([src], output_dir=tmp, include_dirs=INCLUDES,
                                             extra_postargs=COMPILE)
                self.compiler.link_executable(objs + OBJECTS, os.path.join(tmp, 'probe'),
                                              libraries=LIBS, library_dirs=LIBDIRS,
                                              runtime_library_dirs=RPATHS, extra_postargs=LINK)
            except Exception:  # CompileError / LinkError
                return False
            finally:
                os.dup2(saved, 2)
                os.close(saved)
        return True

    def run(self):
        super().run()
        if self.inplace:
            return
        src = os.path.join(HERE, 'pith')
        dst = os.path.join(self.build_lib, 'pith')
        os.makedirs(dst, exist_ok=True)
        for name in os.listdir(src):
            if name.endswith(('.py', '.pyi')) or name == 'py.typed':
                shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))


ext = Extension(
    'pith._pith',
    sources=['_pith.c'],
    include_dirs=INCLUDES,
    define_macros=DEFINES,
    extra_objects=OBJECTS,
    libraries=LIBS,
    library_dirs=LIBDIRS,
    runtime_library_dirs=RPATHS,
    extra_compile_args=COMPILE,
    extra_link_args=LINK,
    depends=[os.path.join(d, 'pith.h') for d in INCLUDES] + OBJECTS,
)

setup(
    name='pith',
    version=header_version(INCLUDES[0]) if INCLUDES else '0.0.0',
    description='News article extraction from HTML pages, text and WARC files (libpith bindings)',
    long_description=open(os.path.join(HERE, 'README.md'), encoding='utf-8').read()
    if os.path.exists(os.path.join(HERE, 'README.md')) else '',
    long_description_content_type='text/markdown',
    python_requires='>=3.10',
    packages=['pith'],
    package_data={'pith': ['py.typed', '*.pyi']},
    ext_modules=[ext],
    cmdclass={'build_ext': BuildExt},
    extras_require={'dask': ['dask', 'distributed'], 'parquet': ['pyarrow']},
    zip_safe=False,
)
