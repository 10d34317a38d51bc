

# ---- Batch verifier (appended after checklib.py by src/node/batch.ts) ----
# Verifies many exercises from one warm interpreter: for each job line read from stdin it forks a
# child that runs the same job_main() the extension's runner does, in its own session, with its
# output sent to a file and a time limit, then replies with one JSON line. Forking saves the
# interpreter start and the harness's imports that dominate a short run.
def batch_main():
    import signal
    for line in sys.stdin:
        spec = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                os.chdir(spec["cwd"])
                out = os.open(spec["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(out, 1)
                os.dup2(out, 2)
                os.environ.update(spec.get("env") or {})
                os.environ["CERT_PATH_JOB"] = spec["job"]
                job_main()  # ends the child with os._exit(0)
            except SystemExit as stop:
                os._exit(stop.code if isinstance(stop.code, int) else 1)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        deadline = time.monotonic() + spec["timeout"]
        timed_out = False
        status = 0
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                timed_out = True
                try:
                    os.killpg(pid, signal.SIGKILL)
                except OSError:
                    pass
                _, status = os.waitpid(pid, 0)
                break
            time.sleep(0.002)
        try:
            os.killpg(pid, signal.SIGKILL)  # whatever the run left behind in its session
        except OSError:
            pass
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        sys.stdout.write(json.dumps({"id": spec["id"], "exitCode": code, "signal": sig, "timedOut": timed_out}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    batch_main()
