#!/usr/bin/env bash
# Prints the gentle start-up coach's precision and recall per kind on the tuning and held-out parts of
# src/Attune.Web/Features/Coach/gentle-eval.tsv, and its speed. `--wrong tune` lists the tuning sentences
# it gets wrong (never ask for the held-out ones while changing rules).
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project tools/Attune.CoachEval -- "$(pwd)/src/Attune.Web/Features/Coach/gentle-eval.tsv" "$@"
