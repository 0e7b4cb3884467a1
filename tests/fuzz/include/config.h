/* config.h for the libFuzzer builds, which compile the core with clang
 * outside meson; the same values meson writes for the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define APP_ID "io.github.commonroom.CommonRoom"
#define GETTEXT_PACKAGE "commonroom"
#define LOCALEDIR "/usr/local/share/locale"
#define PACKAGE_NAME "Common Room"
#define PACKAGE_VERSION "0.1.0"
#define RESOURCE_PREFIX "/io/github/commonroom/CommonRoom"
