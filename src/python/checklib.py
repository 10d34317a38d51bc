# Cert Path check runner.
#
# One source serves two ways: the extension runs it under its supervisor (job
# mode: canonical checks in, one signed JSON record per check out through a
# channel learner code cannot forge), and every practice file embeds it so
# `python exercise.py` prints the same checks as a readable report (standalone
# mode). Runs on Python 3.8 and newer; keep the syntax to what 3.8 accepts.
#
# Parts: 1. what the harness relies on, captured before learner code runs;
# 2. comparisons and the check API; 3. the learner's code; 4. databases and
# requirements; 5. running checks; 6. job and standalone modes.
import builtins
import hashlib
import hmac
import io
import json
import os
import sys
import time
import traceback
import types

# ---- 1. What the harness relies on, captured before any learner code runs ---------------------
# Learner code may rebind builtins or module functions (builtins.isinstance = ..., json.dumps = ...).
# The harness keeps its own references (module globals win over builtins), check code sees the
# builtins as they were, and the builtins module is put back before every check.
_BUILTINS = dict(vars(builtins))
abs, all, any, bool, callable, dict, enumerate = abs, all, any, bool, callable, dict, enumerate
exec, compile, float, frozenset, getattr, hasattr = exec, compile, float, frozenset, getattr, hasattr
id, int, isinstance, issubclass, iter, len, list = id, int, isinstance, issubclass, iter, len, list
max, min, next, object, open, print, range, repr = max, min, next, object, open, print, range, repr
round, set, setattr, sorted, str, sum, tuple, type, zip = round, set, setattr, sorted, str, sum, tuple, type, zip
_dumps = json.dumps
_sign = hmac.new
_sha256 = hashlib.sha256
_perf = time.perf_counter
_StringIO = io.StringIO
_abspath = os.path.abspath
_dirname = os.path.dirname
_format_list = traceback.format_list
_format_exception_only = traceback.format_exception_only
_exit = os._exit
_write = os.write
_RECURSION_LIMIT = sys.getrecursionlimit()
_MISSING = object()

MARKER = "# ====== Cert Path checks"
_LIMIT = 2000
# Exit code when the channel the records go through was closed or replaced by learner code.
LOST_CHANNEL_EXIT = 86
_memory_limit_mb = [0]


def _restore_interpreter():
    """Undo what learner code changed in the builtins module and the recursion limit."""
    current = vars(builtins)
    for name, value in _BUILTINS.items():
        if current.get(name, _MISSING) is not value:
            current[name] = value
    sys.setrecursionlimit(_RECURSION_LIMIT)


class CheckFailed(AssertionError):
    """A check's expectation was not met; carries what was expected and what came back."""

    def __init__(self, detail="", expected=_MISSING, actual=_MISSING, line=None):
        AssertionError.__init__(self, detail)
        self.detail = detail
        self.expected = expected
        self.actual = actual
        self.line = line


def _visible(text):
    """Control characters other than newline and tab shown as escapes, never sent raw."""
    return "".join(c if c in "\n\t" or (ord(c) >= 32 and ord(c) != 127) else "\\x%02x" % ord(c) for c in text)


def show(value):
    """repr() cut to a readable length (outputs shown as they are, control characters escaped)."""
    raw = isinstance(value, str) and getattr(value, "_raw", False)
    text = str.__str__(value) if raw else repr(value)
    text = text if len(text) <= _LIMIT else text[:_LIMIT] + "... (%d more characters)" % (len(text) - _LIMIT)
    return _visible(text) if raw else text


_SCALARS = (bool, int, float, complex, str, bytes, type(None))


def _key_in(pool, item):
    for p in pool:
        if type(p) is type(item) and p == item:
            return p
    return _MISSING


