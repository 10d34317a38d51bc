

# ====== Cert Path supervisor (appended after checklib.py by src/node/runner) ======================
# A warm process that runs check jobs. It starts, imports the harness once, says it is ready and waits
# for a job on stdin (one JSON line). For each job it forks a fresh child that runs the learner's code
# in a session of its own, with a memory limit, its output and its signed records on pipes that only
# this supervisor reads (each capped), and it ends every process the run started before it reports
# (one JSON line on stdout). On Linux it is a child subreaper, so descendants that change their
# session, process group or environment, or keep forking, are still found and killed. `serve-one`
# exits after one job (the extension replaces it with a fresh one); `serve` handles jobs one after
# another (the content tests, one per core). Where fork is missing (Windows), `direct` runs one job
# in a child process, inside a Windows job object that ends its whole tree.
import select
import signal
import tempfile  # imported once here, not in every run's child

try:
    import resource
except ImportError:  # Windows
    resource = None

_SUP_OUTPUT_CAP = 256 * 1024
_SUP_RESULTS_CAP = 4 * 1024 * 1024


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number


class _Capped(object):
    """Bytes kept up to a cap; what comes after is counted, not stored."""

    def __init__(self, cap):
        self.cap = cap
        self.chunks = []
        self.kept = 0
        self.dropped = 0

    def add(self, chunk):
        room = self.cap - self.kept
        if room > 0:
            self.chunks.append(chunk[:room])
            self.kept += len(self.chunks[-1])
        self.dropped += max(0, len(chunk) - max(room, 0))

    def text(self):
        return b"".join(self.chunks).decode("utf-8", "replace")


def _subreaper():
    """Become the process orphaned descendants are handed to (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except Exception:
        return False


def _children():
    """Pids of this process's children (Linux /proc), zombies included."""
    me = str(os.getpid())
    found = []
    try:
        for task in os.listdir("/proc/self/task"):
            with open("/proc/self/task/%s/children" % task) as handle:
                found.extend(int(p) for p in handle.read().split())
        return found
    except OSError:
        pass
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/stat" % pid) as handle:
                    if handle.read().rsplit(")", 1)[1].split()[1] == me:
                        found.append(int(pid))
            except (OSError, IndexError):
                pass
    return found


def _reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _end_descendants(run_pid, subreaper):
    """Kills the run's process group, then (as a subreaper) every descendant handed to us, until none is left."""
    killed = 0
    try:
        os.killpg(run_pid, signal.SIGKILL)
    except OSError:
        pass
    for _ in range(2000 if subreaper else 1):
        _reap()
        kids = _children() if subreaper else []
        if not kids:
            break
        for pid in kids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
        time.sleep(0.0005)
    _reap()
    return killed


_STDIN_CAP = 60000  # below a pipe's capacity, so writing it never blocks


def _stdin_for(job):
    """What the run reads as stdin: the job's text through a pipe, else nothing (/dev/null)."""
    text = job.get("stdin")
    if not text:
        return os.open(os.devnull, os.O_RDONLY)
    read, write = os.pipe()
    data = text.encode("utf-8")[:_STDIN_CAP]
    while data:
        data = data[_write(write, data):]
    os.close(write)
    return read


def run_script(path):
    """Runs a snippet (a lesson example) as __main__; an uncaught exception prints a traceback of the snippet's own frames."""
    import runpy
    code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:
        if isinstance(stop.code, int) or stop.code is None:
            code = stop.code or 0
        else:
            sys.stderr.write("%s\n" % (stop.code,))
            code = 1
    except BaseException as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == path]
        text = ["Traceback (most recent call last):\n"] if frames else []
        text += traceback.format_list(frames) + traceback.format_exception_only(type(error), error)
        sys.stderr.write("".join(text))
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _exit(code)


