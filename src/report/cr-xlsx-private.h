/* cr-xlsx-private.h: libxlsxwriter's own handles, for a report that adds
 * what the house format has no call for (a native chart)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cr-xlsx.h"

G_BEGIN_DECLS

lxw_workbook  *_cr_xlsx_get_workbook (CrXlsx *self);
lxw_worksheet *_cr_xlsx_sheet_get_worksheet (CrXlsxSheet *sheet);
void           _cr_xlsx_set_max_rows (CrXlsx *self, guint max_rows);

G_END_DECLS
