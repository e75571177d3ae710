#!/usr/bin/env bash
# Regenerates the recordings in this directory from PyPI's snmpsim-data (BSD licence), as listed
# in catalogue.yaml: `source` names the recording, `drop` lists OID prefixes to remove. Dropped
# subtrees are bulky tables a health poll never reads (route tables, per-session and per-filter
# counters); removing them keeps the files small and snmpsim's first-start indexing quick. All
# other lines are the original recording, unchanged.
#
# usage: Inventory/recordings/make-recordings.sh [SNMPSIM_DATA_DIR]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${1:-$(python3 -c 'import os, snmpsim_data; print(os.path.join(os.path.dirname(snmpsim_data.__file__), "data"))')}

field() { # field NAME LINE: the value of `NAME: value` in one catalogue line
    sed -nE "s/.*[{,] *$1: ([^,}]*[^,} ]) *[,}].*/\1/p" <<<"$2"
}

grep -E '^ *- *\{' "$here/catalogue.yaml" | while read -r line; do
    name=$(field name "$line")
    source=$(field source "$line")
    drops=$(field drop "$line")
    if [[ -f $data/$source.snmprec.bz2 ]]; then
        reader=(bzcat "$data/$source.snmprec.bz2")
    else
        reader=(cat "$data/$source.snmprec")
    fi
    pattern='^$'
    for prefix in $drops; do
        pattern+="|^${prefix//./\\.}"
    done
    "${reader[@]}" | { grep -aEv "$pattern" || true; } >"$here/$name.snmprec"
    printf '%-26s %9d bytes  <- %s\n' "$name" "$(wc -c <"$here/$name.snmprec")" "$source"
done
