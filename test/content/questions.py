# Runs question snippets for the verification test and reports what each one did.
# Reads {"runs": [...], "timeout": s} as JSON on stdin; writes a JSON list of observations.
# Each run gets its own forked child (fresh globals, fresh working folder), so snippets cannot
# disturb each other; `process` runs use a separate `python snippet.py` instead (multiprocessing).
import importlib.util
import io
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import types

SNIPPET = "<snippet>"


def describe(error, tb):
    """The exception's class name and the innermost snippet line it passed through."""
    line = None
    if isinstance(error, SyntaxError) and error.filename == SNIPPET:
        line = error.lineno
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == SNIPPET:
            line = tb.tb_lineno
        tb = tb.tb_next
    return type(error).__name__, line


def mysql_settings():
    """The server the tests start ($CERT_PATH_MYSQL: host=…;port=…;user=…;password=…;database=…), or None."""
    raw = os.environ.get("CERT_PATH_MYSQL")
    if not raw:
        return None
    fields = dict(part.split("=", 1) for part in raw.split(";") if "=" in part)
    return {"host": fields.get("host", "127.0.0.1"), "port": int(fields.get("port", "3306")), "user": fields.get("user", ""),
            "password": fields.get("password", ""), "prefix": fields.get("database", "certpath")}


def scratch_database(settings):
    """Creates a scratch database; returns (connect function, drop function)."""
    import pymysql
    name = "%s_q%s" % (settings["prefix"], os.urandom(5).hex())
    base = dict(host=settings["host"], port=settings["port"], user=settings["user"], password=settings["password"])
    admin = pymysql.connect(**base)
    admin.cursor().execute("CREATE DATABASE `%s`" % name)
    admin.close()

    opened = []

    def connect():
        connection = pymysql.connect(database=name, **base)
        opened.append(connection)
        return connection

    def drop():
        # A connection the snippet left open (in a transaction) would hold the schema's lock: close it first.
        for connection in opened:
            try:
                connection.close()
            except Exception:
                pass
        try:
            admin = pymysql.connect(**base)
            admin.cursor().execute("DROP DATABASE IF EXISTS `%s`" % name)
            admin.close()
        except Exception:
            pass
    return connect, drop


def run_here(run):
    """Runs one snippet in this (forked) process; returns the observation."""
    out = io.StringIO()
    sys.stdout, sys.stderr, sys.stdin = out, io.StringIO(), io.StringIO(run.get("stdin") or "")
    result = {"error": None, "line": None, "value": None, "detail": ""}
    # A real __main__ module, so pickle and friends find the snippet's classes by name.
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = __builtins__
    sys.modules["__main__"] = main
    namespace = main.__dict__
    drop = None
    if run.get("database"):
        connect, drop = scratch_database(mysql_settings())
        namespace["connect"] = connect
    try:
        exec(compile(run["code"], SNIPPET, "exec"), namespace)
        if run.get("eval") is not None:
            result["value"] = bool(eval(compile(run["eval"].strip(), SNIPPET + "-choice", "eval"), namespace))
    except SystemExit as stop:
        if stop.code not in (None, 0):
            result["error"], result["line"] = describe(stop, stop.__traceback__)
    except BaseException as error:  # the snippet's own errors are the observation
        result["error"], result["line"] = describe(error, error.__traceback__)
        result["detail"] = "".join(traceback.format_exception_only(type(error), error)).strip()[-300:]
    try:
        sys.stdout.flush()
    except Exception:
        pass
    if drop:
        drop()
    result["stdout"] = out.getvalue()
    return result


class _TooLong(Exception):
    pass


def _normal(text):
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n")


