-- wrk: one line the benchmark reads, with the percentiles wrk's own report leaves out (p95).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f bytes=%d errors=%d non2xx=%d p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.bytes, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