def _same(actual, expected):
    # Same type, all the way down: 5 vs 5.0, 1 vs True, or a subclass whose == always says yes,
    # never equal an expected value (a check that wants looser comparison says so itself).
    # Output captured by capture() is the harness's own text type: it compares as the str it is.
    if type(actual) is _Raw:
        actual = str.__str__(actual)
    if type(expected) is _Raw:
        expected = str.__str__(expected)
    if type(actual) is not type(expected):
        return False
    if isinstance(expected, _SCALARS):
        return expected == actual
    if isinstance(expected, (list, tuple)):
        return len(actual) == len(expected) and all(_same(a, e) for a, e in zip(actual, expected))
    if isinstance(expected, dict):
        if len(actual) != len(expected):
            return False
        for key, value in expected.items():
            found = _key_in(actual, key) if all(type(k) in _SCALARS for k in actual) else next((k for k in actual if _same(k, key)), _MISSING)
            if found is _MISSING or not _same(actual[found], value):
                return False
        return True
    if isinstance(expected, (set, frozenset)):
        return len(actual) == len(expected) and all(any(_same(a, e) for a in actual) for e in expected)
    try:
        # Exactly the expected type, so its own == decides (never a look-alike's).
        return bool(expected == actual)
    except Exception:
        return False


def expect(actual, expected, detail=""):
    """Fail unless actual equals expected (same type for numbers, strings and bools)."""
    if not _same(actual, expected):
        raise CheckFailed(detail, expected, actual)


def expect_close(actual, expected, tolerance=1e-9, detail=""):
    """Fail unless actual is a number within tolerance of expected."""
    ok = isinstance(actual, (int, float)) and not isinstance(actual, bool)
    if not ok or abs(actual - expected) > tolerance:
        raise CheckFailed(detail or "within %g of the expected value" % tolerance, expected, actual)


def expect_true(condition, detail="", actual=_MISSING, expected=_MISSING):
    """Fail with detail unless condition holds; actual= and expected= are shown with the failure."""
    if not condition:
        raise CheckFailed(detail, expected, actual)


def expect_raises(exception_type, func, *args, **kwargs):
    """Call func and return the exception it raised; fail unless it is an exception_type."""
    name = getattr(exception_type, "__name__", str(exception_type))
    try:
        value = func(*args, **kwargs)
    except exception_type as error:
        return error
    except Exception as error:
        raise CheckFailed("raised the wrong exception", name, type(error).__name__ + ": " + str(error))
    raise CheckFailed("no exception was raised", name, value)


def expect_output(actual, expected, detail=""):
    """Compare printed text line by line; fail naming the first line that differs."""
    got = actual.rstrip("\n").split("\n") if actual else []
    want = expected.rstrip("\n").split("\n") if expected else []
    for number in range(max(len(got), len(want))):
        g = got[number] if number < len(got) else None
        w = want[number] if number < len(want) else None
        if g != w:
            where = "output line %d: expected %s, got %s" % (
                number + 1, "nothing" if w is None else repr(w), "nothing" if g is None else repr(g))
            raise CheckFailed((detail + "\n" if detail else "") + where, _Raw(expected), _Raw(actual))


class _Raw(str):
    """Text shown as it is (outputs), not as a repr."""
    _raw = True


class _Solution(object):
    """The learner's module; a missing name fails the check with a clear message."""

    def __init__(self, module):
        object.__setattr__(self, "_module", module)

    def __getattr__(self, name):
        module = object.__getattribute__(self, "_module")
        try:
            return getattr(module, name)
        except AttributeError:
            raise CheckFailed("Your code does not define `%s`; the task asks for it (check the spelling)." % name)


