#!/usr/bin/env python3
"""Attune's benchmark runner: seeds data, starts the app (Release, real port) and the baseline, drives
both with wrk using many people's bearer tokens, and reports every figure as a ratio to the baseline.

Usage: bench/run.py [--providers sqlite,postgres] [--sizes 1000:365,100000:30] [--duration 15]
PostgreSQL runs need ATTUNE_BENCH_POSTGRES (an admin connection string); bench/run.sh provides one.
"""
import argparse, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peak  # noqa: E402  (bench/peak.py: the evening-peak driver)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(tempfile.gettempdir(), "attune-bench")
CONNECTIONS, THREADS = 32, 2
# The session check and the Today view are cached in memory for a short time; these settings turn that off.
NO_CACHE = {"Questions:TodayCacheFor": "00:00:00", "Sessions:CacheFor": "00:00:00", "TodayPage:CacheFor": "00:00:00"}
PRODUCTION = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production")
# GET /api/v1/today with the caches off before issue 17 (rps), from bench/README.md's Results of 2026-11-23
# (bench/run.sh --sizes 1000:365,100000:30 --duration 10, SQLite and PostgreSQL). Target: at least twice that.
NOCACHE_BEFORE = {("sqlite", 1000, 365): 919, ("sqlite", 100000, 30): 783,
                  ("postgres", 1000, 365): 449, ("postgres", 100000, 30): 452}
WRITERS = 32  # PUT /api/v1/today/answer: 32 writers on 32 couples, each connection always the same person
REFUSED = 32  # couples where both have answered; their first partner's PUT is refused (409)
PEAK_COUPLES = 1000  # the evening peak's people: both partners of 1,000 couples (2,000 people)
# Couples seeded beyond the measured ones (never in any scenario): the evening peak warms each freshly started app up
# with real sessions of theirs, so every path a session takes (the writes too) is compiled before a step is measured.
WARM_COUPLES = 20
SEEDED = ".seeded-with-warm-up-couples"  # the marker of a cached seed (a seed without the warm-up couples is made again)
PEAK_P99_MS = 100
ANTIFORGERY_COOKIE = "__Host-attune.af"
PEAK_MIN_SESSIONS = 20  # a step has at least this many sessions (about 110 requests), however low its rate


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, **kw):
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def http(url, data=None, method=None, headers=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read(), r.headers


def start(dll, port, settings, log):
    args = ["dotnet", dll, f"--urls=http://127.0.0.1:{port}"] + [f"--{k}={v}" for k, v in settings.items()]
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_gcServer="0")
    began = time.monotonic()
    proc = subprocess.Popen(args, stdout=open(log, "w"), stderr=subprocess.STDOUT, env=env, cwd=os.path.dirname(dll))
    return proc, began


def wait_ready(url, began, timeout=60):
    while time.monotonic() - began < timeout:
        try:
            if http(url)[0] == 200:
                return time.monotonic() - began
        except Exception:
            time.sleep(0.01)
    raise RuntimeError(f"{url} not ready")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024


def wrk(url, headers_file, duration, connections=CONNECTIONS, method="GET", body=None, delay_ms=0, per_person=False, expect_status=0):
    """per_person: one thread per connection, each always the same person (line n of headers_file for thread n)."""
    env = dict(os.environ, HEADERS_FILE=headers_file, METHOD=method, DELAY_MS=str(delay_ms), PER_THREAD="1" if per_person else "0",
               EXPECT_STATUS=str(expect_status))
    if body:
        env["BODY_FILE"] = body
    threads = connections if per_person else THREADS
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
                          "-s", os.path.join(BENCH, "wrk", "headers.lua"), url], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.split("JSON ", 1)[1].splitlines()[0])


