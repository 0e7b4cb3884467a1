/* cr-confirm-delete.h: the question asked before a record is deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *cr_confirm_delete (GtkWidget  *near,
                                     const char *heading,
                                     const char *body,
                                     gint64      id,
                                     GCallback   response,
                                     gpointer    user_data);
gint64            cr_confirm_delete_get_id (AdwMessageDialog *dialog);

G_END_DECLS