class Learner(object):
    """The learner's code: the practice file up to the checks marker, compiled once."""

    def __init__(self, path, import_dir=None):
        self.path = os.path.abspath(path)
        self.import_dir = import_dir
        with open(self.path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8-sig", errors="replace")
        lines = text.splitlines(True)
        cut = [i for i, line in enumerate(lines) if line.startswith(MARKER)]
        self.source = "".join(lines[:cut[0]] if cut else lines)
        self.code = compile(self.source, self.path, "exec")
        self.module = None

    def load(self):
        """Run the code once as module `solution` (not __main__, so guarded blocks stay quiet)."""
        module = types.ModuleType("solution")
        module.__file__ = self.path
        if self.import_dir:
            # A copy named solution.py lets processes started with "spawn" (and pickle in them)
            # import the learner's functions and classes by name.
            with open(os.path.join(self.import_dir, "solution.py"), "w", encoding="utf-8") as copy:
                copy.write(self.source)
            if self.import_dir not in sys.path:
                sys.path.insert(1, self.import_dir)
        sys.modules["solution"] = module
        exec(self.code, module.__dict__)
        self.module = module
        return module

    def run_program(self, stdin=""):
        """Run the code as a program with the given stdin; return what it printed (input() prompts excluded)."""
        feed = io.StringIO(stdin)
        out = io.StringIO()

        def scripted_input(prompt=""):
            line = feed.readline()
            if not line:
                raise EOFError("the program asked for more input than the check provides")
            return line.rstrip("\n")

        env_builtins = dict(_BUILTINS)
        env_builtins["input"] = scripted_input
        scope = {"__name__": "__main__", "__file__": self.path, "__builtins__": env_builtins}
        saved = sys.stdin, sys.stdout
        sys.stdin, sys.stdout = feed, out
        try:
            exec(self.code, scope)
        except SystemExit:
            pass  # exit() ends a program normally; what it printed so far is the output
        finally:
            sys.stdin, sys.stdout = saved
        return _Raw(out.getvalue())

    def line_of(self, name):
        """Line where `name` is defined in the learner's code, if it can be found."""
        value = getattr(self.module, name, None) if self.module else None
        code = getattr(value, "__code__", None)
        if code is not None and os.path.abspath(code.co_filename) == self.path:
            return code.co_firstlineno
        for number, line in enumerate(self.source.splitlines(), 1):
            stripped = line.lstrip()
            for prefix in ("def ", "class ", "async def "):
                if stripped.startswith(prefix + name) and stripped[len(prefix + name):][:1] in ("(", ":"):
                    return number
            if stripped.startswith(name) and stripped[len(name):].lstrip()[:1] == "=" and line == stripped:
                return number
        return None

    def _frames(self, error):
        """(file name, line) of each traceback entry, walked without formatting (deep recursion stays fast)."""
        tb = getattr(error, "__traceback__", None)
        seen = 0
        while tb is not None and seen < 2000000:
            yield tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
            seen += 1

    def raised_in_learner_code(self, error):
        """Whether the error's traceback passes through the learner's files (this one or its folder's)."""
        folder = _dirname(self.path) + os.sep
        for filename, _ in self._frames(error):
            name = _abspath(filename)
            if name == self.path or name.startswith(folder):
                return True
        return False

    def traceback_line(self, error):
        """Deepest line of the learner's file in the error's traceback."""
        found = None
        for filename, line in self._frames(error):
            if filename == self.path or _abspath(filename) == self.path:
                found = line
        return found


def capture(func, *args, **kwargs):
    """Call func, returning (its result, what it printed)."""
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        result = func(*args, **kwargs)
    finally:
        sys.stdout = saved
    return result, _Raw(out.getvalue())


def _last_frames(error, keep=30):
    """The traceback's last `keep` entries and the error, formatted without touching the other frames
    (a million-frame recursion is formatted as fast as a short one)."""
    last = []
    tb = error.__traceback__
    count = 0
    while tb is not None:
        last.append(tb)
        if len(last) > keep:
            last.pop(0)
        tb = tb.tb_next
        count += 1
    frames = [traceback.FrameSummary(t.tb_frame.f_code.co_filename, t.tb_lineno, t.tb_frame.f_code.co_name) for t in last]
    head = "Traceback (most recent call last):\n"
    if count > keep:
        head += "  ... %d earlier calls ...\n" % (count - keep)
    text = head + "".join(_format_list(frames)) + "".join(_format_exception_only(type(error), error))
    return text[-4000:]


def _describe(error):
    try:
        text = str(error)
    except Exception:
        text = "(its message could not be read)"
    if len(text) > _LIMIT:
        text = text[:_LIMIT] + "... (%d more characters)" % (len(text) - _LIMIT)
    return type(error).__name__ + (": " + _visible(text) if text else "")


def load_problem(learner_path, kind, import_dir=None):
    """Compile (and for function exercises, load) the learner's code; a problem record, or (Learner, None)."""
    try:
        learner = Learner(learner_path, import_dir)
    except SyntaxError as error:
        return None, {"type": "load", "status": "error", "kind": type(error).__name__,
                      "message": "%s: %s" % (type(error).__name__, error.msg),
                      "line": error.lineno, "column": error.offset, "text": (error.text or "").rstrip()}
    except (OSError, ValueError) as error:
        return None, {"type": "load", "status": "error", "kind": "FileError",
                      "message": "Could not read the practice file: " + _describe(error)}
    if kind == "program":
        return learner, None
    try:
        learner.load()
    except BaseException as error:
        if isinstance(error, EOFError):
            reason = "Your code called input() while the checks were loading it; this exercise is checked by calling your functions, so no input is given."
        elif isinstance(error, SystemExit):
            reason = "Your code called exit() or sys.exit() while it was being loaded, so the checks could not run."
        elif isinstance(error, ImportError):
            reason = "Import failed: " + _describe(error)
        else:
            reason = "Your code raised " + _describe(error) + " while it was being loaded."
        return learner, {"type": "load", "status": "error", "kind": type(error).__name__,
                         "message": reason, "line": learner.traceback_line(error)}
    return learner, None


class _Cursor(object):
    """A DB-API cursor that accepts qmark (?) placeholders on a format-style (%s) driver."""

    def __init__(self, cursor):
        self._cursor = cursor

    def execute(self, sql, args=()):
        return self._cursor.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(args))

    def executemany(self, sql, rows):
        return self._cursor.executemany(sql.replace("%", "%%").replace("?", "%s"), [tuple(r) for r in rows])

    def __iter__(self):
        return iter(self._cursor.fetchall())

    def __getattr__(self, name):
        return getattr(self._cursor, name)


