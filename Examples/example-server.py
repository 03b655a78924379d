#!/usr/bin/env python3
"""A throwaway HTTP server on 127.0.0.1 for the example nightly run.

Usage: example-server.py PORT

Binds the port first, then detaches, so the task that starts it completes
only once the server accepts connections. Answers GET /health with 200 and
GET /stop with 200 before exiting; anything else is 404. It exits by itself
after 60 seconds, so a run that fails or is interrupted does not leave it
behind for long.
"""
import http.server
import os
import sys
import threading

LIFETIME_SECONDS = 60


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path in ("/health", "/stop"):
            body = b"ok\n"
            self.send_response(200)
        else:
            body = b"not found\n"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.path == "/stop":
            threading.Thread(target=self.server.shutdown, daemon=True).start()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
if os.fork() > 0:
    os._exit(0)  # the parent ends the task; the child serves
os.setsid()
for fd in (0, 1, 2):  # let the task's pipes close
    os.dup2(os.open(os.devnull, os.O_RDWR), fd)
lifetime = threading.Timer(LIFETIME_SECONDS, server.shutdown)
lifetime.daemon = True  # must not keep the process (and its port) alive after /stop
lifetime.start()
server.serve_forever()
server.server_close()
