# One processing_time match per input line (from grep -o) → its value in seconds, fixed-point
# (sort -n does not read exponents). Units: s, ms, us, µs; a bare number is seconds. `sec`, `msec`
# arrive here cut to `s`, `ms` by grep's pattern and convert the same.
#
#   LC_ALL=C grep -ohE '(^|[^A-Za-z0-9_])processing_time"?[=: ]+"?[0-9]+(\.[0-9]+)?(s|ms|us|µs)?' FILES |
#     LC_ALL=C awk -f bench/seconds.awk | LC_ALL=C sort -n | awk -f bench/percentiles.awk
{
  v = $0
  sub(/^.*processing_time"?[=: ]+"?/, "", v)
  x = v + 0
  unit = v
  sub(/^[0-9.]+/, "", unit)
  if (unit == "ms") x /= 1000
  else if (unit == "us" || unit == "µs") x /= 1000000
  printf "%.9f\n", x
}
