/* cr-print-operation.c: printing a document of the print layer
 *
 * The print layer (src/print) lays out its pages once and draws any of
 * them on a cairo context; GtkPrintOperation asks for the pages one at a
 * time. The document is drawn on the whole sheet in points, exactly as
 * its PDF, so what is printed is what the PDF shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-app"

#include "config.h"

#include "cr-print-operation.h"

#include <glib/gi18n.h>

typedef struct
{
  gpointer          data;
  GDestroyNotify    free_data;
  CrCountPagesFunc  count_pages;
  CrDrawPageFunc    draw_page;
} Job;

static void
job_free (Job *job)
{
  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             Job               *job)
{
  gtk_print_operation_set_n_pages (operation, MAX (1, job->count_pages (job->data)));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           Job               *job)
{
  job->draw_page (job->data, gtk_print_context_get_cairo_context (context), page,
                  gtk_print_context_get_width (context),
                  gtk_print_context_get_height (context));
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  g_object_unref (operation);
}

/**
 * cr_print_document:
 * @near: a widget of the window printing
 * @job_name: what the print queue calls the job
 * @data: (transfer full): the document's data
 * @free_data: frees @data when the job is done
 *
 * Shows the print dialog and prints the document, A4 by default.
 */
void
cr_print_document (GtkWidget        *near,
                   const char       *job_name,
                   gpointer          data,
                   GDestroyNotify    free_data,
                   CrCountPagesFunc  count_pages,
                   CrDrawPageFunc    draw_page_func)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (near);
  Job *job = g_new0 (Job, 1);
  GtkPrintOperationResult result;

  job->data = data;
  job->free_data = free_data;
  job->count_pages = count_pages;
  job->draw_page = draw_page_func;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "job", job,
                          (GDestroyNotify) job_free);
  /* The dialog doesn't hold the window up; the operation lives until it
   * says it is done. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done), NULL);

  result = gtk_print_operation_run (operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Not Printed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
