-- wrk script for the bench: sends "Authorization: Bearer <token>", cycling through the tokens in the
-- file $BENCH_TOKENS (one per line; none = no header), and prints one JSON line of results at the end.
local tokens = {}
local path = os.getenv("BENCH_TOKENS")
if path and path ~= "" then
  for line in io.lines(path) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
end
local count = #tokens
local next_token = 0

request = function()
  if count == 0 then return wrk.format("GET") end
  next_token = next_token % count + 1
  return wrk.format("GET", nil, { Authorization = "Bearer " .. tokens[next_token] })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"non2xx":%d,"errors":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