def run_permutations(run):
    """Tries every other order of the lines (each distinct order once); reports those that print `expect`."""
    import itertools
    lines = run["permute"]
    want = _normal(run.get("expect") or "")
    keyed = tuple(lines)
    seen = set([keyed])
    matches = []

    def stop(signum, frame):
        raise _TooLong()

    signal.signal(signal.SIGALRM, stop)
    for order in itertools.permutations(range(len(lines))):
        text = tuple(lines[i] for i in order)
        if text in seen:
            continue
        seen.add(text)
        try:
            code = compile("\n".join(text) + "\n", SNIPPET, "exec")
        except (SyntaxError, ValueError):
            continue
        out = io.StringIO()
        sys.stdout, sys.stdin = out, io.StringIO(run.get("stdin") or "")
        namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        drop = None
        if run.get("database"):
            # Every order gets its own scratch schema, as the keyed one does.
            namespace["connect"], drop = scratch_database(mysql_settings())
        signal.setitimer(signal.ITIMER_REAL, 2.0 if drop else 0.2)
        try:
            exec(code, namespace)
            ok = True
        except BaseException:
            ok = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if drop:
                drop()
        if ok and _normal(out.getvalue()) == want:
            matches.append(list(order))
    sys.stdout = sys.__stdout__
    return {"stdout": "", "error": None, "line": None, "value": None, "detail": "", "matches": matches}


def run_process(run, timeout):
    """Runs the snippet as `python snippet.py` in the current folder."""
    with open("snippet.py", "w", encoding="utf-8") as f:
        f.write(run["code"])
    try:
        done = subprocess.run([sys.executable, "snippet.py"], input=run.get("stdin") or "", capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"stdout": "", "error": "Timeout", "line": None, "value": None, "detail": "ran longer than %ss" % timeout}
    result = {"stdout": done.stdout, "error": None, "line": None, "value": None, "detail": ""}
    if done.returncode != 0:
        lines = [l for l in done.stderr.splitlines() if l.strip()]
        last = lines[-1] if lines else ""
        m = re.match(r"^([\w.]+)(?::|$)", last)
        result["error"] = m.group(1).split(".")[-1] if m else "ExitCode%d" % done.returncode
        found = re.findall(r'File ".*snippet\.py", line (\d+)', done.stderr)
        result["line"] = int(found[-1]) if found else None
        result["detail"] = last[-300:]
    return result


def observe(run, timeout):
    """Forks, runs the snippet in the child inside a scratch folder, and collects its report."""
    missing = [m for m in run.get("requires") or [] if importlib.util.find_spec(m) is None]
    if run.get("database") and importlib.util.find_spec("pymysql") is None:
        missing.append("pymysql")
    if run.get("database") and not mysql_settings():
        missing.append("a MySQL/MariaDB server ($CERT_PATH_MYSQL)")
    if missing:
        return {"key": run["key"], "missing": missing[0]}
    folder = tempfile.mkdtemp(prefix="cert-path-q-")
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        os.setsid()
        # Output written straight to the file descriptors (a child process that inherits them)
        # must not land in this worker's JSON report.
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        try:
            os.chdir(folder)
            if run.get("permute"):
                result = run_permutations(run)
            else:
                result = run_process(run, timeout) if run.get("process") else run_here(run)
            data = json.dumps(result).encode()
        except BaseException as error:
            data = json.dumps({"stdout": "", "error": "HarnessError", "line": None, "value": None, "detail": repr(error)}).encode()
        view = memoryview(data)
        while view:
            view = view[os.write(writer, view):]
        os._exit(0)
    os.close(writer)
    chunks, deadline = [], time.monotonic() + timeout + 5
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([reader], [], [], left)
        if not ready:
            continue
        chunk = os.read(reader, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    if timed_out:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    os.waitpid(pid, 0)
    try:
        os.killpg(pid, signal.SIGKILL)  # threads or children the snippet left behind
    except OSError:
        pass
    shutil.rmtree(folder, ignore_errors=True)
    if timed_out:
        result = {"stdout": "", "error": "Timeout", "line": None, "value": None, "detail": "ran longer than %ss" % timeout}
    else:
        try:
            result = json.loads(b"".join(chunks).decode())
        except ValueError:
            result = {"stdout": "", "error": "Crash", "line": None, "value": None, "detail": "the snippet ended the process without a report"}
    result["key"] = run["key"]
    return result


def main():
    job = json.load(sys.stdin)
    timeout = job.get("timeout", 10)
    results = [observe(run, timeout) for run in job["runs"]]
    sys.stdout.write(json.dumps(results))


if __name__ == "__main__":
    main()
