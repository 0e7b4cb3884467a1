/* cr-print-operation.h: printing a document of the print layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef int  (*CrCountPagesFunc) (gconstpointer data);
typedef void (*CrDrawPageFunc)   (gconstpointer  data,
                                  cairo_t       *cr,
                                  int            page,
                                  double         width,
                                  double         height);

void cr_print_document (GtkWidget        *near,
                        const char       *job_name,
                        gpointer          data,
                        GDestroyNotify    free_data,
                        CrCountPagesFunc  count_pages,
                        CrDrawPageFunc    draw_page);

G_END_DECLS
