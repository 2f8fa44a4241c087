"""One of the repository's native servers (tandem-desk, lumenpay-api) as a
child process on a free loopback port with its SQLite file in a temp dir,
spoken to over HTTP with the standard library only."""

import http.client
import json
import os
import subprocess
import tempfile


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # case-insensitive, as HTTP names are
        self.body = body

    def json(self):
        return json.loads(self.body)

    @property
    def text(self):
        return self.body.decode("utf-8")


class ServerProcess:
    """Restartable on the same database; subclasses say how to start it."""

    name = "server"
    db_file = "server.db"

    def __init__(self, *extra_args, db_dir=None):
        self._tmp = None if db_dir else tempfile.TemporaryDirectory()
        self.db_dir = db_dir or self._tmp.name
        self.db_path = os.path.join(self.db_dir, self.db_file)
        self.extra_args = list(extra_args)
        self.process = None
        self.port = None

    def command(self):
        raise NotImplementedError

    def environment(self):
        return None  # the test's own

    def start(self):
        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True,
                                        env=self.environment())
        line = self.process.stdout.readline()
        if "listening on" not in line:
            self.process.kill()
            raise RuntimeError(self.name + " did not start: " + line + self.process.stderr.read())
        self.port = int(line.rsplit(":", 1)[1])
        return self

    def kill(self):
        self.process.kill()
        self.process.wait()
        self._close_pipes()

    def stop(self):
        self.process.terminate()
        code = self.process.wait(timeout=30)
        self._close_pipes()
        return code

    def _close_pipes(self):
        self.process.stdout.close()
        self.process.stderr.close()

    def close(self):
        if self.process and self.process.poll() is None:
            self.kill()
        if self._tmp:
            self._tmp.cleanup()

    def request(self, method, path, body=None, headers=None, timeout=30):
        headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read())
        finally:
            connection.close()
