#!/usr/bin/env bash
# Run the pre-commit hook for real, as docs/cli.md documents it, in a throwaway content repository.
#
#   scripts/try_pre_commit.sh [WORKDIR]      (default: a new directory under /tmp)
#
# Makes a fresh virtual environment, installs this checkout under its distribution name
# (factcheck-news) and pre-commit, writes two articles that state different revenue for the same
# company and quarter, and for each `.pre-commit-config.yaml` block of docs/cli.md (copied as
# written; the remote form's `repo:` pointed at a clone of this checkout, tagged with the `rev:`
# the docs give): `pre-commit run --all-files` must fail and print the finding, a commit of a
# conflicting edit must be refused, and both must pass once the figure is fixed. The remote form
# installs the committed HEAD of this checkout, not uncommitted changes.
#
# Needs git, python3 (3.11 or later) and pip reaching an index with pre-commit and factcheck's
# dependencies. Exits 0 when every step went as expected, 1 at the first that did not.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/try-pre-commit.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
echo "# working in $work"

# a git that reads no user configuration, with an identity to commit with
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=editor GIT_AUTHOR_EMAIL=editor@example.org
export GIT_COMMITTER_NAME=editor GIT_COMMITTER_EMAIL=editor@example.org
export PRE_COMMIT_HOME="$work/pre-commit-cache"

step() { printf '\n## %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*"; exit 1; }

# run "$@" showing its output; its status must be 0 (want=pass) or not (want=fail), and with a
# failure the output must name the conflict
expect() {
  local want=$1 status=0
  shift
  printf '$ %s\n' "$*"
  "$@" >"$work/out.log" 2>&1 || status=$?
  cat "$work/out.log"
  echo "(exit $status)"
  if [ "$want" = pass ] && [ "$status" -ne 0 ]; then fail "expected '$*' to pass"; fi
  if [ "$want" = fail ]; then
    [ "$status" -ne 0 ] || fail "expected '$*' to fail"
    grep -q "FC201" "$work/out.log" || fail "'$*' failed without printing the FC201 finding"
  fi
}

step "a fresh virtual environment with factcheck-news (from $here) and pre-commit"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$here" pre-commit
export PATH="$work/venv/bin:$PATH"
"$work/venv/bin/pip" show factcheck-news | sed -n '1,2p'
factcheck --version
version=$(factcheck --version)
[ "$version" != "factcheck 0.0.0+unknown" ] || fail "factcheck --version did not find the factcheck-news metadata"
pre-commit --version

# the .pre-commit-config.yaml blocks of docs/cli.md's pre-commit section, in order
python3 - "$here/docs/cli.md" "$work" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("## pre-commit and `--changed-only`"):]
blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", section, re.S)
assert len(blocks) == 2, f"expected the local and the remote form, found {len(blocks)} blocks"
for name, block in zip(("local", "remote"), blocks):
    open(f"{sys.argv[2]}/{name}.yaml", "w", encoding="utf-8").write(block)
EOF
rev=$(sed -n 's/^ *rev: *\([^ #]*\).*/\1/p' "$work/remote.yaml")

step "a clone of this checkout, tagged $rev as the documented remote form pins it"
rm -rf "$work/factcheck"
git clone -q "$here" "$work/factcheck"
git -C "$work/factcheck" tag "$rev"
git -C "$work/factcheck" log --oneline -1
sed -i "s#^\( *- repo:\) .*#\1 $work/factcheck#" "$work/remote.yaml"

article() {  # article FILE OUTLET FIGURE
  cat >"$1" <<EOF
---
title: Northwind's second quarter
published: 2026-07-30
source: $2
---
Northwind Logistics said on Thursday that its revenue was $3 in the second quarter of 2026,
helped by new warehouse contracts.
EOF
}

for form in local remote; do
  step "$form form: a content repository whose two articles disagree"
  repo="$work/content-$form"
  rm -rf "$repo"
  mkdir -p "$repo/articles"
  git -C "$repo" init -q
  printf 'paths = ["articles"]\n' >"$repo/factcheck.toml"
  article "$repo/articles/harbour-ledger.md" "Harbour Ledger" '$412 million'
  article "$repo/articles/valley-wire.md" "Valley Wire" '$421 million'
  cp "$work/$form.yaml" "$repo/.pre-commit-config.yaml"
  cat "$repo/.pre-commit-config.yaml"
  cd "$repo"
  git add -A && git commit -q -m "two articles" && echo "committed; the tree is clean"

  step "$form form: pre-commit run --all-files on the conflict (must fail)"
  expect fail pre-commit run --all-files

  if [ "$form" = remote ]; then  # the environment pre-commit built from the tag
    hooked=$(ls -d "$PRE_COMMIT_HOME"/repo*/py_env-*/bin/factcheck | head -n 1)
    printf '$ %s --version\n' "$hooked"
    [ "$("$hooked" --version)" = "$version" ] || fail "the hook's environment has another factcheck"
    "$hooked" --version
  fi

  step "$form form: the figure fixed (must pass)"
  article articles/valley-wire.md "Valley Wire" '$412 million'
  git commit -q -am "fix the revenue"
  expect pass pre-commit run --all-files

  step "$form form: the hook installed, a commit that brings the conflict back (must be refused)"
  pre-commit install
  article articles/valley-wire.md "Valley Wire" '$421 million'
  git add articles/valley-wire.md
  expect fail git commit -m "a wrong figure"

  step "$form form: the same commit with the right figure (must go through)"
  article articles/valley-wire.md "Valley Wire" '$412 million'
  echo "Analysts had expected more." >>articles/valley-wire.md
  git add articles/valley-wire.md
  expect pass git commit -m "a sentence added"
  cd "$work"
done

printf '\nOK: both documented forms fail on the conflict and pass once it is fixed.\n'
