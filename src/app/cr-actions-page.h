/* cr-actions-page.h: "You said, we did": every action across meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ACTIONS_PAGE (cr_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (CrActionsPage, cr_actions_page, CR, ACTIONS_PAGE,
                      GtkWidget)

void  cr_actions_page_set_store    (CrActionsPage *self,
                                    CrStore       *store);
void  cr_actions_page_reload       (CrActionsPage *self);
guint cr_actions_page_get_n_shown  (CrActionsPage *self);

G_END_DECLS
