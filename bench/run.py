#!/usr/bin/env python3
"""Attune's benchmark runner: seeds data, starts the app (Release, real port) and the baseline, drives
both with wrk using many people's bearer tokens, and reports every figure as a ratio to the baseline.

Usage: bench/run.py [--providers sqlite,postgres] [--sizes 1000:365,100000:30] [--duration 15]
PostgreSQL runs need ATTUNE_BENCH_POSTGRES (an admin connection string); bench/run.sh provides one.
"""
import argparse, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(tempfile.gettempdir(), "attune-bench")
CONNECTIONS, THREADS = 32, 2
# The session check and the Today view are cached in memory for a short time; these settings turn that off.
NO_CACHE = {"Questions:TodayCacheFor": "00:00:00", "Sessions:CacheFor": "00:00:00"}


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


def wrk(url, headers_file, duration, connections=CONNECTIONS, method="GET", body=None, delay_ms=0):
    env = dict(os.environ, HEADERS_FILE=headers_file, METHOD=method, DELAY_MS=str(delay_ms))
    if body:
        env["BODY_FILE"] = body
    out = subprocess.run(["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
                          "-s", os.path.join(BENCH, "wrk", "headers.lua"), url], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.split("JSON ", 1)[1].splitlines()[0])


def tokens(base, people):
    lines = []
    for email in people:
        body = json.dumps({"email": email, "password": "bench-password-1"}).encode()
        _, data, _ = http(base + "/api/v1/auth/login", body, "POST", {"Content-Type": "application/json"})
        lines.append("Authorization: Bearer " + json.loads(data)["accessToken"])
    return lines


def cookies(base, people):
    lines = []
    for email in people:
        body = json.dumps({"email": email, "password": "bench-password-1"}).encode()
        _, _, headers = http(base + "/api/v1/auth/login?useCookies=true", body, "POST", {"Content-Type": "application/json"})
        cookie = [c.split(";")[0] for c in headers.get_all("Set-Cookie") if "attune.auth" in c]
        lines.append("Cookie: " + cookie[0])
    return lines


def write(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def count_statements(app_dll, settings, log):
    """Counts the SQL statements EF Core logs for one GET /api/v1/today of a warm app (own run: logging costs)."""
    port = free_port()
    # With the in-memory caches off: this counts the statements of a cache miss, the database work itself.
    app, began = start(app_dll, port, dict(settings, **NO_CACHE, **{"Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command": "Information"}), log)
    try:
        wait_ready(f"http://127.0.0.1:{port}/health/ready", began)
        base = f"http://127.0.0.1:{port}"
        return statements_per_request(base, tokens(base, ["a0@bench.invalid"])[0], log)
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)


def statements_per_request(base, header, log, samples=10):
    name, value = header.split(": ", 1)
    http(base + "/api/v1/today", headers={name: value})
    time.sleep(1)
    before = executed_commands(log)
    for _ in range(samples):
        http(base + "/api/v1/today", headers={name: value})
    time.sleep(1)
    return (executed_commands(log) - before) / samples


def executed_commands(log):
    # One JSON log line per command (its text also repeats the phrase in the message template).
    return sum(1 for line in open(log) if "Executed DbCommand" in line)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--providers", default="sqlite")
    p.add_argument("--sizes", default="1000:365,100000:30")
    p.add_argument("--duration", type=int, default=15)
    p.add_argument("--people", type=int, default=200)
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
    for provider in a.providers.split(","):
        for size in a.sizes.split(","):
            couples, days = (int(x) for x in size.split(":"))
            results.append(scenario(provider, couples, days, a, app_dll, baseline_dll, seed_dll))
    report(results)


