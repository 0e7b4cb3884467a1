/* cr-workplan-page.h: a group's work plan and its service reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_WORKPLAN_PAGE (cr_workplan_page_get_type ())

G_DECLARE_FINAL_TYPE (
    CrWorkplanPage, cr_workplan_page, CR, WORKPLAN_PAGE, GtkWidget)

void     cr_workplan_page_set_store (CrWorkplanPage *self, CrStore *store);
void     cr_workplan_page_reload (CrWorkplanPage *self);
gboolean cr_workplan_page_show_group (CrWorkplanPage *self,
                                      const char     *group_name,
                                      guint           year);
void     cr_workplan_page_show_review (CrWorkplanPage *self, gint64 review_id);
guint    cr_workplan_page_get_n_priorities (CrWorkplanPage *self);
guint    cr_workplan_page_get_n_reviews (CrWorkplanPage *self);

G_END_DECLS
