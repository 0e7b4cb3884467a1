/* cr-xlsx-private.h: what only the tests may reach inside cr-xlsx.c; no
 * report touches libxlsxwriter itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-xlsx.h"

G_BEGIN_DECLS

void _cr_xlsx_set_max_rows (CrXlsx *self,
                            guint   max_rows);

G_END_DECLS
