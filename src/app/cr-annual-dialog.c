/* cr-annual-dialog.c: the council pack for a year, from the window
 *
 * The secretary picks a year and sees at once how the association stands
 * on each recognition point, with the evidence, then saves the workbook
 * for the council or the printed summary for the AGM. Reading the year
 * and writing the files run in a worker thread on a connection of their
 * own (the window keeps the file open for editing beside it), so a large
 * federation's year never freezes the window; a preview that a later
 * choice of year has overtaken is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-annual-dialog.h"

#include "cr-date.h"
#include "cr-form.h"
#include "cr-print-annual.h"
#include "cr-report-annual.h"
#include "cr-store-annual.h"

#include <glib/gi18n.h>

typedef enum
{
  JOB_PREVIEW,
  JOB_XLSX,
  JOB_PDF,
} JobKind;

typedef struct
{
  JobKind kind;
  guint   generation;
  char   *file;
  char   *from;
  char   *to;
  char   *out;
} Job;

struct _CrAnnualDialog
{
  AdwWindow parent_instance;

  CrStore   *store;
  guint      generation; /* of the latest preview asked for */
  guint      n_jobs;
  guint      n_met;
  GPtrArray *rows; /* the checklist's rows shown */

  GtkSpinButton       *year_spin;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *checklist_group;
  AdwToastOverlay     *toasts;
};

G_DEFINE_FINAL_TYPE (CrAnnualDialog, cr_annual_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
job_free (Job *job)
{
  g_free (job->file);
  g_free (job->from);
  g_free (job->to);
  g_free (job->out);
  g_free (job);
}

static void
run_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrAnnual) annual = NULL;
  GError  *error = NULL;
  gboolean ok;

  /* A reader of its own: the window's connection stays the editor's. */
  store = cr_store_open (job->file, CR_STORE_OPEN_CHECKED, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
      case JOB_PREVIEW:
        annual = cr_store_get_annual (store, job->from, job->to, &error);
        if (annual == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, cr_annual_get_checklist (annual),
                                 (GDestroyNotify) g_ptr_array_unref);
        return;
      case JOB_XLSX:
        ok = cr_report_annual (store, job->out, job->from, job->to, &error);
        break;
      case JOB_PDF:
      default:
        ok = cr_print_annual_to_pdf (store, job->out, job->from, job->to,
                                     &error);
        break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (CrAnnualDialog *self, gboolean more)
{
  gboolean was = self->n_jobs > 0;

  if (more)
    self->n_jobs++;
  else if (self->n_jobs > 0)
    self->n_jobs--;
  gtk_spinner_set_spinning (self->spinner, self->n_jobs > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annual.save-workbook",
                                 self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annual.save-summary",
                                 self->n_jobs == 0);
  if (was != (self->n_jobs > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static Job *
job_new (CrAnnualDialog *self, JobKind kind, const char *out)
{
  Job *job = g_new0 (Job, 1);
  int  year = cr_annual_dialog_get_year (self);

  job->kind = kind;
  job->file = g_strdup (cr_store_get_path (self->store));
  job->from = g_strdup_printf ("%04d-01-01", year);
  job->to = g_strdup_printf ("%04d-12-31", year);
  job->out = g_strdup (out);
  return job;
}

static void
clear_rows (CrAnnualDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->checklist_group,
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (CrAnnualDialog *self, GtkWidget *row)
{
  adw_preferences_group_add (self->checklist_group, row);
  g_ptr_array_add (self->rows, row);
}

static void
preview_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrAnnualDialog *self = CR_ANNUAL_DIALOG (source);
  Job            *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GPtrArray) points = NULL;
  g_autoptr (GError) error = NULL;

  points = g_task_propagate_pointer (G_TASK (result), &error);
  set_busy (self, FALSE);
  /* Overtaken by a later choice of year: that one will show. */
  if (job->generation != self->generation)
    return;

  clear_rows (self);
  self->n_met = 0;
  if (points == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (row),
          _ ("The year’s records could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      add_row (self, row);
      return;
    }

  for (guint i = 0; i < points->len; i++)
    {
      const CrAnnualPoint *p = g_ptr_array_index (points, i);
      GtkWidget           *row = adw_action_row_new ();
      GtkWidget           *icon;
      const char          *icon_name, *style, *state;

      if (!p->checked)
        {
          icon_name = "dialog-question-symbolic";
          style = "dim-label";
          state = _ ("Not checked");
        }
      else if (p->met)
        {
          icon_name = "emblem-ok-symbolic";
          style = "success";
          state = _ ("Met");
          self->n_met++;
        }
      else
        {
          icon_name = "dialog-warning-symbolic";
          style = "warning";
          state = _ ("Not met");
        }
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (icon, style);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (p->point));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->evidence);
      add_row (self, row);
    }
}

static void
refresh (CrAnnualDialog *self)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  if (self->store == NULL)
    return;
  job = job_new (self, JOB_PREVIEW, NULL);
  job->generation = ++self->generation;
  task = g_task_new (self, NULL, preview_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, run_job);
}

static void
year_changed (GtkSpinButton *spin, CrAnnualDialog *self)
{
  refresh (self);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrAnnualDialog *self = CR_ANNUAL_DIALOG (source);
  Job            *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cr_form_show_problem (GTK_WIDGET (self),
                            job->kind == JOB_XLSX
                                ? _ ("The Annual Return Was Not Saved")
                                : _ ("The Summary Was Not Saved"),
                            error->message);
      return;
    }
  {
    g_autofree char *base = g_filename_display_basename (job->out);
    g_autofree char *title = g_strdup_printf (_ ("Saved “%s”"), base);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
  }
}

