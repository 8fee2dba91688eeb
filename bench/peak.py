"""The evening peak: many distinct people, each doing one short visit, started at a fixed rate (open loop).

A person-session is: the Today page, an answer (PUT /api/v1/today/answer), the Today page again, a reaction (only when
the partner has answered: the answer's response says so), the history page, and an appreciation. Each person is signed
in with their own cookie (the API takes the sign-in cookie too; a program's request without Origin/Sec-Fetch-Site
passes the same-origin check). Sessions start at `rate` per second whether or not earlier ones have finished, so a slow
app shows as latency and as a lower completed rate, never as a slower offered rate. Each session runs on its own
keep-alive connection taken from a shared pool (a new one when none is idle).

Plain asyncio sockets, no dependencies: check_driver() runs the same sessions against the baseline app to show the
driver keeps up at the rates used.
"""
import asyncio, json, time

ANSWER = json.dumps({"text": "Tonight I would like a slow walk and soup, and to hear about your day."}).encode()
REACTION = json.dumps({"kind": "heart"}).encode()
APPRECIATION = json.dumps({"text": "Thank you for carrying the shopping up the stairs when my back hurt."}).encode()
TIMEOUT_S = 10


class Pool:
    def __init__(self, host, port):
        self.host, self.port, self.idle = host, port, []

    async def get(self):
        if self.idle:
            return self.idle.pop()
        return await asyncio.open_connection(self.host, self.port)

    def put(self, conn):
        self.idle.append(conn)

    def close(self):
        for _, writer in self.idle:
            writer.close()
        self.idle = []


async def _read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    else:
        body = b""
    return status, body, headers.get("connection", "").lower() != "close"


async def request(pool, method, path, header, body=None):
    """One request on a pooled connection; returns (status, body, seconds). Status is 0 when it failed (refused, reset,
    timeout), with the exception's name as the body. A kept-alive connection the server has closed meanwhile (Kestrel
    closes idle ones) is retried once on a new connection, as browsers do; the time counts from the first try."""
    began = time.monotonic()
    lines = [f"{method} {path} HTTP/1.1", f"Host: {pool.host}:{pool.port}", header,
             # As a TLS-terminating proxy on this host would say (the app trusts loopback proxies).
             "X-Forwarded-Proto: https", "Accept: text/html,application/json"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    payload = ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")
    for attempt in (1, 2):
        reused = bool(pool.idle)
        conn = None
        try:
            conn = await asyncio.wait_for(pool.get(), TIMEOUT_S)
            reader, writer = conn
            writer.write(payload)
            status, data, keep = await asyncio.wait_for(_read_response(reader), TIMEOUT_S)
            if keep:
                pool.put(conn)
            else:
                writer.close()
            return status, data, time.monotonic() - began
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as e:
            if conn:
                conn[1].close()
            if attempt == 2 or not reused or isinstance(e, asyncio.TimeoutError):
                return 0, type(e).__name__.encode(), time.monotonic() - began


class Stats:
    def __init__(self):
        self.latencies, self.errors, self.sessions, self.requests, self.done = [], {}, 0, 0, []

    def add(self, what, status, seconds, data=b"", expected=(200, 201)):
        self.latencies.append(seconds)
        self.requests += 1
        if status not in expected:
            key = f"{what} {status or data.decode()}"
            self.errors[key] = self.errors.get(key, 0) + 1


async def person_session(pool, cookie, stats, baseline=False):
    """One person's visit. Against the baseline every request is its constant GET (the driver's own cost)."""
    def route(method, path):
        return ("GET", "/constant") if baseline else (method, path)

    status, data, s = await request(pool, *route("GET", "/today"), cookie)
    stats.add("GET /today", status, s, data)
    status, data, s = await request(pool, *route("PUT", "/api/v1/today/answer"), cookie, None if baseline else ANSWER)
    stats.add("PUT answer", status, s, data)
    partner_answered = False
    if status == 200 and not baseline:
        try:
            partner_answered = json.loads(data)["partner"]["answered"]
        except (ValueError, KeyError, TypeError):
            pass
    status, data, s = await request(pool, *route("GET", "/today"), cookie)
    stats.add("GET /today again", status, s, data)
    if partner_answered or baseline:
        status, data, s = await request(pool, *route("POST", "/api/v1/today/reactions"), cookie, None if baseline else REACTION)
        stats.add("POST reaction", status, s, data)
    status, data, s = await request(pool, *route("GET", "/history"), cookie)
    stats.add("GET /history", status, s, data)
    status, data, s = await request(pool, *route("POST", "/api/v1/appreciations"), cookie, None if baseline else APPRECIATION)
    stats.add("POST appreciation", status, s, data)
    stats.sessions += 1
    stats.done.append(time.monotonic())


async def _step(host, port, cookies, rate, baseline):
    pool, stats, tasks, starts = Pool(host, port), Stats(), [], []
    began = time.monotonic()
    for i, cookie in enumerate(cookies):
        delay = began + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        starts.append(time.monotonic())
        tasks.append(asyncio.create_task(person_session(pool, cookie, stats, baseline)))
    await asyncio.gather(*tasks)
    pool.close()
    return stats, starts


async def _warm(host, port, cookies):
    pool = Pool(host, port)
    for cookie in cookies:
        for method, path, body in [("GET", "/today", None), ("GET", "/history", None),
                                   # Refused by validation (400): the write routes run without changing anyone's day.
                                   ("PUT", "/api/v1/today/answer", b'{"text": ""}'), ("POST", "/api/v1/today/reactions", b'{"kind": ""}'),
                                   ("POST", "/api/v1/appreciations", b'{"text": ""}')]:
            await request(pool, method, path, cookie, body)
    pool.close()


def warm(host, port, cookies):
    """Warms a freshly started app up (JIT, connections) with reads and invalid writes: nobody's day changes."""
    asyncio.run(_warm(host, port, cookies))


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def step(host, port, cookies, rate, baseline=False):
    """Starts one session per cookie line at `rate` per second; returns the step's figures (latencies in ms)."""
    stats, starts = asyncio.run(_step(host, port, cookies, rate, baseline))
    # Rates over the span of starts and of completions (plus one interval, so N sessions at rate R give R).
    started = len(starts) / (starts[-1] - starts[0] + 1 / rate)
    done = sorted(stats.done)
    achieved = len(done) / (done[-1] - done[0] + 1 / rate) if done else 0.0
    return {"offered": rate, "started": started, "sessions": stats.sessions, "people": len(set(cookies)),
            "seconds": (done[-1] if done else starts[-1]) - starts[0], "achieved": min(achieved, started), "requests": stats.requests,
            "p50": percentile(stats.latencies, 50) * 1000, "p99": percentile(stats.latencies, 99) * 1000,
            "errors": sum(stats.errors.values()), "error_kinds": stats.errors}


def passes(result, p99_ms=100):
    """A step holds when p99 ≤ the limit, nothing failed and the app finished (almost) all sessions in the offered time."""
    return (result["p99"] <= p99_ms and result["errors"] == 0 and result["sessions"] > 0
            and result["started"] >= 0.9 * result["offered"] and result["achieved"] >= 0.9 * result["offered"])
