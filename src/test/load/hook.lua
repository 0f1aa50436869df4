-- wrk script of the load run (run.sh): POSTs the request file named by $REQUEST_FILE with a fresh hookInstance on
-- every request, unique across wrk's threads and runs, so that ombc-cds's retry cache never answers.
local file = io.open(os.getenv("REQUEST_FILE"), "r")
local template = file:read("*a")
file:close()

local threads = {}
local next_id = 0
setup = function(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  thread:set("run_id", os.getenv("RUN_ID") or tostring(os.time()))  -- digits only
  table.insert(threads, thread)
end

local counter = 0
request = function()
  counter = counter + 1
  -- CDS Hooks 2.0: hookInstance is a UUID; the run id, thread and counter make it unique.
  local instance = string.format("%08x-%04x-4%03x-8%03x-%012x", tonumber(run_id) % 4294967296, thread_id, 0, 0,
      counter)
  local body = template:gsub('"hookInstance"%s*:%s*"[^"]*"', '"hookInstance":"' .. instance .. '"', 1)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

-- One machine-readable line: requests/s, p50, p99 (ms), errors (socket errors, non-2xx, timeouts).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
