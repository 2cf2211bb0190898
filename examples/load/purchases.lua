-- wrk script posting unique purchases to a running Jifen service (see BENCHMARKS.md):
--   MERCHANT=... KEY=... MEMBERS=10000 wrk -t2 -c16 -d30s -s examples/load/purchases.lua http://127.0.0.1:8080
-- MERCHANT and KEY come from `PostingLoad --setup-only true`. Every non-201 answer is counted and
-- reported at the end, so a run with errors cannot pass for a fast one.
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
  members = tonumber(os.getenv("MEMBERS") or "10000")
  run = os.getenv("RUN") or tostring(os.time())
  counter = 0
  failures = 0
  math.randomseed(tid * 7919)
  path = "/merchants/" .. merchant .. "/purchases"
  headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
end

function request()
  counter = counter + 1
  local cents = math.random(500, 30000)
  local amount = string.format("%d.%02d", math.floor(cents / 100), cents % 100)
  local body = string.format(
    '{"transactionId":"wrk-%s-%d-%d","memberId":"member-%d","occurredAt":"2026-03-%02dT%02d:%02d:00Z",' ..
    '"total":"%s","lines":[{"sku":"SKU-%d","category":"grocery","quantity":1,"amount":"%s"}]}',
    run, tid, counter, math.random(0, members - 1), math.random(1, 28), math.random(0, 23), math.random(0, 59),
    amount, math.random(1, 5000), amount)
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("requests %d, non-201 %d, %.0f req/s; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f\n",
    summary.requests, failed, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