def scenario(provider, couples, days, a, app_dll, baseline_dll, seed_dll):
    name = f"{provider}-{couples}-{days}"
    data = os.path.join(OUT, name)
    settings = {"Attune:DataDirectory": data, "RateLimits:AuthPermitLimit": "100000000",
                "PasswordHashing:MaxPerSecond": "4"}
    if provider == "postgres":
        import_pg = os.environ["ATTUNE_BENCH_POSTGRES"]
        db = f"attune_bench_{couples}_{days}"
        settings["Database:Provider"] = "Postgres"
        settings["ConnectionStrings:Attune"] = re.sub(r"Database=[^;]*", f"Database={db}", import_pg)
    # run.sh's PostgreSQL cluster is new every run, so PostgreSQL data is seeded every run.
    if provider == "postgres" or not os.path.exists(os.path.join(data, ".seeded")):
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)
        if provider == "postgres":
            run(["psql", import_pg.replace(";", " ").replace("Host=", "host=").replace("Port=", "port=").replace("Username=", "user=").replace("Database=", "dbname="),
                 "-c", f"DROP DATABASE IF EXISTS {db}", "-c", f"CREATE DATABASE {db}"])
        seed_settings = [f"--{k}={v}" for k, v in settings.items()]
        started = time.monotonic()
        run(["dotnet", seed_dll, "--couples", str(couples), "--days", str(days)] + seed_settings, stdout=subprocess.DEVNULL)
        open(os.path.join(data, ".seeded"), "w").write(f"{time.monotonic() - started:.1f}")
    seed_seconds = float(open(os.path.join(data, ".seeded")).read())

    statements = count_statements(app_dll, settings, os.path.join(OUT, f"{name}-statements.log"))
    base_port, app_port = free_port(), free_port()
    baseline, b_began = start(baseline_dll, base_port, {}, os.path.join(OUT, "baseline.log"))
    log = os.path.join(OUT, f"{name}.log")
    app, began = start(app_dll, app_port, settings, log)
    try:
        wait_ready(f"http://127.0.0.1:{base_port}/constant", b_began)
        startup = wait_ready(f"http://127.0.0.1:{app_port}/health/ready", began)
        base = f"http://127.0.0.1:{app_port}"
        step = max(1, couples // a.people)
        people = [f"{s}{i}@bench.invalid" for i in range(0, couples, step)[: a.people // 2] for s in "ab"]
        auth = write(os.path.join(OUT, "tokens.txt"), tokens(base, people))
        writers = write(os.path.join(OUT, "writers.txt"), [l for i, l in enumerate(open(auth).read().split("\n")) if l and i % 2 == 0])
        pages = write(os.path.join(OUT, "cookies.txt"), cookies(base, people[:20]))
        answer = write(os.path.join(OUT, "answer.json"), [json.dumps({"text": "A benchmark answer about the sea in winter and bread."})])
        login = write(os.path.join(OUT, "login.json"), [json.dumps({"email": people[0], "password": "bench-password-1"})])
        anon = write(os.path.join(OUT, "anon.txt"), ["Accept: application/json"])

        d = a.duration
        wrk(f"http://127.0.0.1:{base_port}/constant", anon, 3)
        wrk(base + "/api/v1/today", auth, 5)
        r = {"name": name, "provider": provider, "couples": couples, "days": days, "seed_s": seed_seconds,
             "startup_s": startup, "statements": statements}
        r["baseline"] = wrk(f"http://127.0.0.1:{base_port}/constant", anon, d)
        r["today"] = wrk(base + "/api/v1/today", auth, d)
        r["rss_mb"] = rss_mb(app.pid)
        half = r["today"]["rps"] / 2
        r["today_half"] = wrk(base + "/api/v1/today", auth, d, connections=8, delay_ms=max(1, int(8 * 1000 / half)))
        r["answer"] = wrk(base + "/api/v1/today/answer", writers, d, method="PUT", body=answer)
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
        print(json.dumps(r), flush=True)
        return r
    finally:
        for proc in (app, baseline):
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)


def report(results):
    print("\n## Results\n")
    print("| scenario | rps | × baseline | p50 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        b = r["baseline"]["rps"]
        print(f"| {r['name']} baseline GET /constant | {b:.0f} | 1.00 | {r['baseline']['p50']:.2f} | {r['baseline']['p99']:.2f} | {r['baseline']['non2xx']} |")
        for key, label in [("today", "GET /api/v1/today"), ("today_half", "GET /api/v1/today, paced (8 connections)"), ("answer", "PUT /api/v1/today/answer"),
                           ("page", "GET /today (HTML)"), ("signin", "POST /api/v1/auth/login"), ("today_under_signin", "GET /api/v1/today during sign-in flood"),
                           ("today_nocache", "GET /api/v1/today, caches off (every request to the database)")]:
            x = r[key]
            print(f"| {r['name']} {label} | {x['rps']:.0f} | {x['rps'] / b:.2f} | {x['p50']:.2f} | {x['p99']:.2f} | {x['non2xx']} |")
    print("\n## Targets\n")
    for r in results:
        t, b = r["today"]["rps"], r["baseline"]["rps"]
        checks = [
            (f"GET /today ≥ 0.30× baseline ({t / b:.2f}×)", t / b >= 0.30 or r["provider"] != "sqlite"),
            (f"p99 at half peak ≤ 25 ms ({r['today_half']['p99']:.1f} ms at {r['today_half']['rps']:.0f} rps)", r["today_half"]["p99"] <= 25),
            (f"GET /today during sign-in flood ≥ 0.7× ({r['today_under_signin']['rps'] / t:.2f}×)", r["today_under_signin"]["rps"] / t >= 0.7),
            (f"memory < 300 MB ({r['rss_mb']:.0f} MB)", r["rss_mb"] < 300),
            (f"start-up to ready < 2 s ({r['startup_s']:.2f} s)", r["startup_s"] < 2 or r["provider"] != "sqlite"),
            (f"SQL statements per GET /today (cache miss): {r['statements']}", True),
        ]
        for text, ok in checks:
            print(f"- {r['name']}: {'met' if ok else 'NOT met'}: {text}")
    by = {(r["provider"], r["couples"]): r for r in results}
    for provider in {r["provider"] for r in results}:
        small, large = by.get((provider, 1000)), by.get((provider, 100000))
        if small and large:
            ratio = (large["today"]["rps"] / large["baseline"]["rps"]) / (small["today"]["rps"] / small["baseline"]["rps"])
            same = small["statements"] == large["statements"]
            print(f"- {provider}: {'met' if ratio >= 0.8 and same else 'NOT met'}: 1,000 → 100,000 couples keeps {ratio:.2f}× throughput "
                  f"(relative to baseline) and {small['statements']} → {large['statements']} statements per request")
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
