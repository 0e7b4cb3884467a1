/* test-consent-dialog.c: consent records and subject access from the
 * person editor, under Xvfb; screenshots when CR_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-person-editor.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
settle (void)
{
  for (int i = 0; i < 10; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

/* With CR_SCREENSHOT_DIR set, saves what @widget shows as NAME.png. */
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

static GtkWidget *
find_widget (GtkWidget *widget, GType type, const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *text = NULL;

      if (GTK_IS_BUTTON (widget))
        text = gtk_button_get_label (GTK_BUTTON (widget));
      else if (ADW_IS_PREFERENCES_ROW (widget))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      if (label == NULL || g_strcmp0 (text, label) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                     heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gint64
add_person (CrStore *store)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, "Grace");
  cr_person_set_family_name (person, "Okafor");
  cr_person_set_email (person, "grace.okafor@example.org");
  cr_person_set_consent (person, TRUE, "2026-03-14");
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_consent_from_editor (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "consent.commonroom", NULL);
  g_autoptr (CrStore) store =
      cr_store_create (path, "Lantern Court TRA", &error);
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  CrConsent         photos = { 0 };
  CrPersonEditor   *editor;
  AdwMessageDialog *dialog;
  GtkWidget        *withdraw;
  gint64            id;

  g_assert_no_error (error);
  id = add_person (store);
  photos.person_id = id;
  photos.purpose = CR_CONSENT_PHOTOS;
  photos.method = CR_CONSENT_BY_VERBAL;
  photos.given_on = "2026-05-02";
  cr_store_add_consent (store, &photos, &error);
  g_assert_no_error (error);

  person = cr_store_get_person (store, id, NULL, &error);
  editor = cr_person_editor_new (store, person);
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 760);
  gtk_window_present (GTK_WINDOW (editor));
  settle ();
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                 "_Subject Access Report…"));
  g_assert_nonnull (
      find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Consent…"));

  /* The consents, each with how and when. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.consent", NULL));
  settle ();
  dialog = find_dialog ("Consent of Grace Okafor");
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                 "Contact by post, phone or email"));
  g_assert_nonnull (
      find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Photographs"));
  screenshot (GTK_WIDGET (dialog), "consent-dialog");

  /* Withdraw the consent to be contacted: one click, recorded today. */
  withdraw = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Withdraw");
  g_assert_nonnull (withdraw);
  g_signal_emit_by_name (withdraw, "clicked");
  settle ();
  g_clear_object (&person);
  person = cr_store_get_person (store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cr_person_get_consent_to_contact (person));
  consents = cr_store_list_consents (store, id, &error);
  g_assert_cmpstr (
      ((CrConsent *) g_ptr_array_index (consents, 0))->withdrawn_on, ==,
      "2026-11-25");
  dialog = find_dialog ("Consent of Grace Okafor");
  g_assert_nonnull (dialog);
  screenshot (GTK_WIDGET (dialog), "consent-dialog-withdrawn");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The editor's switch follows: saving it now keeps the withdrawal (and
   * closes the editor). */
  g_assert_false (gtk_switch_get_active (
      GTK_SWITCH (find_widget (GTK_WIDGET (editor), GTK_TYPE_SWITCH, NULL))));
  screenshot (GTK_WIDGET (editor), "person-editor-privacy");
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_clear_object (&person);
  person = cr_store_get_person (store, id, NULL, &error);
  g_assert_false (cr_person_get_consent_to_contact (person));
  g_clear_pointer (&consents, g_ptr_array_unref);
  consents = cr_store_list_consents (store, id, &error);
  g_assert_cmpuint (consents->len, ==, 2);
  settle ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  int              ret;

  tmpdir = g_dir_make_tmp ("cr-test-consent-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  data_home = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("CR_TODAY", "2026-11-25", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/consent-dialog/from-editor", test_consent_from_editor);

  ret = g_test_run ();
  remove_tree (tmpdir);
  return ret;
}