def write(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def post(base, path, header, body, method="POST"):
    """A JSON write through the API with one person's header; returns the status (errors included)."""
    name, value = header.split(": ", 1)
    try:
        return http(base + path, json.dumps(body).encode(), method,
                    {name: value, "Content-Type": "application/json", "X-Forwarded-Proto": "https"})[0]
    except urllib.error.HTTPError as e:
        return e.code


def sign_in(seed_dll, settings, people, tokens_for, folder):
    """Signs people in with the seed (the app's sign-in manager, no password hash: see Attune.Bench.Seed/SignIns.cs).
    Returns ({email: "Cookie: …"}, {email: "Authorization: Bearer …"}); tokens for the first `tokens_for` people."""
    people_file = write(os.path.join(folder, "people.txt"), people)
    cookies_file, tokens_file = os.path.join(folder, "cookies.tsv"), os.path.join(folder, "tokens.tsv")
    run(["dotnet", seed_dll, "--sign-in", people_file, "--cookies-out", cookies_file, "--tokens-out", tokens_file,
         "--tokens", str(tokens_for)] + [f"--{k}={v}" for k, v in settings.items()], stdout=subprocess.DEVNULL, env=PRODUCTION)
    read = lambda f: dict(line.rstrip("\n").split("\t", 1) for line in open(f) if line.strip())
    return read(cookies_file), read(tokens_file)


def with_browser_cookie(base, cookies):
    """What a browser sends after its first page: the sign-in cookie and the antiforgery cookie that page set (the
    seed's sign-in makes only the first). Without it every page would make and set a new antiforgery cookie, which no
    browser causes, and a rendered page could never be served again from memory (it is kept per antiforgery cookie)."""
    out = {}
    for person, line in cookies.items():
        name, value = line.split(": ", 1)
        headers = http(base + "/today", headers={name: value})[2]
        kept = [c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith(ANTIFORGERY_COOKIE + "=")]
        out[person] = line + "".join("; " + c for c in kept)
    return out


def psql(admin, *commands):
    conninfo = " ".join(f"{k.lower().replace('username', 'user').replace('database', 'dbname')}={v}"
                        for k, v in (part.split("=", 1) for part in admin.split(";") if part))
    args = ["psql", "-q", conninfo]
    for c in commands:
        args += ["-c", c]
    run(args, stdout=subprocess.DEVNULL)


def database_name(settings):
    return re.search(r"Database=([^;]*)", settings["ConnectionStrings:Attune"]).group(1)


def fresh_copy(provider, pristine, suffix):
    """A copy of the seeded data (data directory with its keys; for PostgreSQL also the database, from it as a template),
    so every run and every peak starts from the same state: nobody has answered today yet."""
    settings = dict(pristine, **{"Attune:DataDirectory": pristine["Attune:DataDirectory"] + "-" + suffix})
    shutil.rmtree(settings["Attune:DataDirectory"], ignore_errors=True)
    shutil.copytree(pristine["Attune:DataDirectory"], settings["Attune:DataDirectory"])
    if provider == "postgres":
        source = database_name(pristine)
        settings["ConnectionStrings:Attune"] = re.sub(r"Database=[^;]*", f"Database={source}_{suffix}", pristine["ConnectionStrings:Attune"])
        psql(os.environ["ATTUNE_BENCH_POSTGRES"], f"DROP DATABASE IF EXISTS {source}_{suffix} WITH (FORCE)",
             f"CREATE DATABASE {source}_{suffix} TEMPLATE {source}")
    return settings


def count_statements(app_dll, settings, log, a_token, b_token, a_cookie):
    """SQL statements per request of each measured route, from EF Core's command log, caches off (a cache miss: each
    person's first look), in an app run of its own (logging costs). Uses one couple (a, b) that nobody else touches."""
    port = free_port()
    app, began = start(app_dll, port, dict(settings, **NO_CACHE, **{"Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command": "Information"}), log)
    try:
        wait_ready(f"http://127.0.0.1:{port}/health/ready", began)
        base = f"http://127.0.0.1:{port}"
        get = lambda header, path: lambda: http(base + path, headers=dict([header.split(": ", 1), ("X-Forwarded-Proto", "https")]))
        answer = lambda header: lambda: post(base, "/api/v1/today/answer", header, {"text": "Counting statements, one answer."}, "PUT")
        counts = {
            "GET /api/v1/today": statements_per_request(get(a_token, "/api/v1/today"), log),
            "GET /today (HTML)": statements_per_request(get(a_cookie, "/today"), log),
            # The first answer inserts (the warm-up call); the measured ones edit it.
            "PUT /api/v1/today/answer": statements_per_request(answer(a_token), log),
        }
        post(base, "/api/v1/today/answer", b_token, {"text": "The partner answers: revealed."}, "PUT")
        counts["PUT /api/v1/today/answer, refused (409)"] = statements_per_request(answer(a_token), log)
        counts["POST /api/v1/today/reactions"] = statements_per_request(lambda: post(base, "/api/v1/today/reactions", b_token, {"kind": "heart"}), log)
        counts["GET /history (HTML)"] = statements_per_request(get(a_cookie, "/history"), log)
        counts["POST /api/v1/appreciations"] = statements_per_request(
            lambda: post(base, "/api/v1/appreciations", a_token, {"text": "Thank you for the tea this morning."}), log)
        return counts
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)