class _Connection(object):
    """A MySQL/MariaDB connection that speaks the same qmark SQL as sqlite3."""

    def __init__(self, connection):
        self._connection = connection

    def cursor(self):
        return _Cursor(self._connection.cursor())

    def execute(self, sql, args=()):
        cursor = self.cursor()
        cursor.execute(sql, args)
        return cursor

    def __getattr__(self, name):
        return getattr(self._connection, name)


class Database(object):
    """Where database exercises run: SQLite by default, a scratch MySQL schema when configured."""

    def __init__(self, config=None):
        self.config = config or {}
        self.schema = None
        self.opened = []

    @property
    def dialect(self):
        return "mysql" if self.config.get("kind") == "mysql" else "sqlite"

    def _driver(self):
        try:
            import pymysql
            return pymysql
        except ImportError:
            import mysql.connector
            return mysql.connector

    def connect(self):
        """A fresh DB-API connection (qmark placeholders in both dialects)."""
        if self.dialect == "sqlite":
            import sqlite3
            connection = sqlite3.connect(":memory:")
            self.opened.append(connection)
            return connection
        driver = self._driver()
        c = self.config
        if self.schema is None:
            admin = driver.connect(host=c["host"], port=int(c.get("port", 3306)), user=c["user"], password=c.get("password", ""))
            self.schema = "%s_%s" % (c.get("database") or "certpath", os.urandom(6).hex())
            admin.cursor().execute("CREATE DATABASE `%s`" % self.schema)
            admin.close()
        raw = driver.connect(host=c["host"], port=int(c.get("port", 3306)), user=c["user"], password=c.get("password", ""), database=self.schema)
        self.opened.append(raw)
        return _Connection(raw)

    def close(self):
        """Closes every connection and drops the scratch schema."""
        for connection in self.opened:
            try:
                connection.close()
            except Exception:
                pass
        if self.schema:
            c = self.config
            try:
                admin = self._driver().connect(host=c["host"], port=int(c.get("port", 3306)), user=c["user"], password=c.get("password", ""))
                admin.cursor().execute("DROP DATABASE IF EXISTS `%s`" % self.schema)
                admin.close()
            except Exception:
                pass


_database = [Database()]


def requirement_problem(requires, database=None):
    """A load record when this interpreter or machine lacks what the exercise needs, else None."""
    import importlib.util
    for need in requires or ():
        if need == "display":
            try:
                import tkinter
                tkinter.Tk().destroy()
            except Exception as error:
                return {"type": "load", "status": "error", "kind": "Requirement", "requirement": "display",
                        "message": "Skipped: this exercise needs a display to open tkinter windows, and none is "
                                   "available here (%s). Run it on a desktop, or under Xvfb." % _describe(error)}
        elif need == "database":
            if database and database.get("kind") == "mysql":
                if not (importlib.util.find_spec("pymysql") or importlib.util.find_spec("mysql")):
                    return {"type": "load", "status": "error", "kind": "Requirement", "requirement": "pymysql",
                            "message": "Skipped: a MySQL server is configured, but this interpreter has neither "
                                       "PyMySQL nor mysql-connector-python. Install one with: %s -m pip install pymysql"
                                       % sys.executable}
        elif importlib.util.find_spec(need) is None:
            return {"type": "load", "status": "error", "kind": "Requirement", "requirement": need,
                    "message": "Skipped: this exercise needs %s, which this interpreter (%s) does not have. "
                               "Install it with: %s -m pip install %s" % (need, sys.executable, sys.executable, need)}
    return None


