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
#include "cr-training-page.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs the main loop until the window has finished opening, then until
 * nothing is pending (two frames' worth of layout and binding), so the
 * views have bound their rows. */
static void
settle (CrWindow *window)
{
  g_assert_true (cr_test_settle_full (cr_test_window_busy, window, 4));
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

static void
close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = cr_test_find_dialog ()) != NULL)
    {
      adw_message_dialog_response (dialog, "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      settle (NULL);
    }
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
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Welcome to Common Room"));
  cr_test_screenshot (GTK_WIDGET (window), "welcome");
  g_assert_false (
      cr_test_shows_label (GTK_WIDGET (window), "Recent Associations"));
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
  cr_test_make_demo (path, 300);
  first = first_person_name (path);

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);

  g_assert_nonnull (cr_window_get_store (window));
  g_assert_true (cr_store_is_writable (cr_window_get_store (window)));
  /* The Overview comes first; the register is Alt+2 away. */
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "members"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "members");
  model = cr_members_page_get_model (cr_window_get_members_page (window));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  /* The first person of the register is on screen, in a real row. */
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), first));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "300 people"));
  cr_test_screenshot (GTK_WIDGET (window), "members");
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), CR_DEMO_ASSOCIATION_NAME));

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
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Recent Associations"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "open-demo"));

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
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "members"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "members");
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "No One in the Register Yet"));
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
  g_assert_nonnull (cr_test_find_dialog ());
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

  cr_test_make_demo (path, 20);
  writer = cr_store_open (path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);

  /* Someone else is writing: the window says so and offers to read. */
  g_assert_null (cr_window_get_store (window));
  dialog = cr_test_find_dialog ();
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

  cr_test_make_demo (path, 300);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  /* The window opens on the Overview; this test is about the register. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members");
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
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window),
                              g_strdup_printf ("%u of 300 people", n)));

  cr_members_page_search (page, "no such person anywhere");
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "No Matching People"));
  cr_members_page_search (page, "");
  settle (window);

  /* A click on the Postcode header, twice: descending postcodes. */
  view = GTK_COLUMN_VIEW (
      cr_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
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

  cr_test_make_demo (path, 40);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  /* The window opens on the Overview; this test is about the register. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members");
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
  cr_test_screenshot (editor, "editor-new-invalid");
  g_assert_false (cr_person_editor_is_valid (CR_PERSON_EDITOR (editor)));
  g_assert_false (gtk_widget_activate_action (editor, "editor.save", NULL) &&
                  cr_store_count_people (store, NULL) != before);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, before);
  g_assert_true (
      cr_test_shows_label (editor, "“seun at example.org” doesn’t look like "
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
  g_assert_true (
      cr_test_shows_label (editor, "Voting member since 23/11/2026"));
  cr_test_screenshot (editor, "editor-existing");
  g_assert_true (cr_person_editor_end_membership (CR_PERSON_EDITOR (editor),
                                                  membership->id, "2026-11-23",
                                                  CR_END_MOVED_AWAY, &error));
  g_assert_no_error (error);
  settle (window);
  g_assert_true (cr_test_shows_label (editor, "Voting member, 23/11/2026 to "
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
    g_assert_true (
        cr_test_shows_label (editor, "Threatened a neighbour at a meeting"));
    {
      GtkScrolledWindow *scrolled =
        GTK_SCROLLED_WINDOW (
            cr_test_find_widget (editor, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      settle (window);
      cr_test_screenshot (editor, "editor-conduct");
    }
    gtk_window_destroy (GTK_WINDOW (editor));
    g_assert_true (cr_people_model_person_changed (CR_PEOPLE_MODEL (model),
                                                   cr_person_get_id (found),
                                                   &error));
    settle (window);
    again = g_list_model_get_item (model, 0);
    g_assert_cmpstr (cr_person_get_sanction (again), ==, "suspension");
    g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Suspended"));
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

  cr_test_make_demo (path, 20);
  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  /* The window opens on the Overview; this test is about the register. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members");
  settle (window);
  page = cr_window_get_members_page (window);
  before = cr_people_model_get_n_total (CR_PEOPLE_MODEL (cr_members_page_get_model (page)));

  /* Problem rows are listed with their lines; Import stays off. */
  dialog = CR_IMPORT_DIALOG (cr_members_page_import_file (page, bad));
  g_assert_nonnull (dialog);
  settle (window);
  g_assert_cmpuint (cr_import_dialog_get_n_problems (dialog), ==, 2);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog), "Line 3"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (dialog), "Line 5"));
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (dialog), "2 rows need correcting"));
  cr_test_screenshot (GTK_WIDGET (dialog), "import-problems");
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
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (dialog), "5 people will be added"));
  cr_test_screenshot (GTK_WIDGET (dialog), "import-ready");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  settle (window);
  g_assert_cmpuint (cr_people_model_get_n_total (CR_PEOPLE_MODEL (cr_members_page_get_model (page))),
                    ==, before + 5);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Added 5 people"));

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
    g_assert_nonnull (cr_test_find_dialog ());
    close_dialogs ();
  }

  /* Export asks who the register is for: a register for the council
   * never carries contact details, so that switch goes dim. */
  {
    AdwMessageDialog *ask;
    GtkWidget *contact, *council;

    cr_members_page_export (page);
    settle (window);
    ask = cr_test_find_dialog ();
    g_assert_nonnull (ask);
    contact = g_object_get_data (G_OBJECT (ask), "contact");
    council = g_object_get_data (G_OBJECT (ask), "council");
    g_assert_true (GTK_IS_SWITCH (contact) && GTK_IS_SWITCH (council));
    g_assert_true (gtk_widget_get_sensitive (contact));
    gtk_switch_set_active (GTK_SWITCH (council), TRUE);
    g_assert_false (gtk_widget_get_sensitive (contact));
    settle (window);
    cr_test_screenshot (GTK_WIDGET (ask), "export-register");
    adw_message_dialog_response (ask, "cancel");
    settle (window);
  }

  /* A workbook not saved as CSV is refused with a word of advice. */
  g_assert_null (cr_members_page_import_file (page, not_csv));
  settle (window);
  g_assert_nonnull (cr_test_find_dialog ());
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

  cr_test_make_demo (path, 12);
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
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (dialog), "on close, 13 people"));
  cr_test_screenshot (GTK_WIDGET (dialog), "restore");
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
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Quorate: 3 voting members present, 3 needed"));
  cr_test_screenshot (GTK_WIDGET (window), "meetings-attendance");
  {
    AdwViewStack *tabs = ADW_VIEW_STACK (
        cr_test_find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));

    adw_view_stack_set_visible_child_name (tabs, "agenda");
    settle (window);
    g_assert_true (
        cr_test_shows_label (GTK_WIDGET (window), "3. Repairs to the lifts"));
    g_assert_true (
        cr_test_shows_label (GTK_WIDGET (window), "4. Any other business"));
    cr_test_screenshot (GTK_WIDGET (window), "meetings-agenda");
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
    log = CR_ACTIONS_PAGE (
        cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_ACTIONS_PAGE));
    g_assert_cmpuint (cr_actions_page_get_n_shown (log), ==, 1);
    g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Write to the council about the lifts"));
    cr_test_screenshot (GTK_WIDGET (window), "actions-log");
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

