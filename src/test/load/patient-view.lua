-- Load run of the patient-view hook with wrk (Debian package 'wrk'), against a local sandbox instance:
--   java -jar target/ombc-cds.jar --spring.profiles.active=sandbox &
--   wrk -t2 -c8 -d30s -s src/test/load/patient-view.lua http://127.0.0.1:8080/cds-services/ombc-patient-view
-- Each request carries a fresh hookInstance so that the retry cache never answers: every call parses, assesses,
-- builds cards and queues its audit row.
local file = io.open("hooks/patient-view/ombc-candidate.request.json", "r")
local template = file:read("*a")
file:close()
local counter = 0

request = function()
  counter = counter + 1
  local instance = string.format("00000000-0000-4000-8000-%012d", counter)
  local body = template:gsub('"hookInstance": "[^"]*"', '"hookInstance": "' .. instance .. '"', 1)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
