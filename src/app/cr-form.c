/* cr-form.c: small forms in message dialogs, shared by the window's pages
 *
 * Joining a group, ending a membership, recording a decision: each asks
 * two or three things. A message dialog with labelled fields keeps them
 * alike everywhere; each field is found again by the name it was added
 * under.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-form.h"

#include "cr-date.h"

#include <glib/gi18n.h>

static GtkWindow *
window_of (GtkWidget *near)
{
  GtkRoot *root = near ? gtk_widget_get_root (near) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * cr_form_new:
 * @near: a widget of the window the form belongs to
 * @response: the id of the button that accepts the form
 * @label: that button's label
 *
 * Returns: (transfer none): a dialog with Cancel and @label, not yet shown
 */
AdwMessageDialog *
cr_form_new (GtkWidget             *near,
             const char            *heading,
             const char            *body,
             const char            *response,
             const char            *label,
             AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (near), heading,
                                                       body));
  adw_message_dialog_set_extra_child (dialog,
                                      gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * cr_form_add:
 * @name: how the field is found again
 * @label: the caption shown above it
 * @widget: (transfer floating): an entry, a drop-down …
 *
 * Returns: (transfer none): @widget
 */
GtkWidget *
cr_form_add (AdwMessageDialog *form,
             const char       *name,
             const char       *label,
             GtkWidget        *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (form)), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (GTK_IS_ENTRY (widget))
    gtk_entry_set_activates_default (GTK_ENTRY (widget), TRUE);
  g_object_set_data (G_OBJECT (form), name, widget);
  return widget;
}

/**
 * cr_form_entry:
 * @text: (nullable): what it starts with
 * @placeholder: (nullable): a hint while empty
 *
 * Returns: (transfer floating): an entry
 */
GtkWidget *
cr_form_entry (const char *text,
               const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  return entry;
}

/**
 * cr_form_date_entry:
 *
 * Returns: (transfer floating): an entry holding today as DD/MM/YYYY
 */
GtkWidget *
cr_form_date_entry (void)
{
  g_autofree char *today = NULL;
  GDate date;

  cr_date_today (&date);
  today = cr_date_to_uk (&date);
  return cr_form_entry (today, NULL);
}

const char *
cr_form_get_text (AdwMessageDialog *form,
                  const char       *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (form), name)));
}

guint
cr_form_get_choice (AdwMessageDialog *form,
                    const char       *name)
{
  return gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (form), name));
}

/**
 * cr_form_get_date:
 * @required: whether an empty field is a mistake
 * @iso: (out) (transfer full) (nullable): the date as ISO, %NULL if empty
 *
 * Returns: %FALSE with @error saying why if the field isn't a date
 */
gboolean
cr_form_get_date (AdwMessageDialog  *form,
                  const char        *name,
                  gboolean           required,
                  char             **iso,
                  GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (cr_form_get_text (form, name)));
  GDate date;

  *iso = NULL;
  if (*text == '\0' && !required)
    return TRUE;
  if (!cr_date_parse (text, &date, error))
    return FALSE;
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

/**
 * cr_form_show_problem:
 *
 * Says, in a dialog with one Close button, why something was not done.
 */
void
cr_form_show_problem (GtkWidget  *near,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (near), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                   _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
