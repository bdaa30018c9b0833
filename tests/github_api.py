"""A stand-in GitHub REST API on 127.0.0.1, serving recorded responses from tests/data/github.

Each recorded file holds a status, the headers (``Link``, ``X-RateLimit-*``...) and the
body in the real API's shape; ``{api}`` becomes this server's URL and ``{repos}`` a
directory of local fixture repositories, so ``clone_url`` values clone from disk.
"""

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RECORDED = Path(__file__).resolve().parent / "data" / "github"
_QUERY = "type=owner&sort=pushed&per_page=100"
# What the real API answers for ada-l: the first page at /users/..., the next at /user/<id>/...
ROUTES = {
    f"/users/ada-l/repos?{_QUERY}": "repos-page1",
    f"/user/9001/repos?{_QUERY}&page=2": "repos-page2",
    f"/user/9001/repos?{_QUERY}&page=1": "repos-page1",
    f"/users/limited/repos?{_QUERY}": "rate-limited",
}


@dataclass
class FakeGitHub:
    url: str = ""
    repos: Path = Path()
    requests: list[str] = field(default_factory=list)
    headers: list[Mapping[str, str]] = field(default_factory=list)


def _recorded(name: str, api: str, repos: Path) -> tuple[int, dict[str, str], bytes]:
    text = (RECORDED / f"{name}.json").read_text()
    data = json.loads(text.replace("{api}", api).replace("{repos}", repos.as_uri()))
    return data["status"], data["headers"], json.dumps(data["body"]).encode()


@contextmanager
def fake_github(repos: Path) -> Iterator[FakeGitHub]:
    """Serve the recorded API for the duration of the block; clone URLs point into ``repos``."""
    state = FakeGitHub(repos=repos)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            state.headers.append(dict(self.headers))
            status, headers, body = _recorded(ROUTES.get(self.path, "not-found"), state.url,
                                              state.repos)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
