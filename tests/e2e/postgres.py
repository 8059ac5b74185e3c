"""A throwaway PostgreSQL server on loopback for the district tests.

``PostgresServer.start()`` runs ``initdb`` and ``pg_ctl`` from the PostgreSQL binaries
(``scripts/setup.sh --test`` installs them): trust authentication, UTF-8, ``fsync=off``,
listening only on 127.0.0.1 at a free port, its socket in a private temporary folder.
When the tests run as root the server runs as the ``postgres`` user (``runuser``), because
PostgreSQL refuses to run as root.  ``stop()`` shuts it down and removes its files.

:func:`binaries` finds ``initdb``/``pg_ctl`` (PATH first, then ``/usr/lib/postgresql/*/bin``);
when they are missing the caller skips with a loud reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


def binaries() -> tuple[str, str] | None:
    """Paths of ``initdb`` and ``pg_ctl``, or None when PostgreSQL is not installed."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        initdb, pg_ctl = os.path.join(folder, "initdb"), os.path.join(folder, "pg_ctl")
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return initdb, pg_ctl
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    """One running throwaway cluster."""

    root: Path
    port: int
    user: str | None
    pg_ctl: str
    databases: list[str] = field(default_factory=list)

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb + pg_ctl start (see the module docstring)."""
        found = binaries()
        if found is None:
            raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) not found")
        initdb, pg_ctl = found
        root = Path(tempfile.mkdtemp(prefix="hexie-pg-"))
        user = None
        if os.geteuid() == 0:
            user = "postgres"
            entry = pwd.getpwnam(user)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        server = cls(root, _free_port(), user, pg_ctl)
        data, socket_dir = root / "data", root / "sock"
        server._run([initdb, "-D", str(data), "-E", "UTF8", "--locale=C.UTF-8", "--auth=trust", "-U", "postgres",
                     "--no-sync"])
        server._run(["mkdir", "-p", str(socket_dir)])
        options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {socket_dir} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        server._run([pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "-t", "60",
                     "start"])
        return server

    def _run(self, command: list[str]) -> None:
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of ``database`` on this server (psycopg 3)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.databases.append(name)
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its files."""
        try:
            self._run([self.pg_ctl, "-D", str(self.root / "data"), "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