/**
 * cr_annual_dialog_save:
 * @path: the file to write
 * @pdf: %TRUE for the printed summary, %FALSE for the workbook
 *
 * Writes the chosen year's pack in a worker thread; a toast says when it
 * is saved, a dialog why not. #CrAnnualDialog:busy is %TRUE meanwhile.
 */
void
cr_annual_dialog_save (CrAnnualDialog *self, const char *path, gboolean pdf)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CR_IS_ANNUAL_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  task = g_task_new (self, NULL, save_done, NULL);
  g_task_set_task_data (task, job_new (self, pdf ? JOB_PDF : JOB_XLSX, path),
                        (GDestroyNotify) job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, run_job);
}

static void
file_chosen (GtkNativeDialog *chooser, int response, CrAnnualDialog *self)
{
  gboolean pdf =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf"));
  const char *suffix = pdf ? ".pdf" : ".xlsx";

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file =
          gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_has_suffix (path, suffix))
        {
          char *with = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with;
        }
      if (path != NULL)
        cr_annual_dialog_save (self, path, pdf);
    }
  g_object_unref (chooser);
}

static void
choose_file (CrAnnualDialog *self, gboolean pdf)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *name = NULL;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (
      pdf ? _ ("Save the Annual Summary") : _ ("Save the Annual Return"),
      GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
      _ ("_Cancel"));
  /* Translators: file names offered; keep .xlsx and .pdf. %s is the
   * association, %d the year. */
  name = pdf ? g_strdup_printf (_ ("%s annual summary %d.pdf"),
                                cr_store_get_association_name (self->store),
                                cr_annual_dialog_get_year (self))
             : g_strdup_printf (_ ("%s annual return %d.xlsx"),
                                cr_store_get_association_name (self->store),
                                cr_annual_dialog_get_year (self));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "pdf", GINT_TO_POINTER (pdf));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_workbook_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (CR_ANNUAL_DIALOG (widget), FALSE);
}

static void
save_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (CR_ANNUAL_DIALOG (widget), TRUE);
}

static void
cr_annual_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrAnnualDialog *self = CR_ANNUAL_DIALOG (object);

  switch (prop_id)
    {
      case PROP_BUSY:
        g_value_set_boolean (value, self->n_jobs > 0);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cr_annual_dialog_dispose (GObject *object)
{
  CrAnnualDialog *self = CR_ANNUAL_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ANNUAL_DIALOG);
  G_OBJECT_CLASS (cr_annual_dialog_parent_class)->dispose (object);
}

static void
cr_annual_dialog_finalize (GObject *object)
{
  CrAnnualDialog *self = CR_ANNUAL_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cr_annual_dialog_parent_class)->finalize (object);
}

static void
cr_annual_dialog_class_init (CrAnnualDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cr_annual_dialog_get_property;
  object_class->dispose = cr_annual_dialog_dispose;
  object_class->finalize = cr_annual_dialog_finalize;

  /**
   * CrAnnualDialog:busy:
   *
   * Whether the year is being read or a file written.
   */
  properties[PROP_BUSY] = g_param_spec_boolean (
      "busy", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/commonroom/CommonRoom/cr-annual-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrAnnualDialog,
                                        year_spin);
  gtk_widget_class_bind_template_child (widget_class, CrAnnualDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrAnnualDialog,
                                        checklist_group);
  gtk_widget_class_bind_template_child (widget_class, CrAnnualDialog, toasts);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);

  gtk_widget_class_install_action (widget_class, "annual.save-workbook", NULL,
                                   save_workbook_action);
  gtk_widget_class_install_action (widget_class, "annual.save-summary", NULL,
                                   save_summary_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
cr_annual_dialog_init (CrAnnualDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cr_annual_dialog_new:
 * @store: the association file open in the window
 * @year: the year to show first
 *
 * Returns: (transfer floating): the dialog; present it over the window
 */
CrAnnualDialog *
cr_annual_dialog_new (CrStore *store, int year)
{
  CrAnnualDialog *self;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  self = g_object_new (CR_TYPE_ANNUAL_DIALOG, NULL);
  self->store = g_object_ref (store);
  /* Setting the year starts the first preview, unless it is already the
   * spin button's value. */
  if ((int) gtk_spin_button_get_value (self->year_spin) == year)
    refresh (self);
  else
    gtk_spin_button_set_value (self->year_spin, year);
  return self;
}

int
cr_annual_dialog_get_year (CrAnnualDialog *self)
{
  g_return_val_if_fail (CR_IS_ANNUAL_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}

void
cr_annual_dialog_set_year (CrAnnualDialog *self, int year)
{
  g_return_if_fail (CR_IS_ANNUAL_DIALOG (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

gboolean
cr_annual_dialog_get_busy (CrAnnualDialog *self)
{
  g_return_val_if_fail (CR_IS_ANNUAL_DIALOG (self), FALSE);

  return self->n_jobs > 0;
}

/**
 * cr_annual_dialog_get_n_met:
 *
 * Returns: how many recognition points the year shown meets
 */
guint
cr_annual_dialog_get_n_met (CrAnnualDialog *self)
{
  g_return_val_if_fail (CR_IS_ANNUAL_DIALOG (self), 0);

  return self->n_met;
}
