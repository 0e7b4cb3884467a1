/* test-window.c: the window, driven as a user would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-people-model.h"
#include "cr-store-people.h"
#include "cr-actions-page.h"
#include "cr-attention-page.h"
#include "cr-import-dialog.h"
#include "cr-member-import.h"
#include "cr-person-editor.h"
#include "cr-store-conduct.h"
#include "cr-store-meetings.h"
#include "cr-window.h"

#include <glib/gstdio.h>

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static gboolean
tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the window has finished opening, then until
 * nothing is pending, so the views have bound their rows. */
static void
settle (CrWindow *window)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint timer = g_timeout_add (50, tick, NULL);

  while ((window != NULL && cr_window_get_busy (window)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (window == NULL || !cr_window_get_busy (window));

  /* Two frames' worth of layout and binding. */
  for (int i = 0; i < 4; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
  g_source_remove (timer);
}

static void
make_demo (const char *path,
           guint       members)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (path, CR_DEMO_ASSOCIATION_NAME,
                                               &error);
  CrDemoOptions options = { .members = members, .seed = 7 };

  g_assert_no_error (error);
  g_assert_true (cr_demo_fill (store, &options, &error));
  g_assert_no_error (error);
  cr_store_close (store);
}

static char *
first_person_name (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_open (path, CR_STORE_OPEN_READ_ONLY,
                                             &error);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (CrPerson) person = NULL;

  g_assert_no_error (error);
  ids = cr_store_list_person_ids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  person = cr_store_get_person (store, g_array_index (ids, gint64, 0), NULL,
                                &error);
  g_assert_no_error (error);
  return g_strdup (cr_person_get_name (person));
}

/* Whether a mapped label in @widget's tree reads @text: what a user sees. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (win) && gtk_widget_get_visible (GTK_WIDGET (win)))
        return ADW_MESSAGE_DIALOG (win);
    }
  return NULL;
}

static void
close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    {
      adw_message_dialog_response (dialog, "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      settle (NULL);
    }
}

/* With CR_SCREENSHOT_DIR set, saves what @widget shows as NAME.png, for a
 * person to look at; the test itself never depends on it. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("CR_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;

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
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static CrWindow *
new_window (void)
{
  CrWindow *window = cr_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  return window;
}

static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "recent-files");
  g_settings_reset (settings, "last-file");
  g_settings_reset (settings, "window-width");
}

static void
test_window_welcome (void)
{
  CrWindow *window;

  reset_settings ();
  window = new_window ();
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "welcome");
  g_assert_null (cr_window_get_store (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "Welcome to Common Room"));
  screenshot (GTK_WIDGET (window), "welcome");
  g_assert_false (shows_label (GTK_WIDGET (window), "Recent Associations"));
  /* Nothing to back up or close before a file is open. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window),
                                              "win.backup", NULL) &&
                  cr_window_get_store (window) != NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_open_demo_file (void)
{
  g_autofree char *path = tmp_path ("open-demo.commonroom");
  g_autofree char *first = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_auto (GStrv) recent = NULL;
  g_autofree char *last = NULL;
  CrWindow *window;
  GListModel *model;

  reset_settings ();
  make_demo (path, 300);
  first = first_person_name (path);

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);

  g_assert_nonnull (cr_window_get_store (window));
  g_assert_true (cr_store_is_writable (cr_window_get_store (window)));
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "members");
  model = cr_members_page_get_model (cr_window_get_members_page (window));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  /* The first person of the register is on screen, in a real row. */
  g_assert_true (shows_label (GTK_WIDGET (window), first));
  g_assert_true (shows_label (GTK_WIDGET (window), "300 people"));
  screenshot (GTK_WIDGET (window), "members");
  g_assert_true (shows_label (GTK_WIDGET (window), CR_DEMO_ASSOCIATION_NAME));

  /* Remembered for next time. */
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, path);
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, path);

  /* Closing the file goes back to the welcome page, which now offers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.close-file", NULL));
  settle (window);
  g_assert_null (cr_window_get_store (window));
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "welcome");
  g_assert_true (shows_label (GTK_WIDGET (window), "Recent Associations"));
  g_assert_true (shows_label (GTK_WIDGET (window), "open-demo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_empty_register (void)
{
  g_autofree char *path = tmp_path ("empty.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (path, "Birch House Residents",
                                               &error);
  CrWindow *window;

  g_assert_no_error (error);
  cr_store_close (store);

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "members");
  g_assert_true (shows_label (GTK_WIDGET (window), "No One in the Register Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_damaged_file (void)
{
  g_autofree char *path = tmp_path ("damaged.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  guint8 junk[4096];
  CrWindow *window;

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (char *) junk, sizeof junk, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);

  g_assert_null (cr_window_get_store (window));
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "welcome");
  g_assert_nonnull (find_dialog ());
  close_dialogs ();

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_locked_file (void)
{
  g_autofree char *path = tmp_path ("locked.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) writer = NULL;
  AdwMessageDialog *dialog;
  CrWindow *window;

  make_demo (path, 20);
  writer = cr_store_open (path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);

  /* Someone else is writing: the window says so and offers to read. */
  g_assert_null (cr_window_get_store (window));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  adw_message_dialog_response (dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);

  g_assert_nonnull (cr_window_get_store (window));
  g_assert_false (cr_store_is_writable (cr_window_get_store (window)));
  g_assert_cmpuint (g_list_model_get_n_items (
                      cr_members_page_get_model (cr_window_get_members_page (window))),
                    ==, 20);
  gtk_window_destroy (GTK_WINDOW (window));
  cr_store_close (writer);
}

