/* cr-import-dialog.c: preview and import people from a CSV file
 *
 * Shows what the importer made of the file before anything is written:
 * the encoding and separator it found, what each column holds (the user
 * can correct it), every row that needs correcting with its line number,
 * and how many people would be added or are already there. Import writes
 * them all in one transaction, or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-import-dialog.h"

#include "cr-csv.h"
#include "cr-date.h"
#include "cr-member-import.h"
#include "cr-store-import.h"

#include <glib/gi18n.h>
#include <string.h>

/* A list of thousands of problems helps nobody; the first ones show the
 * pattern. */
#define MAX_PROBLEMS_SHOWN 200

struct _CrImportDialog
{
  AdwWindow            parent_instance;

  CrStore             *store;
  char                *path;
  CrCsv               *csv;
  CrMemberImport      *import;
  CrImportCounts       counts;
  gboolean             ready;
  gboolean             updating;

  AdwActionRow        *outcome_row;
  GtkImage            *outcome_icon;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *columns_group;
  GPtrArray           *column_rows;  /* AdwComboRow, one a column */
};

G_DEFINE_FINAL_TYPE (CrImportDialog, cr_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_outcome (CrImportDialog *self,
              const char     *title,
              const char     *subtitle,
              gboolean        good)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), title);
  adw_action_row_set_subtitle (self->outcome_row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (self->outcome_icon,
                                good ? "emblem-ok-symbolic"
                                     : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_icon), good ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_icon), good ? "success" : "warning");
}

static void
show_problems (CrImportDialog *self)
{
  GPtrArray *problems = cr_member_import_get_problems (self->import);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      CrImportProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *title = g_strdup_printf (_("Line %u"), p->line);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->problems_list, row);
    }
  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"),
                                               problems->len - MAX_PROBLEMS_SHOWN);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
}

/* Checks every row with the present mapping and counts, without writing,
 * what an import would do. */
static void
update (CrImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *problems;

  self->ready = FALSE;
  memset (&self->counts, 0, sizeof self->counts);

  if (!cr_member_import_check (self->import))
    {
      g_autofree char *title = NULL;

      problems = cr_member_import_get_problems (self->import);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row needs correcting",
                                            "%u rows need correcting",
                                            problems->len),
                               problems->len);
      show_outcome (self, title, _("Nothing will be imported until every row "
                                   "is right."), FALSE);
    }
  else if (!cr_store_import_people (self->store,
                                    cr_member_import_get_rows (self->import),
                                    TRUE, &self->counts, &error))
    show_outcome (self, _("The file can’t be imported"), error->message, FALSE);
  else if (self->counts.added == 0)
    show_outcome (self, _("No one new to add"),
                  _("Everyone in the file is already in the register."), FALSE);
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u person will be added",
                                            "%u people will be added",
                                            self->counts.added),
                               self->counts.added);
      if (self->counts.present + self->counts.repeated > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u is already in the register "
                                                 "and is left as it is",
                                                 "%u are already in the register "
                                                 "and are left as they are",
                                                 self->counts.present + self->counts.repeated),
                                    self->counts.present + self->counts.repeated);
      else
        subtitle = g_strdup (_("Each joins the association as a voting member "
                               "from the day in the Joined column, or today."));
      show_outcome (self, title, subtitle, TRUE);
      self->ready = TRUE;
    }

  show_problems (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", self->ready);
}

static void
mapping_changed (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 CrImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->updating)
    return;
  cr_member_import_set_mapping (self->import, column,
                                adw_combo_row_get_selected (row));
  update (self);
}

static char *
sample_of (CrImportDialog *self,
           guint           column)
{
  /* The first non-empty cell under the heading, so "Column 3" means
   * something. */
  for (guint r = 1; r < cr_csv_get_n_records (self->csv) && r < 50; r++)
    {
      const char *cell = cr_csv_get_field (self->csv, r, column);
      g_autofree char *trimmed = g_strstrip (g_strdup (cell ? cell : ""));

      if (*trimmed != '\0')
        {
          g_autofree char *one_line = g_strdelimit (g_strdup (cell), "\r\n", ' ');

          return g_strdup_printf (_("e.g. %s"), one_line);
        }
    }
  return g_strdup (_("Empty"));
}

