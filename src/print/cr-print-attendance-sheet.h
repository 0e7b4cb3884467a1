/* cr-print-attendance-sheet.h: the attendance sign-in sheet, printed
 *
 * One page layout for the window's print dialog and for
 * `commonroom-cli print`: count the pages, then draw any of them, or write
 * them all to a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cr-page.h"
#include "cr-print-data.h"
#include "cr-store.h"

G_BEGIN_DECLS

int      cr_print_attendance_sheet_get_n_pages (const CrSheetData *data);
void     cr_print_attendance_sheet_draw_page (const CrSheetData *data,
                                              cairo_t           *cr,
                                              int                page,
                                              double             width,
                                              double             height);
gboolean cr_print_attendance_sheet_to_pdf (const CrSheetData *data,
                                           const char        *path,
                                           GError           **error);

void cr_print_attendance_sheet_mark_photos (CrSheetData *data,
                                            CrStore     *store,
                                            GPtrArray   *expected,
                                            const char  *on_date);

G_END_DECLS
