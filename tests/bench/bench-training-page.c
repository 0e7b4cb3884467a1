/* bench-training-page.c: how the Training page opens on a 100,000-person
 * file: the time from showing it to its content, and the longest the main
 * loop stood still meanwhile
 *
 * Each turn of the main loop is timed and the longest kept: with the file
 * read on the main thread that turn is the whole read; with the read in a
 * worker it is a frame of a dozen rows being added. The baseline is the
 * longest turn of a bare AdwApplicationWindow of the same size redrawing a
 * spinner (under Xvfb every frame is drawn in software). Run under Xvfb:
 *
 *   xvfb-run -a meson test -C BUILD --benchmark training-page --verbose
 *
 * or with a file already made (`commonroom-cli --file F demo --members
 * 100000 --meetings 20000`): bench-training-page F.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-training-page.h"
#include "cr-window.h"

#include <glib/gstdio.h>

/* The longest the main thread spent in one go without coming back to
 * the main loop: one iteration of it, or the call that shows the page. */
static gint64 longest_stall;

static void
iterate (void)
{
  gint64 before = g_get_monotonic_time ();
  gint64 spent;

  g_main_context_iteration (NULL, FALSE);
  spent = g_get_monotonic_time () - before;
  if (spent > longest_stall)
    longest_stall = spent;
  /* Nothing to do: wait a little, off the clock. */
  if (!g_main_context_pending (NULL))
    g_usleep (1000);
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    iterate ();
}

/* With CR_SCREENSHOT_DIR set, what @widget shows now, as NAME.png. */
static void
screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("CR_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot     *snapshot;
  GskRenderNode   *node;
  int              width = gtk_widget_get_width (widget);
  int              height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (
      gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
      &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The window keeps its pages private: found by type. */
static GtkWidget *
find_page (GtkWidget *widget)
{
  if (CR_IS_TRAINING_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* By its property, so the bench also runs against the page as it was
 * before it read in a worker (which had no such property). */
static gboolean
page_loading (CrTrainingPage *page)
{
  gboolean loading = FALSE;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "loading"))
    g_object_get (page, "loading", &loading, NULL);
  return loading;
}

static gboolean
page_shown (CrTrainingPage *page)
{
  return cr_training_page_get_n_people (page) > 0;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-training-XXXXXX", NULL);
  g_autofree char *made = g_build_filename (dir, "bench.commonroom", NULL);
  const char      *path = argc > 1 ? argv[1] : made;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  CrTrainingPage *page;
  CrWindow       *window;
  gint64 start, shown, complete, bare_stall, idle_stall, open_stall, open_by;
  double shown_ms;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  if (!gtk_init_check ())
    {
      g_print ("no display: run under xvfb-run\n");
      return 0;
    }
  adw_init ();
  if (argc <= 1)
    {
      g_autoptr (CrStore) store =
          cr_store_create (made, "Benchmark TRA", &error);
      CrDemoOptions options = { .members = 100000,
                                .meetings = 20000,
                                .seed = 5 };

      g_assert_no_error (error);
      g_print ("making the 100,000-person file…\n");
      cr_demo_fill (store, &options, &error);
      g_assert_no_error (error);
      cr_store_close (store);
    }
  file = g_file_new_for_path (path);

  /* The baseline: the longest turn of a bare window of the same size
   * whose only content, a spinner, is redrawn every frame, as the page's
   * is while it reads. Under Xvfb every frame is drawn in software, so
   * this is far from free. */
  {
    GtkWidget *bare = adw_application_window_new (NULL);
    GtkWidget *spinner = gtk_spinner_new ();

    gtk_spinner_start (GTK_SPINNER (spinner));
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (bare), spinner);
    gtk_window_set_default_size (GTK_WINDOW (bare), 1200, 900);
    gtk_window_present (GTK_WINDOW (bare));
    run_for (500);
    longest_stall = 0;
    run_for (1000);
    bare_stall = longest_stall;
    gtk_window_destroy (GTK_WINDOW (bare));
    run_for (100);
  }

  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  cr_window_open_file (window, file);
  open_by = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (cr_window_get_store (window) == NULL || cr_window_get_busy (window))
    {
      /* A refusal (in use, damaged) is a dialog: nothing to measure. */
      if (g_get_monotonic_time () > open_by)
        {
          g_print ("the file did not open within 2 minutes\n");
          return 1;
        }
      iterate ();
    }
  /* Let the first page settle, then the baseline: the same loop over an
   * idle window. */
  run_for (3000);
  longest_stall = 0;
  run_for (500);
  idle_stall = longest_stall;

  longest_stall = 0;
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                              "training");
  longest_stall = g_get_monotonic_time () - start;
  /* The window may build its pages when first shown. */
  while ((page = CR_TRAINING_PAGE (find_page (GTK_WIDGET (window)))) == NULL)
    iterate ();
  if (g_getenv ("CR_SCREENSHOT_DIR") != NULL)
    {
      run_for (200);
      screenshot (GTK_WIDGET (window), "training-page-reading");
    }
  while (!page_shown (page))
    iterate ();
  shown = g_get_monotonic_time ();
  /* The rows reach the lists a few a frame: until the last one, then a
   * moment to lay out and paint before reading the stall. */
  while (page_loading (page))
    iterate ();
  complete = g_get_monotonic_time ();
  run_for (300);
  open_stall = longest_stall;
  shown_ms = (shown - start) / 1000.0;

  g_print ("training page: content after %.0f ms, every row after %.0f ms "
           "(%u members listed)\n",
           shown_ms, (complete - start) / 1000.0,
           cr_training_page_get_n_people (page));
  g_print ("longest main-loop stall: %.0f ms opening the page; %.0f ms in a "
           "bare window redrawing a spinner (baseline): ratio %.1f; "
           "%.0f ms over the idle window\n",
           open_stall / 1000.0, bare_stall / 1000.0,
           bare_stall > 0 ? (double) open_stall / (double) bare_stall : 0.0,
           idle_stall / 1000.0);

  /* Again for the association chosen in the group switcher: the same
   * members, read on the page's connection, already open. */
  start = g_get_monotonic_time ();
  cr_window_set_group_id (
      window, cr_store_get_association_group (cr_window_get_store (window)));
  while (page_loading (page) && cr_training_page_get_n_people (page) == 0)
    iterate ();
  while (cr_training_page_get_n_people (page) == 0)
    iterate ();
  g_print ("the same again from the group switcher: content after %.0f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);
  g_remove (made);
  g_rmdir (dir);
  return 0;
}
