#!/usr/bin/env bash
# Debian packages the project needs: Chromium and Firefox ESR for the browser tests (Chromium for
# `npm start` too), and the original Fashion-MNIST files that the shard tests compare against.
# Skips what is installed.
set -euo pipefail
packages=(chromium firefox-esr dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
