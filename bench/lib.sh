# Shared by bench/run.sh and bench/analytics.sh (sourced, not run): corpora, tools, build, lnav
# config, measuring. Expects ROOT (the repo); honours BENCH_DIR and RUNS.
BENCH_DIR=${BENCH_DIR:-/tmp/smsmon-bench}
RUNS=${RUNS:-3}

# name → "events max-bytes-app [step-ms]": main is the guide's 15 MiB × 11 files, full (≥150 MB);
# small and large scale the rotation size by 1/4 and 4 so the app family is ~4× smaller/larger;
# full has events enough for errors.log to fill its 10 backups too (every family at the guide's size);
# week is main spread over days (logging calls up to 850 ms apart): its app family spans 7 days.
declare -A SPEC=(
  [small]="450000 3932160"
  [main]="1800000 15728640"
  [large]="7200000 62914560"
  [full]="5500000 15728640"
  [week]="2000000 15728640 850"
)

# Checks the tools, builds the product (dist/) and the test build (dist-test/, which holds the corpus
# generator of test/kit) when missing or older than any source file, and installs the lnav format.
# A private XDG_CONFIG_HOME keeps formats the user installed (and their session state) out of the
# measurement; lnav loads formats from <config dir>/formats/*/*.json.
bench_setup() {
  local tool
  for tool in node hyperfine lnav /usr/bin/time "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool not found (apt-get install -y hyperfine lnav time)" >&2; exit 2; }
  done
  cd "$ROOT"
  if [[ ! -f dist/bundle/smsmon.js ]] || [[ -n $(find src -name '*.ts' -newer dist/bundle/smsmon.js -print -quit) ]]; then
    npm run --silent build
  fi
  local generator=dist-test/test/kit/generate.js
  if [[ ! -f $generator ]] || [[ -n $(find src test/kit -name '*.ts' -newer $generator -print -quit) ]]; then
    npm run --silent build:test
  fi
  export XDG_CONFIG_HOME=$BENCH_DIR/lnav-home
  mkdir -p "$XDG_CONFIG_HOME/lnav/formats/smsmon"
  cp bench/lnav/python_verbose.json "$XDG_CONFIG_HOME/lnav/formats/smsmon/"
}

# Generates corpus $1 into $BENCH_DIR/$1 with the project's generator unless its manifest exists
# (delete the dir to regenerate).
ensure_corpus() {
  local events max_bytes step dir=$BENCH_DIR/$1
  [[ -n ${SPEC[$1]:-} ]] || { echo "bench: unknown corpus \"$1\"; expected ${!SPEC[*]}" >&2; exit 2; }
  read -r events max_bytes step <<<"${SPEC[$1]}"
  if [[ ! -f $dir/manifest.json ]]; then
    echo "bench: generating $1 ($events events, app.log rotating at $max_bytes bytes)" >&2
    npm run --silent fixtures -- --records "$events" --out "$dir" --max-bytes-app "$max_bytes" \
      ${step:+--step-ms "$step"}
  fi
}

# The plain files of family $2 in dir $1, oldest first as smsmon reads them (lnav sorts by time
# anyway); grep and awk can't read .gz, and the generated corpora have none.
family_files() {
  local i files=""
  for i in $(seq 50 -1 1); do if [[ -f $1/$2.$i ]]; then files+="$1/$2.$i "; fi; done
  echo "$files$1/$2"
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
bytes_of() { stat -c %s "$@" | awk '{ s += $1 } END { print s }'; }

# Peak RSS in KiB of one run of a shell command (GNU time reports the largest process it waited
# for); its stdout goes to $2 when given. peak_rss: the same in MiB.
peak_rss_kib() {
  /usr/bin/time -f '%M' -o "$BENCH_DIR/rss.txt" bash -c "$1" >"${2:-/dev/null}"
  cat "$BENCH_DIR/rss.txt"
}
peak_rss() { awk '{ printf "%.0f", $1 / 1024 }' <<<"$(peak_rss_kib "$@")"; }

# Reads hyperfine's JSON export: "mean sd" per command in seconds; with "spread", "mean sd min max".
hyperfine_stats() {
  node -e 'for (const r of JSON.parse(require("fs").readFileSync(process.argv[1])).results)
             console.log([r.mean, r.stddev ?? 0, ...(process.argv[2] ? [r.min, r.max] : [])]
               .map((x) => x.toFixed(3)).join(" "))' "$1" "${2:-}"
}

machine_facts() {
  echo "$(nproc) CPUs ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem/ { print $2 }') GiB RAM," \
    "Node $(node --version), $(lnav -V), hyperfine $(hyperfine --version | cut -d' ' -f2)"
}

# CPU time of the whole machine between two snapshots of /proc/stat's first line: busy, idle and
# steal (time the hypervisor gave to other guests) as shares of all CPUs' time.
cpu_snapshot() { head -1 /proc/stat; }
cpu_since() {
  awk -v before="$1" 'NR == 1 {
    split(before, b, " ")
    for (i = 2; i <= 9; i++) { d[i] = $i - b[i]; total += d[i] }
    printf "busy %.0f %%, idle %.0f %%, iowait %.0f %%, steal %.1f %%", 100 * (d[2] + d[3] + d[4] + d[7] + d[8]) / total,
      100 * d[5] / total, 100 * d[6] / total, 100 * d[9] / total
    exit
  }' /proc/stat
}

# The "## Commands" section of a results file: how lnav was configured, then every command run,
# with the repository's path left out so they read as run from its root.
commands_section() {
  echo "## Commands"
  echo
  echo "lnav runs with \`XDG_CONFIG_HOME=$XDG_CONFIG_HOME\`, holding only"
  echo "[bench/lnav/python_verbose.json](lnav/python_verbose.json) (installed as formats/smsmon/)."
  echo
  echo '```sh'
  printf '%s' "${1//$ROOT\//}"
  echo '```'
}
