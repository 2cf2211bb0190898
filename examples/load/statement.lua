-- wrk script reading pages of one member's statement at random positions (see BENCHMARKS.md):
--   MERCHANT=... KEY=... MEMBER=member-0 FIRST=... LAST=... wrk -t2 -c8 -d30s -s examples/load/statement.lua http://127.0.0.1:8080
-- FIRST and LAST are the member's lowest and highest entry ids (printed by seed-long-statement.sql).
-- Every non-200 answer is counted and reported at the end.
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

function init(args)
  merchant = os.getenv("MERCHANT")
  key = os.getenv("KEY")
  member = os.getenv("MEMBER") or "member-0"
  first = tonumber(os.getenv("FIRST"))
  last = tonumber(os.getenv("LAST"))
  failures = 0
  math.randomseed(tid * 104729)
  headers = { ["X-Api-Key"] = key }
end

function request()
  local before = math.random(first + 50, last + 1)
  return wrk.format("GET", "/merchants/" .. merchant .. "/members/" .. member .. "/statement?limit=50&before=" .. before,
    headers)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("requests %d, non-200 %d, %.0f req/s; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f\n",
    summary.requests, failed, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
