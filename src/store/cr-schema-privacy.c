/* cr-schema-privacy.c: schema step 8
 *
 * Personal data: consent details and data retention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* Reserved: filled in by the privacy record book. */
const char _cr_schema_v8_privacy[] = "SELECT 1;";
