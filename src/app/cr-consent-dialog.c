/* cr-consent-dialog.c: a person's consents, and what is held about them
 *
 * From the person editor: the consents a person gave, each with what it
 * covers, how and when it was given and when withdrawn, with Withdraw for
 * those in force and a form to record a new one; and "Subject Access
 * Report…", which saves everything held about them as a workbook or PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-consent-dialog.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-print-subject-access.h"
#include "cr-report-subject-access.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkWidget       *near;
  CrStore         *store;
  gint64           person_id;
  char            *name;
  CrConsentChanged changed;
} Context;

static Context *
context_copy (const Context *from)
{
  Context *c = g_new0 (Context, 1);

  c->near = g_object_ref (from->near);
  c->store = g_object_ref (from->store);
  c->person_id = from->person_id;
  c->name = g_strdup (from->name);
  c->changed = from->changed;
  return c;
}

/* Tells the form that opened the dialog what the person's consent to
 * contact now is: the triggers of the file may have changed it. */
static void
notify_changed (Context *c)
{
  g_autoptr (CrPerson) person = NULL;

  if (c->changed == NULL)
    return;
  person = cr_store_get_person (c->store, c->person_id, NULL, NULL);
  if (person != NULL)
    c->changed (c->near, cr_person_get_consent_to_contact (person),
                cr_person_get_consent_date (person));
}

static void
context_free (gpointer data, GClosure *closure)
{
  Context *c = data;

  g_clear_object (&c->near);
  g_clear_object (&c->store);
  g_free (c->name);
  g_free (c);
}

static char *
describe (const CrConsent *consent)
{
  g_autofree char *given = cr_date_iso_to_uk (consent->given_on);
  g_autofree char *withdrawn = cr_date_iso_to_uk (consent->withdrawn_on);
  const char      *how = cr_consent_method_get_label (consent->method);

  if (consent->withdrawn_on != NULL)
    /* Translators: how, when given, when withdrawn. */
    return g_strdup_printf (
        _ ("%s, given %s · withdrawn %s"), how,
        given != NULL ? given : _ ("on a date not recorded"), withdrawn);
  return g_strdup_printf (_ ("%s, given %s · in force"), how,
                          given != NULL ? given : _ ("on a date not recorded"));
}

static void present_list (Context *c);

static void
withdraw_clicked (GtkButton *button, Context *c)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = cr_date_today_iso ();
  gint64           id =
      GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "consent"));
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (button));

  if (!cr_store_withdraw_consent (c->store, id, today, &error))
    cr_form_show_problem (c->near, _ ("Consent Not Withdrawn"), error->message);
  else
    notify_changed (c);
  /* Show the list again, as it now is, then close this one: closing it
   * frees @c with the button. */
  present_list (c);
  if (GTK_IS_WINDOW (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_response (AdwMessageDialog *dialog, const char *response, Context *c)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;
  CrConsent        consent = { 0 };

  if (g_strcmp0 (response, "record") == 0)
    {
      consent.person_id = c->person_id;
      consent.purpose = MIN (cr_form_get_choice (dialog, "purpose"),
                             CR_CONSENT_N_PURPOSES - 1);
      consent.method =
          MIN (cr_form_get_choice (dialog, "method"), CR_CONSENT_N_METHODS - 1);
      consent.notes = (char *) cr_form_get_text (dialog, "notes");
      if (!cr_form_get_date (dialog, "given", TRUE, &given, &error) ||
          (consent.given_on = given,
           cr_store_add_consent (c->store, &consent, &error) == 0))
        cr_form_show_problem (c->near, _ ("Consent Not Recorded"),
                              error->message);
      else
        notify_changed (c);
    }
  present_list (c);
}

static void
present_add (Context *c)
{
  g_autofree char *heading =
      g_strdup_printf (_ ("Record a Consent of %s"), c->name);
  g_autofree char *today = cr_date_today_iso ();
  g_autofree char *today_uk = cr_date_iso_to_uk (today);
  g_autoptr (GtkStringList) purposes = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) methods = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget        *date;

  for (guint i = 0; i < CR_CONSENT_N_PURPOSES; i++)
    gtk_string_list_append (purposes, cr_consent_purpose_get_label (i));
  /* "Not recorded" is only for consents carried over from before. */
  for (guint i = 0; i < CR_CONSENT_BY_UNKNOWN; i++)
    gtk_string_list_append (methods, cr_consent_method_get_label (i));

  dialog = cr_form_new (c->near, heading,
                        _ ("What they agreed to, how, and when. Keep the form "
                           "or email they agreed on."),
                        "record", _ ("_Record"), ADW_RESPONSE_SUGGESTED);
  cr_form_add (
      dialog, "purpose", _ ("Agreed to"),
      gtk_drop_down_new (G_LIST_MODEL (g_object_ref (purposes)), NULL));
  cr_form_add (dialog, "method", _ ("How"),
               gtk_drop_down_new (G_LIST_MODEL (g_object_ref (methods)), NULL));
  date = cr_form_add (dialog, "given", _ ("Given on (DD/MM/YYYY)"),
                      cr_form_date_entry ());
  gtk_editable_set_text (GTK_EDITABLE (date), today_uk);
  cr_form_add (dialog, "notes", _ ("Notes"),
               cr_form_entry (NULL, _ ("e.g. Signed the membership form")));
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response),
                         context_copy (c), context_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_response (AdwMessageDialog *dialog, const char *response, Context *c)
{
  if (g_strcmp0 (response, "add") == 0)
    present_add (c);
}

