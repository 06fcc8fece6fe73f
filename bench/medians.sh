#!/usr/bin/env bash
# Sourced by the benchmark scripts: print_medians DB RESULTS_FILE LOG MODE:KEY... prints, for every MODE:KEY, the
# median (lower middle for an even count) of KEY over the file's "RESULT db=DB mode=MODE ..." lines, with all values,
# and appends the line to LOG.
print_medians() {
  local db=$1 results=$2 log=$3
  shift 3
  local pair mode key values n median
  for pair in "$@"; do
    mode=${pair%%:*}
    key=${pair#*:}
    values=$(grep "^RESULT db=$db mode=$mode " "$results" | sed -E "s/.* $key=([0-9.]+).*/\1/" | sort -g || true)
    [ -z "$values" ] && continue
    n=$(echo "$values" | wc -l)
    median=$(echo "$values" | sed -n "$(( (n + 1) / 2 ))p")
    echo "MEDIAN db=$db mode=$mode runs=$n $key=$median all=[$(echo $values | tr ' ' ',')]" | tee -a "$log"
  done
}