def db_connect():
    """A DB-API connection for database exercises: SQLite in memory, or a scratch MySQL schema."""
    return _database[0].connect()


def db_dialect():
    """"sqlite" or "mysql": the dialect db_connect() speaks, for DDL that differs."""
    return _database[0].dialect


def run_check(learner, check, params):
    """Run one check; return its record (status, message, expected, actual, line, durationMs)."""
    record = {"type": "check", "id": check["id"], "status": "pass", "message": ""}
    _restore_interpreter()
    scope = {
        "__builtins__": dict(_BUILTINS),
        "solution": _Solution(learner.module) if learner.module is not None else None,
        "params": params, "expect": expect, "expect_close": expect_close, "expect_true": expect_true,
        "expect_raises": expect_raises, "expect_output": expect_output, "capture": capture,
        "run_program": learner.run_program, "CheckFailed": CheckFailed, "show": show,
        "db_connect": db_connect, "db_dialect": db_dialect, "learner_source": lambda: learner.source,
    }
    started = _perf()
    try:
        exec(compile(check["code"], "<check %s>" % check["id"], "exec"), scope)
    except AssertionError as error:
        detail = getattr(error, "detail", None)
        detail = str(error) if detail is None else detail
        record["status"] = "fail"
        record["message"] = check["message"] + ("\n" + detail if detail else "")
        for field in ("expected", "actual"):
            value = getattr(error, field, _MISSING)
            if value is not _MISSING:
                record[field] = show(value)
        record["line"] = learner.traceback_line(error) or getattr(error, "line", None)
    except BaseException as error:
        # KeyboardInterrupt and SystemExit from learner code are results here, not a reason to stop.
        record["status"] = "error"
        if isinstance(error, MemoryError) and _memory_limit_mb[0]:
            record["message"] = ("Your code ran out of memory during this check: it tried to use more than the limit of "
                                 "%d MB. Look for a list or string that keeps growing. %s" % (_memory_limit_mb[0], check["message"]))
        elif learner.raised_in_learner_code(error):
            record["message"] = "Your code raised %s during this check. %s" % (_describe(error), check["message"])
        else:
            record["message"] = ("The check stopped with %s in its own code, not in yours: most often a value your code "
                                 "returned is not of the kind the task asks for. %s" % (_describe(error), check["message"]))
        record["line"] = learner.traceback_line(error)
        record["traceback"] = _last_frames(error)
    record["durationMs"] = round((_perf() - started) * 1000, 3)
    if not record.get("line") and record["status"] != "pass" and check.get("target"):
        record["line"] = learner.line_of(check["target"])
    return record


def version_problem(min_python):
    """A load record when this interpreter is older than the exercise needs, else None."""
    if not min_python:
        return None
    needed = tuple(int(part) for part in min_python.split("."))
    if tuple(sys.version_info[:len(needed)]) >= needed:
        return None
    return {"type": "load", "status": "error", "kind": "PythonVersion",
            "message": "This exercise needs Python %s or newer; this interpreter is Python %d.%d.%d. "
                       "Choose a newer one with \"Cert Path: Select Python Interpreter\"."
                       % ((min_python,) + tuple(sys.version_info[:3]))}


