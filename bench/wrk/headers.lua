-- Sends each request with the headers of one of many signed-in people, taken in turn from the file
-- named by HEADERS_FILE (one "Name: value" line per person). METHOD and BODY_FILE make it a write.
-- DELAY_MS > 0 paces every connection (a fixed gap between its requests) to hold a target rate.
-- PER_THREAD=1 gives each wrk thread one person for the whole run (line n for thread n): with as many
-- threads as connections (wrk -t32 -c32), every connection is always the same person.
-- EXPECT_STATUS=409 counts the responses with that status (reported as "expected"), for a scenario
-- whose every answer should be that refusal.
local lines = {}
local counter = 0
local body = nil
local method = os.getenv("METHOD") or "GET"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local per_thread = os.getenv("PER_THREAD") == "1"
local expect_status = tonumber(os.getenv("EXPECT_STATUS") or "0")
local threads = {}

for line in io.lines(os.getenv("HEADERS_FILE")) do
  lines[#lines + 1] = line
end

local body_file = os.getenv("BODY_FILE")
if body_file then
  local f = io.open(body_file, "r")
  body = f:read("*a")
  f:close()
end

function setup(thread)
  threads[#threads + 1] = thread
  if per_thread then
    thread:set("index", #threads)
  else
    thread:set("offset", math.random(1, #lines))
  end
  thread:set("expected", 0)
end

request = function()
  local line
  if per_thread then
    line = lines[((index - 1) % #lines) + 1]
  else
    counter = counter + 1
    line = lines[((offset + counter) % #lines) + 1]
  end
  local name, value = line:match("^([^:]+):%s*(.*)$")
  local headers = { [name] = value }
  -- As a TLS-terminating proxy on this host would say (the app trusts loopback proxies).
  headers["X-Forwarded-Proto"] = "https"
  if body then
    headers["Content-Type"] = "application/json"
  end
  return wrk.format(method, nil, headers, body)
end

if expect_status > 0 then
  response = function(status, headers, body)
    if status == expect_status then
      expected = expected + 1
    end
  end
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

done = function(summary, latency, requests)
  local expected = 0
  for _, thread in ipairs(threads) do
    expected = expected + (thread:get("expected") or 0)
  end
  io.write(string.format("JSON {\"requests\": %d, \"errors\": %d, \"timeouts\": %d, \"non2xx\": %d, \"expected\": %d, \"rps\": %.1f, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f}\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.timeout, summary.errors.status, expected, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