def statements_per_request(call, log, samples=5):
    call()
    time.sleep(0.5)
    before = executed_commands(log)
    for _ in range(samples):
        call()
    time.sleep(0.5)
    return (executed_commands(log) - before) / samples


def budgets():
    """The statement budgets StatementBudgetTests holds pages and GET routes to ([StatementBudget] in src, else the
    defaults); writes have none (the test measures pages and GET routes)."""
    src = os.path.join(ROOT, "src", "Attune.Web")
    attribute = open(os.path.join(src, "Hosting", "StatementBudgetAttribute.cs")).read()
    default_page = int(re.search(r"DefaultPage = (\d+)", attribute).group(1))
    default_route = int(re.search(r"DefaultRoute = (\d+)", attribute).group(1))

    def page(path):
        m = re.search(r"\[StatementBudget\((\d+)", open(os.path.join(src, "Features", path)).read())
        return int(m.group(1)) if m else default_page

    def route(path, pattern):
        line = next(l for l in open(os.path.join(src, "Features", path)) if pattern in l)
        m = re.search(r"StatementBudgetAttribute\((\d+)", line)
        return int(m.group(1)) if m else default_route

    return {"GET /api/v1/today": route("Questions/QuestionEndpoints.cs", 'MapGet("/today"'),
            "GET /today (HTML)": page("Shell/Today.cshtml.cs"), "GET /history (HTML)": page("Questions/History.cshtml.cs")}


def executed_commands(log):
    # One JSON log line per command (its text also repeats the phrase in the message template).
    return sum(1 for line in open(log) if "Executed DbCommand" in line)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--providers", default="sqlite")
    p.add_argument("--sizes", default="1000:365,100000:30")
    p.add_argument("--duration", type=int, default=15)
    p.add_argument("--people", type=int, default=200)
    p.add_argument("--peak-start", type=float, default=5, help="the evening peak's first rate (person-sessions per second); it doubles per step")
    p.add_argument("--peak-steps", type=int, default=8, help="at most this many rates for the evening peak")
    p.add_argument("--peak-seconds", type=int, default=120,
                   help="the evening peak's run with all people takes at most this long (fewer people at a rate below 2,000 / this)")
    p.add_argument("--peak-couples", type=int, default=PEAK_COUPLES,
                   help="the evening peak's couples (both partners); fewer only for a quick check: the issue asks for 1,000")
    a = p.parse_args()
    os.makedirs(OUT, exist_ok=True)

    publish = os.path.join(OUT, "publish")
    for project in ["src/Attune.Web", "bench/Attune.Bench.Baseline", "bench/Attune.Bench.Seed"]:
        run(["dotnet", "publish", os.path.join(ROOT, project), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
             "-o", os.path.join(publish, os.path.basename(project)), "--nologo", "-v", "q"])
    app_dll = os.path.join(publish, "Attune.Web", "Attune.Web.dll")
    baseline_dll = os.path.join(publish, "Attune.Bench.Baseline", "Attune.Bench.Baseline.dll")
    seed_dll = os.path.join(publish, "Attune.Bench.Seed", "Attune.Bench.Seed.dll")

    results = []
    try:
        for provider in a.providers.split(","):
            for size in a.sizes.split(","):
                couples, days = (int(x) for x in size.split(":"))
                results.append(scenario(provider, couples, days, a, app_dll, baseline_dll, seed_dll))
    finally:
        if results:  # what was measured, also when a later run failed
            report(results)


