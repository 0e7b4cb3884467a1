/* test-annual-dialog.c: "Annual Return…" in the window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-annual-dialog.h"
#include "cr-demo.h"
#include "cr-report-annual.h"
#include "cr-store-annual.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

/* Runs the main loop until @busy says the work is done, then lets the
 * widgets lay out. */
static void
settle (gboolean (*busy) (gpointer), gpointer object)
{
  g_assert_true (cr_test_settle_full (busy, object, 4));
}

static gboolean
dialog_busy (gpointer dialog)
{
  return cr_annual_dialog_get_busy (dialog);
}

static CrAnnualDialog *
find_annual_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);

      if (CR_IS_ANNUAL_DIALOG (win))
        return CR_ANNUAL_DIALOG (win);
    }
  return NULL;
}

/* How many points the store's own figures say are met. */
static guint
expected_met (CrStore *store, int year)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *from = g_strdup_printf ("%d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-12-31", year);
  g_autoptr (CrAnnual) annual = cr_store_get_annual (store, from, to, &error);
  g_autoptr (GPtrArray) points = NULL;
  guint met = 0;

  g_assert_no_error (error);
  points = cr_annual_get_checklist (annual);
  for (guint i = 0; i < points->len; i++)
    if (((CrAnnualPoint *) g_ptr_array_index (points, i))->met)
      met++;
  return met;
}

static void
assert_starts_with (const char *path, const char *magic)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_cmpmem (contents, strlen (magic), magic, strlen (magic));
}

static void
test_annual_dialog (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo.commonroom", NULL);
  g_autofree char *xlsx = g_build_filename (tmpdir, "pack.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "pack.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CrDemoOptions   options = { .members = 200, .seed = 7 };
  CrAnnualDialog *dialog;
  CrWindow       *window;
  CrStore        *store;

  {
    g_autoptr (CrStore) demo =
        cr_store_create (path, CR_DEMO_ASSOCIATION_NAME, &error);

    g_assert_no_error (error);
    g_assert_true (cr_demo_fill (demo, &options, &error));
    g_assert_no_error (error);
    cr_store_close (demo);
  }

  window = cr_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_open_file (window, file);
  settle (cr_test_window_busy, window);
  store = cr_window_get_store (window);
  g_assert_nonnull (store);

  /* The menu's action opens the dialog on this year, and its checklist
   * agrees with the store's figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.annual-return", NULL));
  dialog = find_annual_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (cr_annual_dialog_get_year (dialog), ==, 2026);
  settle (dialog_busy, dialog);
  g_assert_cmpuint (cr_annual_dialog_get_n_met (dialog), ==,
                    expected_met (store, 2026));
  g_assert_cmpuint (cr_annual_dialog_get_n_met (dialog), >, 0);
  cr_test_screenshot (GTK_WIDGET (dialog), "annual-dialog");

  cr_annual_dialog_set_year (dialog, 2025);
  settle (dialog_busy, dialog);
  g_assert_cmpuint (cr_annual_dialog_get_n_met (dialog), ==,
                    expected_met (store, 2025));

  /* Saving runs beside the window's open file and writes both files. */
  cr_annual_dialog_save (dialog, xlsx, FALSE);
  settle (dialog_busy, dialog);
  assert_starts_with (xlsx, "PK");
  cr_annual_dialog_save (dialog, pdf, TRUE);
  settle (dialog_busy, dialog);
  assert_starts_with (pdf, "%PDF");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL, NULL);
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir = cr_test_gtk_init (&argc, &argv, "cr-test-annual-dialog-XXXXXX",
                             "2026-11-25");

  g_test_add_func ("/annual-dialog/preview-and-save", test_annual_dialog);

  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
