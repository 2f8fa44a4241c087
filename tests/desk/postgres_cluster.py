"""A throwaway PostgreSQL cluster for the desk's tests and bench: initdb in a
temp directory, listening on 127.0.0.1 on a free port, removed at exit.
Debian's postgresql package (version 15) must be installed: without it this
fails loudly rather than letting the PostgreSQL tests skip. initdb refuses
root, so as root the cluster runs as the postgres user.

    python3 tests/desk/postgres_cluster.py [--durable]   # prints a URI, runs until killed
"""

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

PG_BIN = os.environ.get("TANDEM_PG_BIN", "/usr/lib/postgresql/15/bin")
NULL = "\x01NULL"  # how psql is told to print NULL, so it differs from ''


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self, durable=False):
        initdb = os.path.join(PG_BIN, "initdb")
        if not os.access(initdb, os.X_OK):
            raise RuntimeError(f"PostgreSQL is not installed ({initdb} missing): the desk's "
                               "PostgreSQL tests need Debian's postgresql package (.ci/setup.sh)")
        self.dir = tempfile.mkdtemp(prefix="tandem-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self._as = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run(initdb, "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        settings = {"listen_addresses": "'127.0.0.1'", "port": str(self.port),
                    "unix_socket_directories": f"'{self.dir}'", "max_connections": "400",
                    "shared_buffers": "64MB"}
        if not durable:
            # The tests kill desks, never this server: its own fsyncs buy them nothing.
            settings.update(fsync="off", synchronous_commit="off", full_page_writes="off")
        with open(os.path.join(self.data, "postgresql.conf"), "a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self.start()
        atexit.register(self.close)
        self._databases = 0

    def _run(self, *args):
        result = subprocess.run([*self._as, *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result.stdout

    def start(self):
        self._run(os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-l",
                  os.path.join(self.dir, "log"), "-w", "start")

    def stop(self, mode="fast"):
        self._run(os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-m", mode, "-w", "stop")

    def close(self):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def uri(self, database="postgres"):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self):
        self._databases += 1
        name = f"desk_{os.getpid()}_{self._databases}"
        self.query("postgres", f"CREATE DATABASE {name}")
        return name

    def query(self, database, sql):
        """Rows of one statement as tuples; whole numbers as int, NULL as None,
        as Python's sqlite3 gives them."""
        out = subprocess.run(
            [os.path.join(PG_BIN, "psql"), "-X", "-q", "-A", "-t", "-F", "\x1f", "-R", "\x1e",
             "-P", f"null={NULL}", "-v", "ON_ERROR_STOP=1", self.uri(database), "-c", sql],
            capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.rstrip("\n").split("\x1e"):
            if line.strip("\n") == "":
                continue
            rows.append(tuple(None if v == NULL else int(v) if v.lstrip("-").isdigit() else v
                              for v in line.strip("\n").split("\x1f")))
        return rows


_shared = None


def shared_cluster():
    """One cluster per test process, started on first use."""
    global _shared
    if _shared is None:
        _shared = PostgresCluster()
    return _shared


if __name__ == "__main__":
    cluster = PostgresCluster(durable="--durable" in sys.argv)
    print(cluster.uri(cluster.new_database()), flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
