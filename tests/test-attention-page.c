/* test-attention-page.c: Needs Attention under Xvfb: a former member kept
 * past the retention period is erased from their item; screenshots when
 * CR_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attention-page.h"
#include "cr-window.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"
#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <string.h>

static char *tmpdir;

static void
settle (void)
{
  cr_test_settle_full (NULL, NULL, 10);
}

/* A member of the association from 2012 who left on @left. */
static gint64
add_former (CrStore    *store,
            const char *given,
            const char *family,
            const char *left)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) memberships = NULL;
  gint64 id, group = cr_store_get_association_group (store);

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  cr_person_set_address (person, "Flat 2, Orchard House");
  cr_person_set_email (person, "former@example.org");
  cr_person_set_consent (person, TRUE, "2012-04-01");
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  cr_store_add_membership (store, id, group, CR_MEMBERSHIP_VOTING, "2012-04-01",
                           &error);
  g_assert_no_error (error);
  memberships = cr_store_list_memberships (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_end_membership (
      store, ((CrMembership *) g_ptr_array_index (memberships, 0))->id, left,
      CR_END_MOVED_AWAY, &error));
  g_assert_no_error (error);
  return id;
}

/* The Erase… buttons the page shows. */
static guint
count_erase_buttons (GtkWidget *widget)
{
  guint n =
      GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Erase…") == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_erase_buttons (child);
  return n;
}

static void
test_erase_from_retention_item (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "erase.commonroom", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *former = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GPtrArray) attendance = NULL;
  CrMeeting         meeting = { 0 };
  CrAttentionPage  *page;
  GtkWidget        *window, *button;
  AdwMessageDialog *dialog;
  const char       *body;
  gint64            olu, pat, meeting_id;
  guint             before;

  /* Two former members long gone, one of whom came to a meeting; the
   * association keeps former members' details for three years. */
  store = cr_store_create (path, "Orchard Estate TRA", &error);
  g_assert_no_error (error);
  olu = add_former (store, "Olu", "Adeyemi", "2020-03-31");
  pat = add_former (store, "Pat", "Byrne", "2021-06-30");
  meeting.group_id = cr_store_get_association_group (store);
  meeting.date = "2019-05-07";
  meeting.status = CR_MEETING_STATUS_HELD;
  meeting_id = cr_store_add_meeting (store, &meeting, &error);
  g_assert_no_error (error);
  cr_store_set_attendance (store, meeting_id, olu, CR_ATTENDANCE_PRESENT,
                           CR_ATTENDEE_MEMBER, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (cr_test_run_cli (&out, &err, path, "rules", "set",
                                    "retention-years", "3", NULL),
                   ==, 0);
  store = cr_store_open (path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  page = g_object_new (CR_TYPE_ATTENTION_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  cr_attention_page_set_store (page, store);
  gtk_window_present (GTK_WINDOW (window));
  cr_attention_page_reload (page);
  settle ();

  /* Each retention item has its own Erase…. */
  before = cr_attention_page_get_n_items (page);
  g_assert_cmpuint (before, >=, 2);
  g_assert_cmpuint (count_erase_buttons (GTK_WIDGET (page)), ==, 2);
  g_assert_true (cr_test_shows_text (GTK_WIDGET (page), "Olu Adeyemi"));
  cr_test_screenshot (window, "attention-retention");

  /* The confirmation says what goes and what stays; Cancel keeps all. */
  button = cr_test_find_button (GTK_WIDGET (page), "_Erase…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Erase the Details of Olu Adeyemi?");
  body = adw_message_dialog_get_body (dialog);
  former = g_strdup_printf ("Former member #%" G_GINT64_FORMAT, olu);
  quoted = g_strdup_printf ("“%s”", former);
  g_assert_nonnull (strstr (body, quoted));
  g_assert_nonnull (strstr (body, "1 membership"));
  g_assert_nonnull (strstr (body, "1 attendance mark"));
  g_assert_nonnull (strstr (body, "address, phone, email"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==,
                   "cancel");
  cr_test_screenshot (GTK_WIDGET (dialog), "attention-erase-dialog");
  adw_message_dialog_response (dialog, "cancel");
  settle ();
  person = cr_store_get_person (store, olu, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_person_get_name (person), ==, "Olu Adeyemi");
  g_assert_cmpuint (cr_attention_page_get_n_items (page), ==, before);

  /* Erase: the item goes, the name is gone from the file, and the
   * membership and attendance stay. */
  g_signal_emit_by_name (cr_test_find_button (GTK_WIDGET (page), "_Erase…"),
                         "clicked");
  settle ();
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "erase");
  settle ();
  g_assert_cmpuint (cr_attention_page_get_n_items (page), ==, before - 1);
  g_assert_cmpuint (count_erase_buttons (GTK_WIDGET (page)), ==, 1);
  g_assert_false (cr_test_shows_text (GTK_WIDGET (page), "Olu Adeyemi"));
  g_assert_true (cr_test_shows_text (GTK_WIDGET (page), "Pat Byrne"));
  cr_test_screenshot (window, "attention-after-erase");

  g_clear_object (&person);
  person = cr_store_get_person (store, olu, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_person_get_name (person), ==, former);
  g_assert_cmpstr (cr_person_get_address (person), ==, "");
  g_assert_cmpstr (cr_person_get_email (person), ==, "");
  attendance = cr_store_list_attendance (store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->len, ==, 1);
  g_clear_object (&person);
  person = cr_store_get_person (store, pat, NULL, &error);
  g_assert_cmpstr (cr_person_get_name (person), ==, "Pat Byrne");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Whether the register lists someone called @name. */
static gboolean
register_lists (GListModel *model, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CrPerson) person = g_list_model_get_item (model, i);

      if (g_strcmp0 (cr_person_get_name (person), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* In the window, a name erased from its item leaves the register too,
 * without reopening the file. */
static void
test_erase_in_window (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "window.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *former = NULL;
  GListModel       *model;
  AdwMessageDialog *dialog;
  CrWindow         *window;
  gint64            olu;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Orchard Estate TRA",
                                                 &error);

    g_assert_no_error (error);
    olu = add_former (store, "Olu", "Adeyemi", "2020-03-31");
  }
  g_assert_cmpint (cr_test_run_cli (&out, &err, path, "rules", "set",
                                    "retention-years", "3", NULL),
                   ==, 0);
  former = g_strdup_printf ("Former member #%" G_GINT64_FORMAT, olu);

  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  cr_test_settle_full (cr_test_window_busy, window, 10);
  cr_window_open_file (window, file);
  cr_test_settle_full (cr_test_window_busy, window, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "members"));
  cr_test_settle_full (cr_test_window_busy, window, 10);
  model = cr_members_page_get_model (cr_window_get_members_page (window));
  g_assert_true (register_lists (model, "Olu Adeyemi"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "attention"));
  cr_test_settle_full (cr_test_window_busy, window, 10);
  g_signal_emit_by_name (cr_test_find_button (GTK_WIDGET (window), "_Erase…"),
                         "clicked");
  settle ();
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "erase");
  cr_test_settle_full (cr_test_window_busy, window, 10);

  model = cr_members_page_get_model (cr_window_get_members_page (window));
  g_assert_false (register_lists (model, "Olu Adeyemi"));
  g_assert_true (register_lists (model, former));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir =
      cr_test_gtk_init (&argc, &argv, "cr-test-attention-XXXXXX", "2026-11-25");

  g_test_add_func ("/attention-page/retention/erase",
                   test_erase_from_retention_item);
  g_test_add_func ("/attention-page/retention/erase-in-window",
                   test_erase_in_window);

  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
