/* cr-schema-money.c: schema step 6
 *
 * Money: funders, grants, budget lines, funds, accounts, the cash book and expenses claims.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-private.h"
#include "cr-schema-private.h"

/* Reserved: filled in by the money record book. */
const char _cr_schema_v6_money[] = "SELECT 1;";