def _run_child(job, out_w, err_w, res_w):
    """The forked child: a session of its own, limits, the pipes as its only open files, then the job."""
    try:
        os.setsid()
        os.dup2(_stdin_for(job), 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.dup2(res_w, 3)
        os.closerange(4, 65536)
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if job.get("memoryMB"):
                limit = int(job["memoryMB"]) * 1024 * 1024
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (AttributeError, ValueError, OSError):
            pass
        sys.stdin = open(0, "r", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
        os.environ.update(job.get("env") or {})
        tempfile.tempdir = None  # TMPDIR is the run's own now
        os.chdir(job["cwd"])
        sys.argv = [job["file"]]
        if job.get("kind") == "script":
            run_script(job["file"])
        run_job(job, 3)
    except BaseException:
        try:
            traceback.print_exc()
        except BaseException:
            pass
    _exit(1)


class _Lines(object):
    """Lines from a file descriptor, read without blocking past what select() said is there."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = b""
        self.closed = False

    def fill(self):
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self.closed = True
        self.buffer += chunk

    def take(self):
        if b"\n" not in self.buffer:
            return None
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")


def _report(message):
    data = (_dumps(message) + "\n").encode("utf-8")
    while data:
        data = data[_write(1, data):]


def supervise(job, control, subreaper):
    """Runs one job in a forked child and reports how it ended, with its capped output and records."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    res_r, res_w = os.pipe()
    started = _perf()
    pid = os.fork()
    if pid == 0:
        _run_child(job, out_w, err_w, res_w)
    for fd in (out_w, err_w, res_w):
        os.close(fd)
    _report({"type": "started", "id": job["id"], "pid": pid})
    streams = {out_r: _Capped(_SUP_OUTPUT_CAP), err_r: _Capped(_SUP_OUTPUT_CAP), res_r: _Capped(_SUP_RESULTS_CAP)}
    state = {"status": None, "timedOut": False, "cancelled": False, "overflow": False, "exited": None, "results": res_r}
    deadline = started + float(job["timeout"])
    _watch(pid, streams, control, state, deadline)
    killed = _end_descendants(pid, subreaper)
    for fd in streams:
        os.close(fd)
    status = state["status"]
    code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status) else None
    return {
        "type": "report", "id": job["id"], "exitCode": code, "signal": _signal_name(sig) if sig else None,
        "timedOut": state["timedOut"], "cancelled": state["cancelled"], "overflow": state["overflow"],
        "stdout": streams[out_r].text(), "stderr": streams[err_r].text(), "results": streams[res_r].text(),
        "dropped": streams[out_r].dropped + streams[err_r].dropped, "killed": killed,
        "ms": round((_perf() - started) * 1000, 3),
    }


def _watch(pid, streams, control, state, deadline):
    """Reads the run's pipes until it has ended and its pipes are closed (or a moment after it ended)."""
    open_fds = set(streams)
    while True:
        if state["status"] is None:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                state["status"], state["exited"] = status, _perf()
        now = _perf()
        if state["status"] is not None and (not open_fds or now - state["exited"] > 0.2):
            return
        if state["status"] is None and now >= deadline and not state["timedOut"]:
            state["timedOut"] = True
            _stop(pid)
        _take_control(control, pid, state)
        watched = list(open_fds) + ([control.fd] if not control.closed else [])
        if not watched:
            time.sleep(0.01)
            continue
        # Pipes closed but not yet reaped: the child is exiting, so look again very soon.
        wait = 0.02 if open_fds or state["status"] is not None else 0.0005
        for fd in select.select(watched, [], [], wait)[0]:
            if fd == control.fd:
                control.fill()
                _take_control(control, pid, state)
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.discard(fd)
                continue
            streams[fd].add(chunk)
            if streams[fd].dropped and fd == state["results"] and not state["overflow"]:
                state["overflow"] = True  # the records' channel flooded: learner code is writing to it
                _stop(pid)


def _take_control(control, pid, state):
    """Acts on control lines already read: `cancel` (or a closed stdin) stops the run."""
    line = control.take()
    while line is not None:
        if line.strip() == "cancel":
            state["cancelled"] = True
        line = control.take()
    if control.closed and not state["cancelled"]:
        state["cancelled"] = True
    if state["cancelled"] and not state.get("stopped"):
        state["stopped"] = True
        _stop(pid)


def _stop(pid):
    """Kills the run: its process group, and the child itself (which may not have made its group yet)."""
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


def serve(once):
    """Waits for jobs on stdin and runs each under supervision; with `once`, exits after the first."""
    subreaper = _subreaper()
    control = _Lines(0)
    _report({"type": "ready", "python": "%d.%d.%d" % tuple(sys.version_info[:3]), "executable": sys.executable,
             "subreaper": subreaper})
    while True:
        line = control.take()
        while line is None and not control.closed:
            control.fill()
            line = control.take()
        if line is None:
            return
        if not line.strip():
            continue
        job = json.loads(line)
        _report(supervise(job, control, subreaper))
        if once:
            return


def _job_object():
    """A Windows job object that kills every process in it when its handle closes (None elsewhere)."""
    try:
        import ctypes
        from ctypes import wintypes
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        job = kernel.CreateJobObjectW(None, None)

        class _Limits(ctypes.Structure):
            _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                        ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                        ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                        ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD), ("SchedulingClass", wintypes.DWORD),
                        ("ReadOperationCount", ctypes.c_uint64), ("WriteOperationCount", ctypes.c_uint64),
                        ("OtherOperationCount", ctypes.c_uint64), ("ReadTransferCount", ctypes.c_uint64),
                        ("WriteTransferCount", ctypes.c_uint64), ("OtherTransferCount", ctypes.c_uint64),
                        ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                        ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]
        limits = _Limits()
        limits.LimitFlags = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        kernel.SetInformationJobObject(job, 9, ctypes.byref(limits), ctypes.sizeof(limits))
        kernel.AssignProcessToJobObject(job, kernel.GetCurrentProcess())
        return job
    except Exception:
        return None


def direct():
    """Windows: the job arrives on stdin; this process runs it, results go to the job's file."""
    _job_object()  # children end with this process
    job = json.loads(sys.stdin.readline())
    fd = os.open(job["resultPath"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    os.environ.update(job.get("env") or {})
    os.chdir(job["cwd"])
    sys.argv = [job["file"]]
    if job.get("kind") == "script":
        run_script(job["file"])
    run_job(job, fd)


if __name__ == "__main__":
    _mode = sys.argv[1] if len(sys.argv) > 1 else "serve-one"
    if _mode == "direct":
        direct()
    else:
        serve(_mode == "serve-one")