def run_all(learner_path, checks, kind="function", params=None, emit=None, min_python=None,
            requires=None, database=None, import_dir=None, fail_fast=False):
    """Run every check in order, calling emit(record) for the load problem (if any) and each check.

    With fail_fast (the verifier's mutants), the checks after the first one that does not pass are
    reported as skipped instead of run."""
    sys._cert_path_active = True
    directory = os.path.dirname(os.path.abspath(learner_path))
    if directory not in sys.path:
        sys.path.insert(0, directory)
    start_method = os.environ.get("CERT_PATH_MP_START")
    if start_method:
        import multiprocessing
        multiprocessing.set_start_method(start_method, force=True)
    _database[0] = Database(database)
    problem = version_problem(min_python) or requirement_problem(requires, database)
    learner = None
    if not problem:
        learner, problem = load_problem(learner_path, kind, import_dir)
    records = []
    if problem:
        emit(problem)
        for check in checks:
            records.append({"type": "check", "id": check["id"], "status": "skipped",
                            "message": "Not run: " + problem["message"]})
            emit(records[-1])
        return records
    try:
        stopped = False
        for check in checks:
            if stopped:
                records.append({"type": "check", "id": check["id"], "status": "skipped", "message": "Not run: an earlier check failed."})
            else:
                records.append(run_check(learner, check, params or {}))
                stopped = fail_fast and records[-1]["status"] != "pass"
            emit(records[-1])
    finally:
        _database[0].close()
    return records


def run_job(job, fd):
    """Job mode (under the supervisor): run the job's checks, writing signed records to file descriptor fd."""
    key = job.pop("key").encode("ascii")
    sequence = [0]
    _memory_limit_mb[0] = job.get("memoryMB") or 0
    channel = os.fstat(fd)

    def emit(record):
        # Each line is "<HMAC-SHA256 of the JSON> <JSON>", numbered: learner code can write to the
        # channel, but a record cannot be forged, replayed or reordered without the key.
        record["seq"] = sequence[0]
        sequence[0] += 1
        line = _dumps(record, sort_keys=True)
        data = (_sign(key, line.encode("utf-8"), _sha256).hexdigest() + " " + line + "\n").encode("utf-8")
        try:
            now = os.fstat(fd)
            if (now.st_ino, now.st_dev) != (channel.st_ino, channel.st_dev):
                _exit(LOST_CHANNEL_EXIT)  # the descriptor now leads somewhere else
            while data:
                data = data[_write(fd, data):]
        except OSError:
            _exit(LOST_CHANNEL_EXIT)  # learner code closed or replaced the channel

    version = "%d.%d.%d" % tuple(sys.version_info[:3])
    emit({"type": "start", "python": version, "executable": sys.executable})
    run_all(job["file"], job["checks"], job.get("kind", "function"), job.get("params"), emit, job.get("minPython"),
            job.get("requires"), job.get("database"), job.get("importDir"), job.get("failFast", False))
    emit({"type": "end"})
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    # Leftover non-daemon threads in learner code must not keep the run alive.
    _exit(0)


def standalone_main(checks, learner_path, kind="function", params=None, min_python=None, requires=None):
    """`python exercise.py` mode: run the embedded checks and print a report."""
    if getattr(sys, "_cert_path_active", False):
        return  # already inside a check run (the program re-ran this file)
    labels = {"pass": "PASS ", "fail": "FAIL ", "error": "ERROR", "skipped": "SKIP "}
    lines = []

    def emit(record):
        if record["type"] == "load":
            where = " (line %s)" % record["line"] if record.get("line") else ""
            lines.append("Problem: " + record["message"] + where)

    import atexit
    import shutil
    import tempfile
    # Run from the practice file's folder, as the extension's runs do, wherever `python file.py` was typed.
    learner_path = os.path.abspath(learner_path)
    os.chdir(os.path.dirname(learner_path))
    import_dir = tempfile.mkdtemp(prefix="cert-path-")
    atexit.register(shutil.rmtree, import_dir, True)
    records = run_all(learner_path, checks, kind, params, emit, min_python, requires, None, import_dir)
    titles = dict((c["id"], c["title"]) for c in checks)
    passed = sum(1 for r in records if r["status"] == "pass")
    print("")
    print("Cert Path checks: %d of %d passed" % (passed, len(records)))
    for text in lines:
        print("  " + text)
    for record in records:
        print("  %s %s" % (labels[record["status"]], titles[record["id"]]))
        if record["status"] in ("fail", "error"):
            for text in record["message"].split("\n"):
                print("        " + text)
            if "expected" in record:
                print("        expected: " + record["expected"])
            if "actual" in record:
                print("        actual:   " + record["actual"])
            if record.get("line"):
                print("        at line %d of your file" % record["line"])
    if passed == len(records):
        print("All checks pass. Run \"Cert Path: Run Checks\" in VS Code to record it.")
    sys.exit(0 if passed == len(records) else 1)
