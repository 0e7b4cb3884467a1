/* cr-confirm-delete.c: the question asked before a record is deleted
 *
 * Every page asks it the same way: the heading names the kind of record,
 * the body says what goes and what stays, Delete is red and Cancel is the
 * default, so that Enter never destroys a record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-confirm-delete.h"

#include "cr-form.h"

#include <glib/gi18n.h>

/**
 * cr_confirm_delete:
 * @near: a widget of the window the question belongs to
 * @body: what goes, and what stays
 * @id: the record, kept for @response (cr_confirm_delete_get_id())
 * @response: connected to "response" of the dialog, with @user_data
 *   (an object: the handler is disconnected when it goes); the record is
 *   to be deleted only when the response is "delete"
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
cr_confirm_delete (GtkWidget  *near,
                   const char *heading,
                   const char *body,
                   gint64      id,
                   GCallback   response,
                   gpointer    user_data)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (G_IS_OBJECT (user_data), NULL);

  dialog = cr_form_new (near, heading, body, "delete", _ ("_Delete"),
                        ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "record-id",
                          g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", response, user_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * cr_confirm_delete_get_id:
 *
 * Returns: the record the question is about, or 0
 */
gint64
cr_confirm_delete_get_id (AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "record-id");

  return id != NULL ? *id : 0;
}
