/* cr-entry-import-dialog.c: preview and import a bank statement CSV
 *
 * The members import dialog's twin for the cash book: before anything is
 * written it shows the encoding and separator found, every row that needs
 * correcting with its line number, and how many entries would be added or
 * are already in the cash book (a dry run of the very import the button
 * then does, in one transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-entry-import-dialog.h"

#include "cr-csv.h"
#include "cr-store-money.h"
#include "cr-transaction-import.h"

#include <glib/gi18n.h>

#define MAX_PROBLEMS_SHOWN 200

struct _CrEntryImportDialog
{
  AdwWindow parent_instance;

  CrStore            *store;
  char               *path;
  CrTransactionCounts counts;
  guint               n_problems;
  gboolean            ready;

  AdwActionRow        *outcome_row;
  GtkImage            *outcome_icon;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
};

G_DEFINE_FINAL_TYPE (CrEntryImportDialog,
                     cr_entry_import_dialog,
                     ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_outcome (CrEntryImportDialog *self,
              const char          *title,
              const char          *subtitle,
              gboolean             good)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row),
                                 title);
  adw_action_row_set_subtitle (self->outcome_row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (self->outcome_icon,
                                good ? "emblem-ok-symbolic"
                                     : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_icon),
                               good ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_icon),
                            good ? "success" : "warning");
}

/* A fresh importer each time: the store adds its own problems to it. */
static CrTransactionImport *
open_import (CrEntryImportDialog *self, GError **error)
{
  CrCsv *csv = cr_csv_parse_file (self->path, error);

  return csv != NULL ? cr_transaction_import_new (csv) : NULL;
}

static void
update (CrEntryImportDialog *self)
{
  g_autoptr (CrTransactionImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *problems;
  GtkWidget *child;

  self->ready = FALSE;
  while (
      (child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);

  import = open_import (self, &error);
  if (import == NULL)
    {
      show_outcome (self, _ ("The file can’t be read"), error->message, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return;
    }

  {
    CrCsv           *csv = cr_transaction_import_get_csv (import);
    char             delimiter = cr_csv_get_delimiter (csv);
    g_autofree char *subtitle = g_strdup_printf (
        _ ("%s, columns separated by %s"), cr_csv_get_encoding (csv),
        delimiter == '\t'  ? _ ("tabs")
        : delimiter == ';' ? _ ("semicolons")
                           : _ ("commas"));
    g_autofree char *name = g_path_get_basename (self->path);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
    adw_action_row_set_subtitle (self->file_row, subtitle);
  }

  if (cr_store_import_transactions (self->store, import, 0, 0, TRUE,
                                    &self->counts, &error))
    {
      g_autofree char *title = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u entry will be added",
                       "%u entries will be added", self->counts.added),
          self->counts.added);
      g_autofree char *subtitle = NULL;

      if (self->counts.present > 0)
        subtitle =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u is already in the cash book "
                                          "and is left as it is",
                                          "%u are already in the cash "
                                          "book and are left as they are",
                                          self->counts.present),
                             self->counts.present);
      show_outcome (self, title, subtitle, self->counts.added > 0);
      self->ready = self->counts.added > 0;
    }
  else
    {
      g_autofree char *title = NULL;

      problems = cr_transaction_import_get_problems (import);
      title = problems->len > 0
                  ? g_strdup_printf (
                        g_dngettext (GETTEXT_PACKAGE, "%u row needs correcting",
                                     "%u rows need correcting", problems->len),
                        problems->len)
                  : g_strdup (error->message);
      show_outcome (self, title,
                    _ ("Nothing will be imported until every row is right."),
                    FALSE);
    }

  problems = cr_transaction_import_get_problems (import);
  self->n_problems = problems->len;
  {
    g_autofree char *text =
        cr_transaction_import_describe_problems (import, "", 0);
    (void) text; /* sorts the problems by line */
  }
  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      CrImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *title = g_strdup_printf (_ ("Line %u"), p->line);
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", self->ready);
}

/**
 * cr_entry_import_dialog_run:
 *
 * Imports the file, all or nothing, and closes the dialog.
 */
gboolean
cr_entry_import_dialog_run (CrEntryImportDialog *self, GError **error)
{
  g_autoptr (CrTransactionImport) import = NULL;

  g_return_val_if_fail (CR_IS_ENTRY_IMPORT_DIALOG (self), FALSE);

  import = open_import (self, error);
  if (import == NULL ||
      !cr_store_import_transactions (self->store, import, 0, 0, FALSE,
                                     &self->counts, error))
    return FALSE;
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
run_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CrEntryImportDialog *self = CR_ENTRY_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!cr_entry_import_dialog_run (self, &error))
    {
      show_outcome (self, _ ("Nothing was imported"), error->message, FALSE);
      update (self);
    }
}

guint
cr_entry_import_dialog_get_n_problems (CrEntryImportDialog *self)
{
  g_return_val_if_fail (CR_IS_ENTRY_IMPORT_DIALOG (self), 0);
  return self->n_problems;
}

guint
cr_entry_import_dialog_get_n_to_add (CrEntryImportDialog *self)
{
  g_return_val_if_fail (CR_IS_ENTRY_IMPORT_DIALOG (self), 0);
  return self->counts.added;
}

/**
 * cr_entry_import_dialog_new:
 * @path: the CSV file
 *
 * Returns: (transfer floating): the dialog, already showing what an
 *   import would do; %NULL if the file can't be read at all
 */
CrEntryImportDialog *
cr_entry_import_dialog_new (CrStore *store, const char *path, GError **error)
{
  CrEntryImportDialog *self;
  g_autoptr (CrCsv) csv = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  csv = cr_csv_parse_file (path, error);
  if (csv == NULL)
    return NULL;

  self = g_object_new (CR_TYPE_ENTRY_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  update (self);
  return self;
}

static void
cr_entry_import_dialog_finalize (GObject *object)
{
  CrEntryImportDialog *self = CR_ENTRY_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->path);
  G_OBJECT_CLASS (cr_entry_import_dialog_parent_class)->finalize (object);
}

static void
cr_entry_import_dialog_class_init (CrEntryImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cr_entry_import_dialog_finalize;

  signals[IMPORTED] =
      g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/io/github/commonroom/CommonRoom/cr-entry-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrEntryImportDialog,
                                        outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrEntryImportDialog,
                                        outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, CrEntryImportDialog,
                                        file_row);
  gtk_widget_class_bind_template_child (widget_class, CrEntryImportDialog,
                                        problems_group);
  gtk_widget_class_bind_template_child (widget_class, CrEntryImportDialog,
                                        problems_list);
  gtk_widget_class_install_action (widget_class, "import.run", NULL,
                                   run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
cr_entry_import_dialog_init (CrEntryImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