static void
build_columns (CrImportDialog *self)
{
  g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);

  for (int f = 0; f < CR_MEMBER_N_FIELDS; f++)
    gtk_string_list_append (fields, cr_member_field_get_label (f));

  self->updating = TRUE;
  for (guint c = 0; c < cr_member_import_get_n_columns (self->import); c++)
    {
      const char *header = cr_member_import_get_header (self->import, c);
      g_autofree char *title = NULL;
      g_autofree char *sample = sample_of (self, c);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      if (header == NULL || *header == '\0')
        title = g_strdup_printf (_("Column %u"), c + 1);
      else
        title = g_strdup (header);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, cr_member_import_get_mapping (self->import, c));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected",
                               G_CALLBACK (mapping_changed), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
  self->updating = FALSE;
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!cr_import_dialog_run (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Nothing Was Imported"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cr_import_dialog_dispose (GObject *object)
{
  CrImportDialog *self = CR_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->import, cr_member_import_free);
  g_clear_pointer (&self->csv, cr_csv_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (cr_import_dialog_parent_class)->dispose (object);
}

static void
cr_import_dialog_class_init (CrImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_import_dialog_dispose;

  /**
   * CrImportDialog::imported:
   * @added: how many people were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CrImportDialog, columns_group);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
cr_import_dialog_init (CrImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("commas");
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    case '|':
      return _("vertical bars");
    default:
      return "?";
    }
}

/**
 * cr_import_dialog_new:
 * @store: the open, writable file
 * @path: the CSV file
 *
 * Reads and checks @path. A file that can't be read as CSV at all (not
 * text, a spreadsheet not saved as CSV, a quote never closed) is refused
 * here with @error set.
 *
 * Returns: (transfer floating) (nullable): the dialog, not yet shown
 */
CrImportDialog *
cr_import_dialog_new (CrStore     *store,
                      const char  *path,
                      GError     **error)
{
  g_autoptr (CrCsv) csv = NULL;
  g_autofree char *today = NULL;
  g_autofree char *base = NULL;
  g_autofree char *subtitle = NULL;
  CrImportDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  csv = cr_csv_parse_file (path, error);
  if (csv == NULL)
    return NULL;

  self = g_object_new (CR_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  self->csv = g_steal_pointer (&csv);
  today = cr_date_today_iso ();
  self->import = cr_member_import_new (self->csv, today);

  base = g_filename_display_basename (path);
  /* Translators: "members.csv: Windows-1252, separated by semicolons" */
  subtitle = g_strdup_printf (_("%s: %s, separated by %s"), base,
                              cr_csv_get_encoding (self->csv),
                              delimiter_name (cr_csv_get_delimiter (self->csv)));
  adw_action_row_set_subtitle (self->file_row, subtitle);

  build_columns (self);
  update (self);
  return self;
}

guint
cr_import_dialog_get_n_problems (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), 0);
  return cr_member_import_get_problems (self->import)->len;
}

guint
cr_import_dialog_get_n_to_add (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), 0);
  return self->counts.added;
}

guint
cr_import_dialog_get_n_present (CrImportDialog *self)
{
  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), 0);
  return self->counts.present + self->counts.repeated;
}

/**
 * cr_import_dialog_set_column:
 * @field: a #CrMemberField
 *
 * Corrects what a column holds, as its drop-down does.
 */
void
cr_import_dialog_set_column (CrImportDialog *self,
                             guint           column,
                             int             field)
{
  g_return_if_fail (CR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column),
                              field);
}

/**
 * cr_import_dialog_run:
 *
 * Imports every row, in one transaction.
 */
gboolean
cr_import_dialog_run (CrImportDialog  *self,
                      GError         **error)
{
  CrImportCounts counts;

  g_return_val_if_fail (CR_IS_IMPORT_DIALOG (self), FALSE);

  if (!self->ready)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Some rows need correcting first."));
      return FALSE;
    }
  if (!cr_store_import_people (self->store,
                               cr_member_import_get_rows (self->import), FALSE,
                               &counts, error))
    return FALSE;
  g_signal_emit (self, signals[IMPORTED], 0, counts.added);
  return TRUE;
}
