# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: install what the build needs, then configure.
# Sourced, not run.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Everything a fresh Debian 12 / Ubuntu machine needs to build, test and run the app.
debian_packages=(
  gcc meson ninja-build pkg-config python3 gettext
  libglib2.0-dev libcsv-dev libreadstat-dev libjson-glib-dev libarchive-dev libxml2-dev
  libcairo2-dev libpango1.0-dev libgtk-4-dev libadwaita-1-dev
  xvfb xauth
  # The AT-SPI test (tests/app/test-atspi.py): the accessibility bus and registry, the D-Bus
  # tools it starts them with, and pyatspi for the system's Python.
  at-spi2-core dbus-bin python3-gi python3-pyatspi gir1.2-atspi-2.0
  # Real pointer input through the X server, for the quote text's selection (test-window).
  xdotool
  desktop-file-utils appstream libxml2-utils dbus-daemon
  poppler-utils
  clang libclang-rt-14-dev
)

install_missing_packages() {
  local missing=()
  local package
  for package in "${debian_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing packages: ${missing[*]}. Install them with your package manager." >&2
    return 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
}

# configure BUILDDIR [MESON-OPTIONS…]: set up a build folder, or reconfigure an existing one.
configure() {
  local builddir=$1
  shift
  if [ -f "$builddir/build.ninja" ]; then
    meson configure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$top" "$@" >/dev/null
  fi
}