static void
present_list (Context *c)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  g_autofree char  *heading = g_strdup_printf (_ ("Consent of %s"), c->name);
  AdwMessageDialog *dialog;
  GtkWidget        *list;
  Context          *kept;

  consents = cr_store_list_consents (c->store, c->person_id, &error);
  if (consents == NULL)
    {
      cr_form_show_problem (c->near, _ ("Consents Not Shown"), error->message);
      return;
    }

  dialog = cr_form_new (
      c->near, heading,
      consents->len == 0 ? _ ("No consent is recorded: they are left out of "
                              "contact lists and exports.")
                         : _ ("Their phone number and email go on the register "
                              "only with consent to that means of contact (or "
                              "to any); their name and address go to the "
                              "council or landlord only with consent to "
                              "sharing."),
      "add", _ ("_Record Consent…"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_label (dialog, "cancel", _ ("_Close"));
  kept = context_copy (c);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < consents->len; i++)
    {
      CrConsent       *consent = g_ptr_array_index (consents, i);
      g_autofree char *subtitle = describe (consent);
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (row),
          cr_consent_purpose_get_label (consent->purpose));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (consent->withdrawn_on == NULL)
        {
          GtkWidget *withdraw = gtk_button_new_with_mnemonic (_ ("_Withdraw"));

          gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (withdraw,
                                       _ ("They withdrew this consent "
                                          "today"));
          g_object_set_data (G_OBJECT (withdraw), "consent",
                             GSIZE_TO_POINTER (consent->id));
          g_signal_connect_data (withdraw, "clicked",
                                 G_CALLBACK (withdraw_clicked),
                                 context_copy (c), context_free, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (consents->len > 0)
    gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (dialog)),
                    list);
  else
    {
      g_object_ref_sink (list);
      g_object_unref (list);
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (list_response), kept,
                         context_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cr_consent_dialog_present:
 * @near: a widget of the window it belongs to
 * @name: the person's name, for the heading
 * @changed: (nullable): called after each change
 *
 * Shows the person's consents, with Withdraw and Record Consent….
 */
void
cr_consent_dialog_present (GtkWidget       *near,
                           CrStore         *store,
                           gint64           person_id,
                           const char      *name,
                           CrConsentChanged changed)
{
  Context c = { near, store, person_id, (char *) name, changed };

  g_return_if_fail (GTK_IS_WIDGET (near));
  g_return_if_fail (CR_IS_STORE (store));

  present_list (&c);
}

static void
subject_access_chosen (GtkNativeDialog *chooser, int response, Context *c)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  gboolean         ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    ok = cr_print_subject_access_to_pdf (c->store, c->person_id, path, &error);
  else
    {
      if (!g_str_has_suffix (lower, ".xlsx"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with;
        }
      ok = cr_report_subject_access (c->store, c->person_id, path, &error);
    }
  if (!ok)
    cr_form_show_problem (c->near, _ ("Report Not Saved"), error->message);

out:
  context_free (c, NULL);
  g_object_unref (chooser);
}

/**
 * cr_consent_save_subject_access:
 * @near: a widget of the window it belongs to
 * @name: the person's name, for the file name offered
 *
 * Asks where to save everything held about the person, and saves it: a
 * workbook, or pages if the name ends in .pdf.
 */
void
cr_consent_save_subject_access (GtkWidget  *near,
                                CrStore    *store,
                                gint64      person_id,
                                const char *name)
{
  GtkRoot              *root = gtk_widget_get_root (near);
  GtkFileChooserNative *chooser;
  g_autofree char      *file_name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (near));
  g_return_if_fail (CR_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (
      _ ("Save the Subject Access Report"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  /* Translators: the file name offered; keep .xlsx (.pdf also works). */
  file_name = g_strdup_printf (_ ("Everything held about %s.xlsx"), name);
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  {
    Context c = { near, store, person_id, (char *) name, NULL };

    g_signal_connect (chooser, "response", G_CALLBACK (subject_access_chosen),
                      context_copy (&c));
  }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
