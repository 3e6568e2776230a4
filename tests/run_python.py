#!/usr/bin/env python3
"""Build the Python extension against build/ and run its tests with pytest.

    tests/run_python.py --build build

Skips with a note when python/ holds no package yet.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default='build')
    args = ap.parse_args()
    pkg = os.path.join(ROOT, 'python')
    if not os.path.exists(os.path.join(pkg, 'setup.py')):
        print('python: no package in python/ yet: skipped')
        return 0
    env = dict(os.environ, PITH_BUILD_DIR=os.path.abspath(os.path.join(ROOT, args.build)))
    libdir = os.path.join(ROOT, args.build, 'python-lib')
    r = subprocess.run([sys.executable, 'setup.py', '-q', 'build_ext', '--build-lib', libdir,
                        '--build-temp', os.path.join(ROOT, args.build, 'python-tmp')],
                       cwd=pkg, env=env)
    if r.returncode:
        return r.returncode
    env['PYTHONPATH'] = libdir + os.pathsep + pkg + os.pathsep + env.get('PYTHONPATH', '')
    env['PITH_CLI'] = os.path.abspath(os.path.join(ROOT, args.build, 'pith'))
    with open(os.path.join(ROOT, args.build, 'libpith.a'), 'rb') as f:
        if b'__asan_init' in f.read():  # sanitizer build: preload its runtime into Python
            env['LD_PRELOAD'] = subprocess.run(['cc', '-print-file-name=libasan.so'],
                                               capture_output=True, text=True).stdout.strip()
            env['ASAN_OPTIONS'] = env.get('ASAN_OPTIONS', '') + ':detect_leaks=0'  # Python's own allocations
    r = subprocess.run([sys.executable, '-m', 'pytest', '-q', os.path.join(pkg, 'tests')], env=env, cwd=ROOT)
    return r.returncode


if __name__ == '__main__':
    sys.exit(main())
