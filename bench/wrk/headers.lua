-- Sends each request with the headers of one of many signed-in people, taken in turn from the file
-- named by HEADERS_FILE (one "Name: value" line per person). METHOD and BODY_FILE make it a write.
-- DELAY_MS > 0 paces every connection (a fixed gap between its requests) to hold a target rate.
local lines = {}
local counter = 0
local body = nil
local method = os.getenv("METHOD") or "GET"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

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
  thread:set("offset", math.random(1, #lines))
end

request = function()
  counter = counter + 1
  local line = lines[((offset + counter) % #lines) + 1]
  local name, value = line:match("^([^:]+):%s*(.*)$")
  local headers = { [name] = value }
  -- As a TLS-terminating proxy on this host would say (the app trusts loopback proxies).
  headers["X-Forwarded-Proto"] = "https"
  if body then
    headers["Content-Type"] = "application/json"
  end
  return wrk.format(method, nil, headers, body)
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

done = function(summary, latency, requests)
  io.write(string.format("JSON {\"requests\": %d, \"errors\": %d, \"non2xx\": %d, \"rps\": %.1f, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f}\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