def spread(couples, count):
    """`count` couple numbers spread evenly over all of them."""
    return list(range(0, couples, max(1, couples // count)))[:count]


def scenario(provider, couples, days, a, app_dll, baseline_dll, seed_dll):
    name = f"{provider}-{couples}-{days}"
    data = os.path.join(OUT, name)
    pristine = {"Attune:DataDirectory": data, "RateLimits:AuthPermitLimit": "100000000", "PasswordHashing:MaxPerSecond": "4"}
    if provider == "postgres":
        admin = os.environ["ATTUNE_BENCH_POSTGRES"]
        db = f"attune_bench_{couples}_{days}"
        pristine["Database:Provider"] = "Postgres"
        pristine["ConnectionStrings:Attune"] = re.sub(r"Database=[^;]*", f"Database={db}", admin)
    # run.sh's PostgreSQL cluster is new every run, so PostgreSQL data is seeded every run. The seeded data is never
    # used by the app directly: every run works on a fresh copy (fresh_copy), so nobody has answered today yet.
    if provider == "postgres" or not os.path.exists(os.path.join(data, SEEDED)):
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)
        if provider == "postgres":
            psql(admin, f"DROP DATABASE IF EXISTS {db}", f"CREATE DATABASE {db}")
        seed_settings = [f"--{k}={v}" for k, v in pristine.items()]
        started = time.monotonic()
        run(["dotnet", seed_dll, "--couples", str(couples + WARM_COUPLES), "--days", str(days)] + seed_settings, stdout=subprocess.DEVNULL, env=PRODUCTION)
        open(os.path.join(data, SEEDED), "w").write(f"{time.monotonic() - started:.1f}")
    seed_seconds = float(open(os.path.join(data, SEEDED)).read())

    # Who does what: readers are both partners of `people / 2` couples spread over all; the first WRITERS of those couples'
    # first partners write, the next REFUSED couples are revealed and refused, the last one counts statements.
    readers = spread(couples, a.people // 2)
    if len(readers) < WRITERS + REFUSED + 1:
        raise SystemExit(f"--people {a.people} is too few: {2 * (WRITERS + REFUSED + 1)} at least")
    people = [f"{s}{i}@bench.invalid" for i in readers for s in "ab"]
    peak_people = [f"{s}{i}@bench.invalid" for i in spread(couples, a.peak_couples) for s in "ab"]
    warm_people = [f"{s}{i}@bench.invalid" for i in range(couples, couples + WARM_COUPLES) for s in "ab"]
    signed_in = time.monotonic()
    folder = os.path.join(OUT, f"{name}-signin")
    os.makedirs(folder, exist_ok=True)
    cookie, token = sign_in(seed_dll, pristine, list(dict.fromkeys(people + peak_people + warm_people)), len(people), folder)
    print(f"signed in {len(cookie)} people in {time.monotonic() - signed_in:.1f} s", flush=True)
    settings = fresh_copy(provider, pristine, "work")

    a_of = lambda i: f"a{i}@bench.invalid"
    b_of = lambda i: f"b{i}@bench.invalid"
    last = readers[-1]
    statements = count_statements(app_dll, settings, os.path.join(OUT, f"{name}-statements.log"), token[a_of(last)], token[b_of(last)], cookie[a_of(last)])
    base_port, app_port = free_port(), free_port()
    baseline, b_began = start(baseline_dll, base_port, {}, os.path.join(OUT, "baseline.log"))
    log = os.path.join(OUT, f"{name}.log")
    app, began = start(app_dll, app_port, settings, log)
    try:
        wait_ready(f"http://127.0.0.1:{base_port}/constant", b_began)
        startup = wait_ready(f"http://127.0.0.1:{app_port}/health/ready", began)
        base = f"http://127.0.0.1:{app_port}"
        auth = write(os.path.join(OUT, "tokens.txt"), [token[p] for p in people])
        writers = write(os.path.join(OUT, "writers.txt"), [token[a_of(i)] for i in readers[:WRITERS]])
        refused_couples = readers[WRITERS:WRITERS + REFUSED]
        refused = write(os.path.join(OUT, "refused.txt"), [token[a_of(i)] for i in refused_couples])
        cookie = dict(cookie, **with_browser_cookie(base, {p: cookie[p] for p in dict.fromkeys(people[:20] + peak_people + warm_people)}))
        pages = write(os.path.join(OUT, "cookies.txt"), [cookie[p] for p in people[:20]])
        answer = write(os.path.join(OUT, "answer.json"), [json.dumps({"text": "A benchmark answer about the sea in winter and bread."})])
        login = write(os.path.join(OUT, "login.json"), [json.dumps({"email": people[0], "password": "bench-password-1"})])
        anon = write(os.path.join(OUT, "anon.txt"), ["Accept: application/json"])

        # Both partners of the refused couples answer now: their answers are final (revealed) for the rest of the day.
        for i in refused_couples:
            for person in (a_of(i), b_of(i)):
                post(base, "/api/v1/today/answer", token[person], {"text": "Both of us answered before the run."}, "PUT")
            if post(base, "/api/v1/today/answer", token[a_of(i)], {"text": "Too late."}, "PUT") != 409:
                raise RuntimeError(f"couple {i}: an answer after the reveal was not refused")

        d = a.duration
        wrk(f"http://127.0.0.1:{base_port}/constant", anon, 3)
        wrk(base + "/api/v1/today", auth, 5)
        r = {"name": name, "provider": provider, "couples": couples, "days": days, "seed_s": seed_seconds,
             "startup_s": startup, "statements": statements, "budgets": budgets()}
        r["baseline"] = wrk(f"http://127.0.0.1:{base_port}/constant", anon, d)
        r["today"] = wrk(base + "/api/v1/today", auth, d)
        r["rss_mb"] = rss_mb(app.pid)
        half = r["today"]["rps"] / 2
        r["today_half"] = wrk(base + "/api/v1/today", auth, d, connections=8, delay_ms=max(1, int(8 * 1000 / half)))
        r["answer"] = wrk(base + "/api/v1/today/answer", writers, d, connections=WRITERS, method="PUT", body=answer, per_person=True)
        r["refused"] = wrk(base + "/api/v1/today/answer", refused, d, connections=REFUSED, method="PUT", body=answer, per_person=True, expect_status=409)
        r["page"] = wrk(base + "/today", pages, d)
        r["signin"] = wrk(base + "/api/v1/auth/login", anon, d, connections=16, method="POST", body=login)
        flood = subprocess.Popen(["wrk", "-t1", "-c16", f"-d{d + 4}s", "-s", os.path.join(BENCH, "wrk", "headers.lua"), base + "/api/v1/auth/login"],
                                 env=dict(os.environ, HEADERS_FILE=anon, METHOD="POST", BODY_FILE=login), stdout=subprocess.DEVNULL)
        time.sleep(2)
        r["today_under_signin"] = wrk(base + "/api/v1/today", auth, d)
        r["rss_mb"] = max(r["rss_mb"], rss_mb(app.pid))
        flood.wait()
        # The same read with every request going to the database (a cold cache, e.g. the first look of the day).
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
        app, began = start(app_dll, app_port, dict(settings, **NO_CACHE), log)
        wait_ready(f"http://127.0.0.1:{app_port}/health/ready", began)
        wrk(base + "/api/v1/today", auth, 3)
        r["today_nocache"] = wrk(base + "/api/v1/today", auth, d)
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
        app = None
        r["peak"] = evening_peak(provider, pristine, peak_people, warm_people, cookie, a, app_dll, app_port, base_port, log)
        print(json.dumps(r), flush=True)
        return r
    finally:
        for proc in (app, baseline):
            if proc:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=30)


def evening_peak(provider, pristine, people, warm_people, cookie, a, app_dll, app_port, base_port, log):
    """Person-sessions (bench/peak.py) started at a rate that doubles per step (halves, if the first step does not hold)
    until p99 of all requests goes above (or comes below) PEAK_P99_MS, plus one step between the last rate that held and
    the first that did not. Each step takes people nobody has seen
    today; when they run out, the app restarts on a fresh copy of the seeded data. Then the confirmation: a fresh copy,
    and every one of the people (2,000) once at the best rate found, as many as --peak-seconds allow at that rate (if p99
    goes above the limit there, once more at 0.7 of it); its completed rate is the reported figure."""
    state = {"app": None, "next": 0}

    def fresh():
        if state["app"]:
            state["app"].send_signal(signal.SIGTERM)
            state["app"].wait(timeout=30)
        settings = fresh_copy(provider, pristine, "peak")
        state["app"], began = start(app_dll, app_port, settings, log)
        wait_ready(f"http://127.0.0.1:{app_port}/health/ready", began)
        peak.warm("127.0.0.1", app_port, [cookie[p] for p in people[:20]])
        # Real sessions of the warm-up couples (not measured, not among `people`): before 2026-11-24 a freshly started
        # app met the higher steps with only reads and refused writes compiled, and fell over where a warm one held.
        peak.step("127.0.0.1", app_port, [cookie[p] for p in warm_people], 10)
        state["next"] = 0

    def take(count):
        count = min(max(2, count - count % 2), len(people))
        if state["app"] is None or state["next"] + count > len(people):
            fresh()
        chosen = people[state["next"]:state["next"] + count]
        state["next"] += count
        return [cookie[p] for p in chosen]

    def measure(rate, count, kind):
        result = peak.step("127.0.0.1", app_port, take(count), rate)
        result["holds"], result["kind"] = peak.passes(result, PEAK_P99_MS), kind
        steps.append(result)
        print(f"evening peak: {json.dumps(result)}", flush=True)
        return result

    steps, confirmed = [], None
    try:
        # Up by doubling while steps hold; down by halving (three times at most) if the first does not (a busy machine);
        # stop at the first change.
        rate, best, worst = a.peak_start, None, None
        for _ in range(a.peak_steps):
            if measure(rate, max(PEAK_MIN_SESSIONS, int(rate * a.duration)), "step")["holds"]:
                best, rate = rate, rate * 2
                if worst:
                    break
            else:
                worst, rate = rate, rate / 2
                if best or rate < a.peak_start / 8:
                    break
        if best and worst:
            middle = (best + worst) / 2
            if measure(middle, max(PEAK_MIN_SESSIONS, int(middle * a.duration)), "step")["holds"]:
                best = middle
        for rate in [best, best * 0.7] if best else []:
            state["next"] = len(people)  # a fresh copy: all of them, unless that would take longer than --peak-seconds
            result = measure(rate, int(rate * a.peak_seconds), "all people")
            if result["holds"]:
                confirmed = result
                break
    finally:
        if state["app"]:
            state["app"].send_signal(signal.SIGTERM)
            state["app"].wait(timeout=30)
    # The driver itself, against the baseline at the highest rate tried: it must keep up there for the figures to be the app's.
    top = max(s["offered"] for s in steps)
    driver = peak.step("127.0.0.1", base_port, [f"Cookie: x={i}" for i in range(max(2, int(top * a.duration)))], top, baseline=True)
    driver["holds"], driver["kind"] = peak.passes(driver, PEAK_P99_MS), "driver"
    return {"steps": steps, "driver": driver, "signed_in": len(people), "sustained": confirmed}


def report(results):
    print("\n## Results\n")
    print("| scenario | rps | × baseline | p50 ms | p99 ms | non-2xx | timeouts |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        b = r["baseline"]["rps"]
        print(f"| {r['name']} baseline GET /constant | {b:.0f} | 1.00 | {r['baseline']['p50']:.2f} | {r['baseline']['p99']:.2f} | {r['baseline']['non2xx']} | {r['baseline']['timeouts']} |")
        for key, label in [("today", "GET /api/v1/today"), ("today_half", "GET /api/v1/today, paced (8 connections)"),
                           ("answer", f"PUT /api/v1/today/answer, {WRITERS} writers on {WRITERS} couples"),
                           ("refused", f"PUT /api/v1/today/answer refused after the reveal, {REFUSED} couples (409 expected)"),
                           ("page", "GET /today (HTML)"), ("signin", "POST /api/v1/auth/login"), ("today_under_signin", "GET /api/v1/today during sign-in flood"),
                           ("today_nocache", "GET /api/v1/today, caches off (every request to the database)")]:
            x = r[key]
            non2xx = f"{x['non2xx']} ({x['requests'] - x['expected']} not 409)" if key == "refused" else f"{x['non2xx']}"
            print(f"| {r['name']} {label} | {x['rps']:.0f} | {x['rps'] / b:.2f} | {x['p50']:.2f} | {x['p99']:.2f} | {non2xx} | {x['timeouts']} |")

    print("\n## Evening peak\n")
    print("Person-session: Today page, PUT answer, Today page, reaction (when the partner had answered), history page, "
          "appreciation; sessions started at the offered rate (open loop), each person once. Steps find the rate; "
          "'all people' runs every signed-in person once at the best rate found (its completed rate is the figure).\n")
    print("| run | offered/s | started/s | completed/s | sessions | requests | p50 ms | p99 ms | errors | holds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        pk = r["peak"]
        for label, x in [(f"{r['name']} {s['kind']}", s) for s in pk["steps"]] + [(f"{r['name']} driver against the baseline", pk["driver"])]:
            errors = f"{x['errors']} {x['error_kinds']}" if x["errors"] else "0"
            print(f"| {label} | {x['offered']:.1f} | {x['started']:.1f} | {x['achieved']:.1f} | {x['sessions']} | {x['requests']} | "
                  f"{x['p50']:.2f} | {x['p99']:.2f} | {errors} | {'yes' if x['holds'] else 'no'} |")
    print()
    for r in results:
        print(f"- {r['name']}: {peak_summary(r)}")
    print("\nCouples per two-core machine assume each person does one such session per evening, all within one peak hour: "
          "couples = sessions/s × 3600 / 2.")

    print("\n## Targets\n")
    runs = [r["name"] for r in results]
    print("| target | " + " | ".join(runs) + " |")
    print("|---|" + "---|" * len(runs))
    for label, check in TARGETS:
        print(f"| {label} | " + " | ".join(check(r) for r in results) + " |")
    by = {(r["provider"], r["couples"]): r for r in results}
    for provider in dict.fromkeys(r["provider"] for r in results):
        small, large = by.get((provider, 1000)), by.get((provider, 100000))
        if small and large:
            ratio = (large["today"]["rps"] / large["baseline"]["rps"]) / (small["today"]["rps"] / small["baseline"]["rps"])
            same = small["statements"]["GET /api/v1/today"] == large["statements"]["GET /api/v1/today"]
            print(f"\n- {provider}: {'met' if ratio >= 0.8 and same else 'missed'}: 1,000 → 100,000 couples keeps {ratio:.2f}× throughput "
                  f"(relative to baseline) and {small['statements']['GET /api/v1/today']} → {large['statements']['GET /api/v1/today']} statements per request")

    print("\n## SQL statements per request (caches off: a cache miss)\n")
    routes = list(dict.fromkeys(k for r in results for k in r["statements"]))
    print("| route | budget (StatementBudgetTests) | " + " | ".join(runs) + " |")
    print("|---|---:|" + "---:|" * len(runs))
    for route in routes:
        budget = results[0]["budgets"].get(route)
        print(f"| {route} | {budget if budget is not None else '—'} | " + " | ".join(f"{r['statements'].get(route, float('nan')):g}" for r in results) + " |")
    print("\nThe test measures pages and GET routes only (writes: —).")
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


def peak_summary(r):
    pk = r["peak"]
    s = pk["sustained"]
    if not s:
        return f"missed: no rate held p99 ≤ {PEAK_P99_MS} ms with all {pk['signed_in']} people (lowest tried {pk['steps'][0]['offered']:.1f}/s)"
    note = "" if pk["driver"]["holds"] else " (the driver did not keep up against the baseline at the top rate: the figure is a lower bound)"
    if s["people"] < 2 * PEAK_COUPLES:
        note += f" (only {s['people']} of the {2 * PEAK_COUPLES} people the issue asks for: --peak-couples, or the rate × --peak-seconds)"
    return (f"{s['achieved']:.1f} person-sessions/s sustained at p99 {s['p99']:.1f} ms (offered {s['offered']:.1f}/s), "
            f"{s['people']} distinct people, each once; ≈ {s['achieved'] * 3600 / 2:,.0f} couples per two-core machine{note}")


def verdict(ok, text):
    return f"{'met' if ok else 'missed'} ({text})"


def nocache_target(r):
    before = NOCACHE_BEFORE.get((r["provider"], r["couples"], r["days"]))
    note = ""
    if before is None:  # another size: the figure of the same provider's nearest size
        key = min((k for k in NOCACHE_BEFORE if k[0] == r["provider"]), key=lambda k: abs(k[1] - r["couples"]))
        before, note = NOCACHE_BEFORE[key], f", before of {key[1]}:{key[2]}"
    x = r["today_nocache"]["rps"]
    return verdict(x >= 2 * before, f"{x:.0f} rps = {x / before:.2f}× before {before}{note}")


def page_target(r):
    x, ratio = r["page"], r["page"]["rps"] / r["baseline"]["rps"]
    return verdict(ratio >= 0.20 and x["p99"] <= 50 and x["non2xx"] == 0, f"{ratio:.2f}×, p99 {x['p99']:.1f} ms")


def answer_target(r):
    x = r["answer"]
    return verdict(x["p99"] <= 100 and x["timeouts"] == 0 and x["errors"] == 0 and x["non2xx"] == 0 and x["rps"] >= 1000,
                   f"{x['rps']:.0f} rps, p99 {x['p99']:.1f} ms, {x['timeouts']} timeouts")


def refused_target(r):
    x = r["refused"]
    wrong = x["requests"] - x["expected"]
    return verdict(x["p99"] <= 20 and wrong == 0 and x["errors"] == 0, f"p99 {x['p99']:.1f} ms at {x['rps']:.0f} rps, {wrong} not 409")


def peak_target(r):
    s = r["peak"]["sustained"]
    return (f"reported: {s['achieved']:.1f}/s at p99 {s['p99']:.1f} ms, {s['people']} people, ≈ {s['achieved'] * 3600 / 2:,.0f} couples" if s
            else f"missed (no rate held p99 ≤ {PEAK_P99_MS} ms)")


TARGETS = [
    ("signed-in Today page (HTML, cookie) ≥ 0.20× baseline, p99 ≤ 50 ms", page_target),
    (f"`PUT /api/v1/today/answer`, {WRITERS} writers on {WRITERS} couples: p99 ≤ 100 ms, no timeouts, ≥ 1,000 rps", answer_target),
    ("a refused write (409 after the reveal): p99 ≤ 20 ms", refused_target),
    ("`GET /api/v1/today` with caches off ≥ 2× before (919 rps SQLite, 449 PostgreSQL at 1000:365)", nocache_target),
    (f"evening peak: person-sessions/s at p99 ≤ {PEAK_P99_MS} ms, couples per two-core machine", peak_target),
    # Earlier rounds' targets (issue 16), kept to see that nothing went back.
    ("`GET /api/v1/today` ≥ 0.30× baseline (SQLite)",
     lambda r: verdict(r["today"]["rps"] / r["baseline"]["rps"] >= 0.30, f"{r['today']['rps'] / r['baseline']['rps']:.2f}×") if r["provider"] == "sqlite"
     else f"{r['today']['rps'] / r['baseline']['rps']:.2f}× (target for SQLite)"),
    ("p99 of `GET /api/v1/today` ≤ 25 ms at about half of peak",
     lambda r: verdict(r["today_half"]["p99"] <= 25, f"{r['today_half']['p99']:.1f} ms at {r['today_half']['rps']:.0f} rps")),
    ("`GET /api/v1/today` keeps ≥ 0.7× during a sign-in flood",
     lambda r: verdict(r["today_under_signin"]["rps"] / r["today"]["rps"] >= 0.7, f"{r['today_under_signin']['rps'] / r['today']['rps']:.2f}×")),
    ("memory < 300 MB under load", lambda r: verdict(r["rss_mb"] < 300, f"{r['rss_mb']:.0f} MB")),
    ("start-up to `/health/ready` < 2 s (SQLite)",
     lambda r: verdict(r["startup_s"] < 2, f"{r['startup_s']:.2f} s") if r["provider"] == "sqlite" else f"{r['startup_s']:.2f} s (target for SQLite)"),
]


if __name__ == "__main__":
    main()