static void
test_window_try_demo (void)
{
  CrWindow *window;
  g_autoptr (GError) error = NULL;
  gint64 count;

  window = new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo",
                                             NULL));
  settle (window);

  g_assert_nonnull (cr_window_get_store (window));
  g_assert_true (g_str_has_prefix (cr_store_get_path (cr_window_get_store (window)),
                                   tmpdir));
  count = cr_store_count_people (cr_window_get_store (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (
                      cr_members_page_get_model (cr_window_get_members_page (window))),
                    ==, count);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_search_and_sort (void)
{
  g_autofree char *path = tmp_path ("search.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrWindow *window;
  CrMembersPage *page;
  GListModel *model;
  GtkColumnView *view;
  g_autoptr (GtkColumnViewColumn) postcode = NULL;
  guint n;

  make_demo (path, 300);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  page = cr_window_get_members_page (window);
  model = cr_members_page_get_model (page);

  /* Ctrl+F puts the cursor in the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find",
                                             NULL));
  settle (window);
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (window))) &&
                 gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                          GTK_TYPE_SEARCH_ENTRY) != NULL);

  cr_members_page_search (page, "av1");
  settle (window);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 300);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrPerson) person = g_list_model_get_item (model, i);

      g_assert_true (g_str_has_prefix (cr_person_get_postcode (person), "AV1"));
    }
  g_assert_true (shows_label (GTK_WIDGET (window),
                              g_strdup_printf ("%u of 300 people", n)));

  cr_members_page_search (page, "no such person anywhere");
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (window), "No Matching People"));
  cr_members_page_search (page, "");
  settle (window);

  /* A click on the Postcode header, twice: descending postcodes. */
  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  postcode = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  gtk_column_view_sort_by_column (view, postcode, GTK_SORT_DESCENDING);
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  for (guint i = 1; i < 300; i++)
    {
      g_autoptr (CrPerson) a = g_list_model_get_item (model, i - 1);
      g_autoptr (CrPerson) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_ascii_strcasecmp (cr_person_get_postcode (a),
                                           cr_person_get_postcode (b)), >=, 0);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                 title) == 0)
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *editor,
           const char *title,
           const char *text)
{
  AdwEntryRow *row = find_entry_row (editor, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_window_add_person (void)
{
  g_autofree char *path = tmp_path ("editor.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) found = NULL;
  g_autoptr (CrPerson) stored = NULL;
  g_autoptr (GPtrArray) memberships = NULL;
  CrMembership *membership;
  CrWindow *window;
  CrMembersPage *page;
  GListModel *model;
  GtkWidget *editor;
  CrStore *store;
  gint64 before;

  make_demo (path, 40);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  page = cr_window_get_members_page (window);
  model = cr_members_page_get_model (page);
  store = cr_window_get_store (window);
  before = cr_store_count_people (store, NULL);

  /* Fill in the form as a secretary would; a bad email holds the save. */
  editor = GTK_WIDGET (cr_members_page_edit_person (page, NULL));
  g_assert_nonnull (editor);
  settle (window);
  type_into (editor, "Given name", "Olúwaṣeun");
  type_into (editor, "Family name", "O’Connor-Adébáyọ̀");
  type_into (editor, "Address", "Flat 12, Heron Court");
  type_into (editor, "Postcode", "av9 9zq");
  type_into (editor, "Email", "seun at example.org");
  settle (window);
  screenshot (editor, "editor-new-invalid");
  g_assert_false (cr_person_editor_is_valid (CR_PERSON_EDITOR (editor)));
  g_assert_false (gtk_widget_activate_action (editor, "editor.save", NULL) &&
                  cr_store_count_people (store, NULL) != before);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, before);
  g_assert_true (shows_label (editor, "“seun at example.org” doesn’t look like "
                                      "an email address. It should look like "
                                      "name@example.org."));

  type_into (editor, "Email", "seun@example.org");
  settle (window);
  g_assert_true (cr_person_editor_is_valid (CR_PERSON_EDITOR (editor)));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  settle (window);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, before + 1);

  /* Found by a fragment of the postcode, tidied on the way in. */
  cr_members_page_search (page, "9zq");
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cr_person_get_name (found), ==, "Olúwaṣeun O’Connor-Adébáyọ̀");
  g_assert_cmpstr (cr_person_get_postcode (found), ==, "AV9 9ZQ");
  g_assert_cmpint (cr_person_get_status (found), ==, CR_PERSON_STATUS_CURRENT);

  /* End the membership the editor made; the store and the list agree. */
  memberships = cr_store_list_memberships (store, cr_person_get_id (found),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memberships->len, ==, 1);
  membership = g_ptr_array_index (memberships, 0);
  g_assert_cmpstr (membership->start_date, ==, "2026-11-23");
  editor = GTK_WIDGET (cr_members_page_edit_person (page, found));
  settle (window);
  g_assert_true (shows_label (editor, "Voting member since 23/11/2026"));
  screenshot (editor, "editor-existing");
  g_assert_true (cr_person_editor_end_membership (CR_PERSON_EDITOR (editor),
                                                  membership->id, "2026-11-23",
                                                  CR_END_MOVED_AWAY, &error));
  g_assert_no_error (error);
  settle (window);
  g_assert_true (shows_label (editor, "Voting member, 23/11/2026 to "
                                      "23/11/2026: Moved away"));
  gtk_window_destroy (GTK_WINDOW (editor));

  g_clear_pointer (&memberships, g_ptr_array_unref);
  memberships = cr_store_list_memberships (store, cr_person_get_id (found),
                                           &error);
  membership = g_ptr_array_index (memberships, 0);
  g_assert_cmpstr (membership->end_date, ==, "2026-11-23");
  g_assert_cmpint (membership->end_reason, ==, CR_END_MOVED_AWAY);
  stored = cr_store_get_person (store, cr_person_get_id (found), "2026-11-24",
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_person_get_status (stored), ==, CR_PERSON_STATUS_FORMER);

  /* A suspension shows in the register while it lasts. */
  {
    CrConductEvent event = { .person_id = cr_person_get_id (found),
                             .kind = CR_CONDUCT_SUSPENSION,
                             .start_date = "2026-11-01",
                             .end_date = "2026-12-31",
                             .reason = "Threatened a neighbour at a meeting" };
    g_autoptr (CrPerson) again = NULL;

    cr_store_add_conduct (store, &event, &error);
    g_assert_no_error (error);
    editor = GTK_WIDGET (cr_members_page_edit_person (page, found));
    settle (window);
    g_assert_true (shows_label (editor, "Threatened a neighbour at a meeting"));
    {
      GtkScrolledWindow *scrolled =
        GTK_SCROLLED_WINDOW (find_widget (editor, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      settle (window);
      screenshot (editor, "editor-conduct");
    }
    gtk_window_destroy (GTK_WINDOW (editor));
    g_assert_true (cr_people_model_person_changed (CR_PEOPLE_MODEL (model),
                                                   cr_person_get_id (found),
                                                   &error));
    settle (window);
    again = g_list_model_get_item (model, 0);
    g_assert_cmpstr (cr_person_get_sanction (again), ==, "suspension");
    g_assert_true (shows_label (GTK_WIDGET (window), "Suspended"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_import (void)
{
  g_autofree char *path = tmp_path ("import.commonroom");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "members",
                                                "bad-rows.csv", NULL);
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "members",
                                                  "basic.csv", NULL);
  g_autofree char *not_csv = g_test_build_filename (G_TEST_DIST, "data",
                                                    "members", "not-a-csv.xlsx",
                                                    NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrImportDialog *dialog;
  CrMembersPage *page;
  CrWindow *window;
  guint before;

  make_demo (path, 20);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  page = cr_window_get_members_page (window);
  before = cr_people_model_get_n_total (CR_PEOPLE_MODEL (cr_members_page_get_model (page)));

  /* Problem rows are listed with their lines; Import stays off. */
  dialog = CR_IMPORT_DIALOG (cr_members_page_import_file (page, bad));
  g_assert_nonnull (dialog);
  settle (window);
  g_assert_cmpuint (cr_import_dialog_get_n_problems (dialog), ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Line 3"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Line 5"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "2 rows need correcting"));
  screenshot (GTK_WIDGET (dialog), "import-problems");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL) &&
                  cr_people_model_get_n_total (CR_PEOPLE_MODEL (cr_members_page_get_model (page))) != before);
  /* Telling it the email column is not to be imported clears one. */
  cr_import_dialog_set_column (dialog, 2, CR_MEMBER_FIELD_IGNORE);
  settle (window);
  g_assert_cmpuint (cr_import_dialog_get_n_problems (dialog), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A good file: counted, then imported. */
  dialog = CR_IMPORT_DIALOG (cr_members_page_import_file (page, basic));
  settle (window);
  g_assert_cmpuint (cr_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_cmpuint (cr_import_dialog_get_n_to_add (dialog), ==, 5);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "5 people will be added"));
  screenshot (GTK_WIDGET (dialog), "import-ready");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  settle (window);
  g_assert_cmpuint (cr_people_model_get_n_total (CR_PEOPLE_MODEL (cr_members_page_get_model (page))),
                    ==, before + 5);
  g_assert_true (shows_label (GTK_WIDGET (window), "Added 5 people"));

  /* Again: nobody twice. */
  dialog = CR_IMPORT_DIALOG (cr_members_page_import_file (page, basic));
  settle (window);
  g_assert_cmpuint (cr_import_dialog_get_n_to_add (dialog), ==, 0);
  g_assert_cmpuint (cr_import_dialog_get_n_present (dialog), ==, 5);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The register goes out as a workbook from the same page. */
  {
    g_autofree char *xlsx = tmp_path ("register.xlsx");

    g_assert_true (cr_members_page_export_file (page, xlsx, FALSE));
    settle (window);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
    g_assert_false (cr_members_page_export_file (page, "/nonexistent/dir/r.xlsx",
                                                 FALSE));
    settle (window);
    g_assert_nonnull (find_dialog ());
    close_dialogs ();
  }

  /* A workbook not saved as CSV is refused with a word of advice. */
  g_assert_null (cr_members_page_import_file (page, not_csv));
  settle (window);
  g_assert_nonnull (find_dialog ());
  close_dialogs ();

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_restore (void)
{
  g_autofree char *path = tmp_path ("restore.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) keep = cr_person_new ();
  g_autoptr (CrPerson) regret = cr_person_new ();
  AdwMessageDialog *dialog;
  CrWindow *window;

  make_demo (path, 12);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  cr_person_set_given_name (keep, "Kept");
  cr_person_set_family_name (keep, "Person");
  g_assert_cmpint (cr_store_add_person (cr_window_get_store (window), keep, &error), >, 0);
  /* Closing after a change leaves a backup. */
  cr_window_close_file (window);
  settle (window);
  backups = cr_store_list_backups (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);

  cr_window_open_file (window, file);
  settle (window);
  cr_person_set_family_name (regret, "Regretted");
  g_assert_cmpint (cr_store_add_person (cr_window_get_store (window), regret, &error), >, 0);
  g_assert_cmpint (cr_store_count_people (cr_window_get_store (window), NULL), ==, 14);

  /* The chooser lists the backup with its count. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "on close, 13 people"));
  screenshot (GTK_WIDGET (dialog), "restore");
  close_dialogs ();

  g_assert_true (cr_window_restore (window, path,
                                    ((CrBackup *) backups->pdata[0])->path,
                                    &error));
  g_assert_no_error (error);
  settle (window);
  g_assert_nonnull (cr_window_get_store (window));
  g_assert_cmpint (cr_store_count_people (cr_window_get_store (window), NULL), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (
                      cr_members_page_get_model (cr_window_get_members_page (window))),
                    ==, 13);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_meetings (void)
{
  g_autofree char *path = tmp_path ("meetings.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrMeeting) meeting = cr_meeting_new ();
  g_autoptr (GPtrArray) records = NULL;
  CrMeetingsPage *page;
  CrWindow *window;
  gint64 id;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Heron Court TRA", &error);
    const char *names[][2] = { { "Amina", "Shah" }, { "Bill", "Evans" },
                               { "Chidi", "Okafor" }, { "Dana", "Ward" },
                               { "Eve", "Adams" } };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr (CrPerson) p = cr_person_new ();
        gint64 pid;

        cr_person_set_given_name (p, names[i][0]);
        cr_person_set_family_name (p, names[i][1]);
        pid = cr_store_add_person (store, p, &error);
        g_assert_no_error (error);
        cr_store_add_membership (store, pid, cr_store_get_association_group (store),
                                 CR_MEMBERSHIP_VOTING, "2025-01-01", &error);
        g_assert_no_error (error);
      }
    meeting->group_id = cr_store_get_association_group (store);
    meeting->date = g_strdup ("2026-11-10");
    meeting->start_time = g_strdup ("19:00");
    meeting->venue = g_strdup ("Community room");
    id = cr_store_add_meeting (store, meeting, &error);
    g_assert_no_error (error);
    {
      const char *titles[] = { "Apologies", "Minutes of the last meeting",
                               "Repairs to the lifts", "Any other business" };

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          g_autoptr (CrAgendaItem) item = cr_agenda_item_new ();

          item->meeting_id = id;
          item->title = g_strdup (titles[i]);
          item->is_aob = i == 3;
          item->standing = i < 2;
          item->minutes = g_strdup (i == 2 ? "The council has not replied to our "
                                             "letter of 3 October. Members reported "
                                             "the north lift out of order twice." : "");
          cr_store_add_agenda_item (store, item, &error);
          g_assert_no_error (error);
        }
    }
    cr_store_close (store);
  }

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "meetings"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "meetings");
  page = cr_window_get_meetings_page (window);
  g_assert_cmpuint (cr_meetings_page_get_n_meetings (page), ==, 1);
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, id);

  /* Adams, Evans, Okafor, Shah, Ward: one click each. */
  g_assert_true (cr_meetings_page_mark (page, 0, CR_ATTENDANCE_PRESENT));
  g_assert_true (cr_meetings_page_mark (page, 1, CR_ATTENDANCE_PRESENT));
  settle (window);
  g_assert_nonnull (strstr (cr_meetings_page_get_quorum_text (page), "Not quorate"));
  g_assert_true (cr_meetings_page_mark (page, 2, CR_ATTENDANCE_APOLOGIES));
  g_assert_true (cr_meetings_page_mark (page, 3, CR_ATTENDANCE_PRESENT));
  g_assert_true (cr_meetings_page_mark (page, 4, CR_ATTENDANCE_ABSENT));
  settle (window);
  g_assert_cmpstr (cr_meetings_page_get_quorum_text (page), ==,
                   "Quorate: 3 voting members present, 3 needed");
  g_assert_true (shows_label (GTK_WIDGET (window), "Quorate: 3 voting members present, 3 needed"));
  screenshot (GTK_WIDGET (window), "meetings-attendance");
  {
    AdwViewStack *tabs = ADW_VIEW_STACK (find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));

    adw_view_stack_set_visible_child_name (tabs, "agenda");
    settle (window);
    g_assert_true (shows_label (GTK_WIDGET (window), "3. Repairs to the lifts"));
    g_assert_true (shows_label (GTK_WIDGET (window), "4. Any other business"));
    screenshot (GTK_WIDGET (window), "meetings-agenda");
    adw_view_stack_set_visible_child_name (tabs, "attendance");
  }

  /* An action agreed there shows in the "You said, we did" log. */
  {
    g_autoptr (CrAction) action = cr_action_new ();
    CrActionsPage *log;

    action->meeting_id = id;
    action->description = g_strdup ("Write to the council about the lifts");
    action->owner_text = g_strdup ("Secretary");
    action->due_date = g_strdup ("2026-12-01");
    g_assert_cmpint (cr_store_add_action (cr_window_get_store (window), action, &error), >, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                               "s", "actions"));
    settle (window);
    log = CR_ACTIONS_PAGE (find_widget (GTK_WIDGET (window), CR_TYPE_ACTIONS_PAGE));
    g_assert_cmpuint (cr_actions_page_get_n_shown (log), ==, 1);
    g_assert_true (shows_label (GTK_WIDGET (window), "Write to the council about the lifts"));
    screenshot (GTK_WIDGET (window), "actions-log");
  }

  /* The store agrees, and the meeting is now held. */
  records = cr_store_list_attendance (cr_window_get_store (window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 5);
  {
    g_autoptr (CrMeeting) held = cr_store_get_meeting (cr_window_get_store (window), id, &error);

    g_assert_cmpint (held->status, ==, CR_MEETING_STATUS_HELD);
    g_assert_cmpint (held->quorate, ==, CR_QUORATE_YES);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_meetings_demo (void)
{
  g_autofree char *path = tmp_path ("meetings-demo.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrMeetingsPage *page;
  CrWindow *window;

  make_demo (path, 300);
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "meetings"));
  settle (window);
  page = cr_window_get_meetings_page (window);
  /* The demo's meetings are listed and the latest held one is shown. */
  g_assert_cmpuint (cr_meetings_page_get_n_meetings (page), >, 10);
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), >, 0);
  g_assert_nonnull (cr_meetings_page_get_quorum_text (page));
  screenshot (GTK_WIDGET (window), "meetings-demo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "actions"));
  settle (window);
  screenshot (GTK_WIDGET (window), "actions-demo");

  /* The demo keeps some rules badly on purpose: the rules say where. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "attention"));
  settle (window);
  {
    CrAttentionPage *attention =
      CR_ATTENTION_PAGE (find_widget (GTK_WIDGET (window), CR_TYPE_ATTENTION_PAGE));

    g_assert_cmpuint (cr_attention_page_get_n_items (attention), >, 0);
  }
  screenshot (GTK_WIDGET (window), "attention-demo");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_saved (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  CrWindow *window;

  reset_settings ();
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 634);
  settle (window);
  gtk_window_close (GTK_WINDOW (window));
  settle (NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 634);

  window = new_window ();
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 812);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  tmpdir = g_dir_make_tmp ("cr-test-window-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  data_home = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("CR_TODAY", "2026-11-23", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/open-demo-file", test_window_open_demo_file);
  g_test_add_func ("/window/empty-register", test_window_empty_register);
  g_test_add_func ("/window/damaged-file", test_window_damaged_file);
  g_test_add_func ("/window/locked-file", test_window_locked_file);
  g_test_add_func ("/window/try-demo", test_window_try_demo);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/search-and-sort", test_window_search_and_sort);
  g_test_add_func ("/window/add-person", test_window_add_person);
  g_test_add_func ("/window/import", test_window_import);
  g_test_add_func ("/window/restore", test_window_restore);
  g_test_add_func ("/window/meetings", test_window_meetings);
  g_test_add_func ("/window/meetings-demo", test_window_meetings_demo);

  ret = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
