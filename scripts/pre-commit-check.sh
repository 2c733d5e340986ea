#!/usr/bin/env bash
# Proves the pre-commit hook with the real pre-commit tool (Debian's package): in a scratch git
# repository, the hook installs from a clone of this repository (built by `npm install`'s `prepare`),
# and a commit lints only the staged files it is given.
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  else
    echo "pre-commit-check: pre-commit is not installed (apt-get install pre-commit)" >&2
    exit 1
  fi
fi

# pre-commit installs hooks from a commit: use the checked-out HEAD of this repository.
rev="$(git -C "$project" rev-parse HEAD)"
scratch="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/.cache"
cd "$scratch"
git init -q repo
cd repo
git config user.email ci@example.invalid
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $project
    rev: $rev
    hooks:
      - id: graph-docs-lint
YAML
mkdir -p api resources
# A legacy page with a defect, committed before the hook exists: it must not be linted later.
cat > api/legacy.md <<'MD'
# Legacy page

|Permission type|Permissions|
|:---|:---|
|Application|**TODO: Provide applicable permissions.**|
MD
git add -A
git commit -qm "legacy page" --no-verify
pre-commit install >/dev/null

fail() { echo "pre-commit-check: FAIL: $*" >&2; exit 1; }

# 1. A clean page: the hook passes, and the legacy page is not linted.
printf '# Get widget\n\nReturns a widget.\n' > api/clean.md
git add api/clean.md
if ! out="$(git commit -qm "clean page" 2>&1)"; then echo "$out"; fail "a clean staged page was rejected"; fi
grep -q "legacy.md" <<<"$out" && fail "the hook linted a file that was not staged"
echo "pre-commit-check: clean page committed; legacy page not linted"

# 2. A page with a trailing comma: the commit is refused, and only that file is reported.
cat > api/bad.md <<'MD'
# Create widget

```http
POST https://graph.microsoft.com/v1.0/widgets
Content-Type: application/json

{
  "name": "a",
}
```
MD
git add api/bad.md
if out="$(git commit -qm "bad page" 2>&1)"; then echo "$out"; fail "a page with a trailing comma was committed"; fi
# The stylish report: the file's path on its own line, the finding's line:column under it.
grep -qx "api/bad.md" <<<"$out" || { echo "$out"; fail "the file api/bad.md was not reported"; }
grep -q "^  8:14  error  " <<<"$out" || { echo "$out"; fail "the finding was not reported at 8:14"; }
grep -q "no-trailing-comma" <<<"$out" || { echo "$out"; fail "no rule id in the output"; }
grep -q "legacy.md" <<<"$out" && fail "the hook linted a file that was not staged"
echo "pre-commit-check: bad page refused with api/bad.md 8:14 no-trailing-comma; nothing else linted"
echo "pre-commit-check: OK"
