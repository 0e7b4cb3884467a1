/* cr-test-gtk.c: helpers for the test programs that drive the window
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-test-gtk.h"

#include <string.h>

char *
cr_test_gtk_init (int *argc, char ***argv, const char *tmpl, const char *today)
{
  g_autofree char *data_home = NULL;
  char            *tmpdir = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (tmpdir);
  /* Backups and recent files go under the test's own folder. */
  data_home = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("CR_TODAY", today, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return tmpdir;
}

static gboolean
tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
cr_test_settle_full (CrTestBusyFunc busy, gpointer object, guint rounds)
{
  gint64   end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint    timer = g_timeout_add (50, tick, NULL);
  gboolean done;

  while (object != NULL && busy (object) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  done = object == NULL || !busy (object);
  for (guint i = 0; i < rounds; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
  g_source_remove (timer);
  return done;
}

gboolean
cr_test_window_busy (gpointer window)
{
  return cr_window_get_busy (window);
}

gboolean
cr_test_shows_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cr_test_shows_label (child, text))
      return TRUE;
  return FALSE;
}

gboolean
cr_test_shows_text (GtkWidget *widget, const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cr_test_shows_text (child, part))
      return TRUE;
  return FALSE;
}

GtkWidget *
cr_test_find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cr_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
cr_test_find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cr_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

AdwMessageDialog *
cr_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (win) &&
          gtk_widget_get_visible (GTK_WIDGET (win)))
        return ADW_MESSAGE_DIALOG (win);
    }
  return NULL;
}

void
cr_test_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("CR_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot     *snapshot;
  GskRenderNode   *node;
  int              width, height;

  if (dir == NULL)
    return;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
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
