# Sorted numbers, one a line → count, nearest-rank p50 … p99.9 and max as one JSON object.
# Nearest rank: the value at rank ceil(p/100 · n), computed on integers (p in tenths of a percent)
# so that 95 % of 1000 is rank 950, not 951 from a rounding error.
{ v[NR] = $1 }
END {
  n = NR
  printf "{\"count\":%d", n
  if (n > 0) {
    split("50 90 95 99 99.9", ps, " ")
    for (i = 1; i <= 5; i++) {
      permille = int(ps[i] * 10 + 0.5)
      k = int((permille * n + 999) / 1000)
      printf ",\"p%s\":%.9g", ps[i], v[k < 1 ? 1 : k]
    }
    printf ",\"max\":%.9g", v[n]
  }
  print "}"
}