/* The row of a list whose title is @title, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                 title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses @keyval where the keyboard focus is, as GTK delivers a key in
 * its bubble phase: to each key controller from the focused widget up to
 * the window, until one handles it. GTK 4 has no public way to make a
 * real key event, so this is as close as a test gets without an X
 * extension; the page's own handler does the rest. */
static gboolean
press_key (CrWindow *window,
           guint     keyval)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window));
       w != NULL;
       w = gtk_widget_get_parent (w))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) !=
              GTK_PHASE_BUBBLE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0,
                                 (GdkModifierType) 0, &handled);
          if (handled)
            return TRUE;
        }
    }
  return FALSE;
}

/* Issue 4's promise: a register of 20 marked with 20 keystrokes, no
 * dialog. Focus starts on the first name; each P, A or X marks the name
 * with the focus and moves on to the next. */
static void
test_window_mark_by_keys (void)
{
  g_autofree char *path = tmp_path ("keys.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  static const guint keys[] = { GDK_KEY_p, GDK_KEY_a, GDK_KEY_x, GDK_KEY_P };
  static const CrAttendanceMark marks[] = {
    CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_APOLOGIES, CR_ATTENDANCE_ABSENT,
    CR_ATTENDANCE_PRESENT,
  };
  gint64 ids[20];
  CrMeetingsPage *page;
  CrWindow *window;
  GtkWidget *row;
  gint64 id;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Heron Court TRA", &error);
    g_autoptr (CrMeeting) meeting = cr_meeting_new ();

    g_assert_no_error (error);
    /* Family names A… to T…, so the register's order is the loop's. */
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr (CrPerson) p = cr_person_new ();
        g_autofree char *family = g_strdup_printf ("%cmember", 'A' + i);

        cr_person_set_given_name (p, "Pat");
        cr_person_set_family_name (p, family);
        ids[i] = cr_store_add_person (store, p, &error);
        g_assert_no_error (error);
        cr_store_add_membership (store, ids[i], cr_store_get_association_group (store),
                                 CR_MEMBERSHIP_VOTING, "2025-01-01", &error);
        g_assert_no_error (error);
      }
    meeting->group_id = cr_store_get_association_group (store);
    meeting->date = g_strdup ("2026-11-10");
    id = cr_store_add_meeting (store, meeting, &error);
    g_assert_no_error (error);
    cr_store_close (store);
  }

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "meetings"));
  settle (window);
  page = cr_window_get_meetings_page (window);
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, id);

  row = find_row_titled (GTK_WIDGET (page), "Amember, Pat");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (press_key (window, keys[i % G_N_ELEMENTS (keys)]));
  settle (window);
  g_assert_null (cr_test_find_dialog ());
  cr_test_screenshot (GTK_WIDGET (window), "meetings-marked-by-keys");

  records = cr_store_list_attendance (cr_window_get_store (window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < records->len; i++)
    {
      CrAttendanceRecord *r = g_ptr_array_index (records, i);
      guint k;

      for (k = 0; k < G_N_ELEMENTS (ids) && ids[k] != r->person_id; k++)
        ;
      g_assert_cmpuint (k, <, G_N_ELEMENTS (ids));
      g_assert_cmpint (r->mark, ==, marks[k % G_N_ELEMENTS (marks)]);
      g_assert_cmpint (r->role, ==, CR_ATTENDEE_MEMBER);
    }
  /* Ten present of twenty, the default quorum of three met: the quorum
   * line followed the keys. */
  g_assert_nonnull (strstr (cr_meetings_page_get_quorum_text (page),
                            "Quorate: 10 voting members present"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button in @widget's tree whose tooltip is @tooltip, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A decision corrected and deleted from the minutes editor: the outcome
 * follows the corrected votes; deleting asks first. */
static void
test_window_decision_edit (void)
{
  g_autofree char *path = tmp_path ("decisions.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  CrMeetingsPage *page;
  AdwMessageDialog *dialog;
  CrWindow *window;
  GtkWidget *button;
  gint64 item_id;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Heron Court TRA", &error);
    g_autoptr (CrMeeting) meeting = cr_meeting_new ();
    g_autoptr (CrAgendaItem) item = cr_agenda_item_new ();
    g_autoptr (CrDecision) decision = cr_decision_new ();
    gint64 id;

    g_assert_no_error (error);
    meeting->group_id = cr_store_get_association_group (store);
    meeting->date = g_strdup ("2026-11-10");
    meeting->status = CR_MEETING_STATUS_HELD;
    id = cr_store_add_meeting (store, meeting, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr (CrPerson) p = cr_person_new ();
        gint64 pid;

        cr_person_set_given_name (p, "Sam");
        cr_person_set_family_name (p, i == 0 ? "Ahmed" : i == 1 ? "Brown" :
                                      i == 2 ? "Cole" : "Diaz");
        pid = cr_store_add_person (store, p, &error);
        g_assert_no_error (error);
        cr_store_add_membership (store, pid, meeting->group_id,
                                 CR_MEMBERSHIP_VOTING, "2025-01-01", &error);
        g_assert_no_error (error);
        cr_store_set_attendance (store, id, pid, CR_ATTENDANCE_PRESENT,
                                 CR_ATTENDEE_MEMBER, &error);
        g_assert_no_error (error);
      }
    item->meeting_id = id;
    item->title = g_strdup ("Play area");
    item_id = cr_store_add_agenda_item (store, item, &error);
    g_assert_no_error (error);
    decision->item_id = item_id;
    decision->text = g_strdup ("To ask for new swings");
    decision->method = CR_DECISION_VOTE;
    decision->votes_for = 3;
    decision->votes_against = 1;
    cr_store_add_decision (store, decision, TRUE, &error);
    g_assert_no_error (error);
    cr_store_close (store);
  }

  window = new_window ();
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "meetings"));
  settle (window);
  page = cr_window_get_meetings_page (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (
      cr_test_find_widget (GTK_WIDGET (page),
                                                                      ADW_TYPE_VIEW_STACK)),
                                         "agenda");
  settle (window);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page),
                              "Carried (3 for, 1 against, 0 abstaining): To ask for new swings"));

  /* Correct the count: one for, three against. */
  button = find_button (GTK_WIDGET (page), "Edit Decision…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle (window);
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "text"))),
                   ==, "To ask for new swings");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (dialog), "for")),
                   ==, 3);
  cr_test_screenshot (GTK_WIDGET (dialog), "decision-edit");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "for"), 1);
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "against"), 3);
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_null (cr_test_find_dialog ());
  decisions = cr_store_list_decisions (cr_window_get_store (window), item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_cmpint (((CrDecision *) decisions->pdata[0])->outcome, ==, CR_VOTE_DEFEATED);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page),
                              "Defeated (1 for, 3 against, 0 abstaining): To ask for new swings"));
  cr_test_screenshot (GTK_WIDGET (window), "decision-edited");
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* Deleting asks first; "Cancel" keeps it, "Delete" deletes it. */
  button = find_button (GTK_WIDGET (page), "Delete Decision…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle (window);
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  decisions = cr_store_list_decisions (cr_window_get_store (window), item_id, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  button = find_button (GTK_WIDGET (page), "Delete Decision…");
  g_signal_emit_by_name (button, "clicked");
  settle (window);
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  decisions = cr_store_list_decisions (cr_window_get_store (window), item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 0);
  g_assert_null (find_button (GTK_WIDGET (page), "Delete Decision…"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_meetings_demo (void)
{
  g_autofree char *path = tmp_path ("meetings-demo.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrMeetingsPage *page;
  CrWindow *window;

  cr_test_make_demo (path, 300);
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
  cr_test_screenshot (GTK_WIDGET (window), "meetings-demo");
  {
    AdwViewStack *tabs = ADW_VIEW_STACK (
        cr_test_find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));

    CrStore *store = cr_window_get_store (window);
    g_autoptr (GPtrArray) meetings = cr_store_list_meetings (store, 0, NULL);
    GtkWidget *edit;

    /* The minutes editor, at the newest meeting with a decision, scrolled
     * to it. */
    for (guint i = meetings->len; i-- > 0;)
      {
        CrMeeting *m = g_ptr_array_index (meetings, i);
        g_autoptr (GPtrArray) items = cr_store_list_agenda (store, m->id, NULL);
        gboolean found = FALSE;

        for (guint k = 0; items != NULL && k < items->len && !found; k++)
          {
            g_autoptr (GPtrArray) decisions =
              cr_store_list_decisions (store, ((CrAgendaItem *) items->pdata[k])->id, NULL);

            found = decisions != NULL && decisions->len > 0;
          }
        if (found)
          {
            g_assert_true (cr_meetings_page_select_meeting (page, m->id));
            break;
          }
      }
    adw_view_stack_set_visible_child_name (tabs, "agenda");
    settle (window);
    edit = find_button (GTK_WIDGET (page), "Edit Decision…");
    g_assert_nonnull (edit);
    gtk_widget_grab_focus (edit);
    settle (window);
    cr_test_screenshot (GTK_WIDGET (window), "minutes-demo");
    adw_view_stack_set_visible_child_name (tabs, "actions");
    settle (window);
    cr_test_screenshot (GTK_WIDGET (window), "meeting-actions-demo");
    adw_view_stack_set_visible_child_name (tabs, "attendance");
    /* Narrow, as on a small laptop or half a screen. */
    gtk_window_set_default_size (GTK_WINDOW (window), 640, 700);
    settle (window);
    {
      int min_page;

      /* The page fits half of a small laptop's screen; long group names
       * wrap instead of holding it wide. */
      gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_page, NULL, NULL, NULL);
      g_test_message ("the meetings page is at least %d px wide", min_page);
      g_assert_cmpint (min_page, <=, 640);
    }
    cr_test_screenshot (GTK_WIDGET (window), "meetings-demo-narrow");
    gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
    settle (window);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "actions"));
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "actions-demo");

  /* The demo keeps some rules badly on purpose: the rules say where. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "attention"));
  settle (window);
  {
    CrAttentionPage *attention =
      CR_ATTENTION_PAGE (
          cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_ATTENTION_PAGE));

    g_assert_cmpuint (cr_attention_page_get_n_items (attention), >, 0);
  }
  cr_test_screenshot (GTK_WIDGET (window), "attention-demo");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pages are built when first needed, so the window appears sooner: right
 * after a file opens only the Overview exists; a page asked for by its
 * shortcut, or by an item that opens a record on it, is built there and
 * then with the file; the light ones are built in the background, the
 * heavy ones only when asked for; a file opened next is given to every
 * page already built. */
static void
test_window_pages_on_demand (void)
{
  g_autofree char *path = tmp_path ("on-demand.commonroom");
  g_autofree char *empty_path = tmp_path ("on-demand-empty.commonroom");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GError) error = NULL;
  const GType page_types[] = {
    CR_TYPE_ATTENTION_PAGE, CR_TYPE_MEETINGS_PAGE, CR_TYPE_MEMBERS_PAGE,
    CR_TYPE_TRAINING_PAGE,
  };
  CrTrainingPage *training;
  CrMeeting *meeting;
  CrWindow *window;

  reset_settings ();
  cr_test_make_demo (path, 120);
  {
    g_autoptr (CrStore) made = cr_store_create (empty_path, "Empty TRA", &error);

    g_assert_no_error (error);
    cr_store_close (made);
  }

  window = new_window ();
  /* No page exists before a file is open. */
  g_assert_null (cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_MEMBERS_PAGE));
  cr_window_open_file (window, file);
  /* Until the file is open, and not one idle round after. */
  while (cr_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");
  g_assert_null (cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TRAINING_PAGE));
  g_assert_null (cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_MEETINGS_PAGE));

  /* An item that opens a meeting builds the Meetings page, with the file,
   * and selects the meeting there. */
  meetings = cr_store_list_meetings (cr_window_get_store (window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 1);
  meeting = g_ptr_array_index (meetings, 0);
  cr_window_show_meeting (window, meeting->id);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "meetings");
  g_assert_cmpint (cr_meetings_page_get_meeting_id (cr_window_get_meetings_page (window)),
                   ==, meeting->id);

  /* Alt+7 builds the Training page, which reads the file then (it may
   * read in the background: wait for it, up to about 20 s). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                             "s", "training"));
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "training");
  training = CR_TRAINING_PAGE (cr_test_find_widget (GTK_WIDGET (window),
                                                    CR_TYPE_TRAINING_PAGE));
  g_assert_nonnull (training);
  for (guint i = 0; i < 100 && cr_training_page_get_n_people (training) == 0; i++)
    settle (window);
  g_assert_cmpuint (cr_training_page_get_n_people (training), >, 0);

  /* The light ones are built while the window waits for the user; the
   * actions log, a heavy one, waits to be asked for. */
  settle (window);
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    g_assert_nonnull (cr_test_find_widget (GTK_WIDGET (window), page_types[i]));
  g_assert_null (cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_ACTIONS_PAGE));
  g_assert_cmpuint (g_list_model_get_n_items (cr_members_page_get_model (
                      cr_window_get_members_page (window))), ==, 120);

  /* Another file: every page built reads it. */
  cr_window_open_file (window, empty);
  settle (window);
  g_assert_cmpstr (cr_store_get_association_name (cr_window_get_store (window)), ==,
                   "Empty TRA");
  g_assert_cmpuint (g_list_model_get_n_items (cr_members_page_get_model (
                      cr_window_get_members_page (window))), ==, 0);
  g_assert_cmpuint (cr_meetings_page_get_n_meetings (cr_window_get_meetings_page (window)),
                    ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a label in @widget's tree (mapped or not) contains @part. */
static gboolean
has_text (GtkWidget  *widget,
          const char *part)
{
  if (GTK_IS_LABEL (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, part))
      return TRUE;
  return FALSE;
}

/* The menus are built the first time they open, not with the window, and
 * then hold their items. */
static void
test_window_menus_on_open (void)
{
  CrWindow *window;
  GtkMenuButton *button;
  GtkPopover *popover;

  reset_settings ();
  window = new_window ();
  button = GTK_MENU_BUTTON (cr_test_find_widget (GTK_WIDGET (window),
                                                 GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  settle (NULL);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (has_text (GTK_WIDGET (popover), "Keyboard Shortcuts"));
  cr_test_screenshot (GTK_WIDGET (popover), "welcome-menu");
  gtk_menu_button_popdown (button);
  /* Opened again, the same menu. */
  gtk_menu_button_popup (button);
  settle (NULL);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
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
  int ret;

  tmpdir =
      cr_test_gtk_init (&argc, &argv, "cr-test-window-XXXXXX", "2026-11-23");

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/open-demo-file", test_window_open_demo_file);
  g_test_add_func ("/window/empty-register", test_window_empty_register);
  g_test_add_func ("/window/damaged-file", test_window_damaged_file);
  g_test_add_func ("/window/locked-file", test_window_locked_file);
  g_test_add_func ("/window/try-demo", test_window_try_demo);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/pages-on-demand", test_window_pages_on_demand);
  g_test_add_func ("/window/menus-on-open", test_window_menus_on_open);
  g_test_add_func ("/window/search-and-sort", test_window_search_and_sort);
  g_test_add_func ("/window/add-person", test_window_add_person);
  g_test_add_func ("/window/import", test_window_import);
  g_test_add_func ("/window/restore", test_window_restore);
  g_test_add_func ("/window/meetings", test_window_meetings);
  g_test_add_func ("/window/meetings-demo", test_window_meetings_demo);
  g_test_add_func ("/window/meetings/mark-by-keys", test_window_mark_by_keys);
  g_test_add_func ("/window/meetings/decision-edit", test_window_decision_edit);

  ret = g_test_run ();

  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
