/* cr-overview-page.h: what needs doing now, the next meeting, recent
 * decisions and open actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_OVERVIEW_PAGE (cr_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (
    CrOverviewPage, cr_overview_page, CR, OVERVIEW_PAGE, GtkWidget)

void     cr_overview_page_set_store (CrOverviewPage *self, CrStore *store);
void     cr_overview_page_reload (CrOverviewPage *self);
gint64   cr_overview_page_get_group_id (CrOverviewPage *self);
void     cr_overview_page_set_group_id (CrOverviewPage *self, gint64 group_id);
guint    cr_overview_page_get_n_attention (CrOverviewPage *self);
gint64   cr_overview_page_get_next_meeting_id (CrOverviewPage *self);
gboolean cr_overview_page_activate_attention (CrOverviewPage *self,
                                              guint           index);

gboolean cr_overview_page_is_checking (CrOverviewPage *self);

G_END_DECLS
