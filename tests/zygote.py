"""A fork server for `akhbar` runs: imports akhbar and Prefect once, then forks one real process per
run, each executing exactly what the `akhbar` console script does (``flows.cli.main(argv)``).

Why: importing Prefect costs about 2 s of CPU per process here, more than half of a short run; the kill
test starts dozens of runs. Forking after the imports (no thread is running yet) keeps every run a real,
separate process, with its own Prefect client, threads, files and locks, that SIGKILL stops for real.

Protocol on stdin/stdout, one JSON line each: ``["run", ...argv]`` -> ``{"pid": N}``. The child writes
its exit code to ``<rc_dir>/<pid>.rc`` before exiting; the zygote reaps its children (SIGCHLD).
Run as ``python tests/zygote.py RC_DIR`` with the environment the runs need (PREFECT_API_URL...).
"""

from __future__ import annotations

import json
import os
import signal
import sys


def main() -> None:
    rc_dir = sys.argv[1]
    import flows.cli  # noqa: F401 - the imports every run would repeat
    import flows.pipeline  # noqa: F401

    def reap(signum: int, frame: object) -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return

    signal.signal(signal.SIGCHLD, reap)
    for line in sys.stdin:
        argv = json.loads(line)
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = 1
            try:
                from flows.cli import main as akhbar

                code = akhbar(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # noqa: BLE001 - reported through the exit code
                code = 1
            final = os.path.join(rc_dir, f"{os.getpid()}.rc")
            with open(final + ".tmp", "w") as fh:  # renamed into place: a reader never sees it half-written
                fh.write(str(code))
            os.replace(final + ".tmp", final)
            os._exit(code)
        sys.stdout.write(json.dumps({"pid": pid}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
