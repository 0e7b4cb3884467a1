/* cr-schema-workplan.c: schema step 9
 *
 * Work plan and scrutiny reviews: priorities, reviews, stages, information requests, recommendations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* Reserved: filled in by the workplan record book. */
const char _cr_schema_v9_workplan[] = "SELECT 1;";
