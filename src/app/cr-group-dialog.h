/* cr-group-dialog.h: creating and editing a group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

/* Called with the group saved (its id), once it is. */
typedef void (*CrGroupDialogDone) (gpointer user_data, gint64 group_id);

AdwMessageDialog *cr_group_dialog_present (GtkWidget        *near,
                                           CrStore          *store,
                                           gint64            group_id,
                                           CrGroupDialogDone done,
                                           gpointer          user_data);

G_END_DECLS
