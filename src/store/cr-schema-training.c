/* cr-schema-training.c: schema step 7
 *
 * Training: courses, training records, required courses per role, skills.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* Reserved: filled in by the training record book. */
const char _cr_schema_v7_training[] = "SELECT 1;";
