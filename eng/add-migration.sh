#!/usr/bin/env bash
# Adds a migration for both providers at once (they are always added in pairs).
# Usage: eng/add-migration.sh NameOfChange
# The migration assemblies do not reference the web project (it references them), so the
# [DbContext] attribute and its using line that dotnet-ef writes are removed afterwards;
# Attune.Data.ProviderMigrationsAssembly finds migrations without them.
set -euo pipefail
name=${1:?usage: eng/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/Attune.Migrations.$provider
  Database__Provider=$provider ConnectionStrings__Attune=$([ "$provider" = Postgres ] && echo "Host=localhost;Database=design" || echo "") \
    dotnet ef migrations add "$name" --project "$project" --startup-project src/Attune.Web \
      --context AttuneDbContext --output-dir Migrations
  sed -i -e '/^\s*\[DbContext(typeof(AttuneDbContext))\]\s*$/d' -e '/^using Attune\.Data;$/d' $(find "$project" -name "*.cs" -not -path "*/obj/*" -not -path "*/bin/*")
done
dotnet build --nologo -v q
