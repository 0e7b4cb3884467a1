/* test-meetings-page.c: the Meetings page's attendance rows in a narrow
 * and a wide window, under Xvfb; screenshots when CR_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-fold-box.h"
#include "cr-meetings-page.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <string.h>

static char *tmpdir;

/* Sixty characters, with spaces and a hyphen where a name has them. */
#define LONG_FAMILY "Fotheringham-Montgomery-Featherstonehaugh"
#define LONG_GIVEN  "Alexandrina Josephine"

static void
settle (CrWindow *window)
{
  cr_test_settle_full (cr_test_window_busy, window, 8);
}

/* The row of a list whose title is @title, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                 title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label in @row that shows @text, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As GTK delivers a key in its bubble phase, from the focus up; see
 * test-window.c for why a test cannot make a real key event. */
static gboolean
press_key (CrWindow *window, guint keyval)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL;
       w = gtk_widget_get_parent (w))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GObject) controller =
              g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              gtk_event_controller_get_propagation_phase (
                  GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_BUBBLE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0,
                                 (GdkModifierType) 0, &handled);
          if (handled)
            return TRUE;
        }
    }
  return FALSE;
}

static gint64
make_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (path, "Larch Court TRA", &error);
  g_autoptr (CrMeeting) meeting = cr_meeting_new ();
  static const char *const people[][2] = {
    { LONG_GIVEN, LONG_FAMILY },
    { "Ade", "Bakare" },
    { "Siobhan", "Doherty" },
    { "Wen", "Li" },
  };
  gint64 group, id;

  g_assert_no_error (error);
  group = cr_store_get_association_group (store);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (CrPerson) p = cr_person_new ();
      gint64 person;

      cr_person_set_given_name (p, people[i][0]);
      cr_person_set_family_name (p, people[i][1]);
      person = cr_store_add_person (store, p, &error);
      g_assert_no_error (error);
      cr_store_add_membership (store, person, group, CR_MEMBERSHIP_VOTING,
                               "2025-01-01", &error);
      g_assert_no_error (error);
    }
  meeting->group_id = group;
  meeting->date = g_strdup ("2026-11-10");
  meeting->venue = g_strdup ("Larch Court community room");
  id = cr_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);
  cr_store_close (store);
  return id;
}

/* Issue 4's leftover: at about 630 px the three mark buttons left a name
 * some 60 px, broken letter by letter. Narrow, the buttons go under the
 * name and the name has the row's width; wide, they sit beside it. */
static void
test_narrow_rows (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "narrow.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  const char     *title = LONG_FAMILY ", " LONG_GIVEN;
  CrMeetingsPage *page;
  CrWindow       *window;
  GtkWidget      *row, *fold, *name, *present;
  gint64          id;

  g_assert_cmpuint (strlen (title), ==, 64);
  id = make_file (path);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 630, 700);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "meetings"));
  settle (window);
  page = cr_window_get_meetings_page (window);
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, id);
  g_test_message ("the window is %d px wide",
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 640);

  row = find_row_titled (GTK_WIDGET (page), title);
  g_assert_nonnull (row);
  fold = cr_test_find_widget (row, CR_TYPE_FOLD_BOX);
  g_assert_nonnull (fold);
  name = find_label (row, title);
  g_assert_nonnull (name);
  present = cr_test_find_button (row, "_Present");
  g_assert_nonnull (present);
  cr_test_screenshot (GTK_WIDGET (window), "meetings-narrow-630");
  g_test_message ("narrow: name %d px wide, row %d px",
                  gtk_widget_get_width (name), gtk_widget_get_width (row));
  g_assert_true (cr_fold_box_get_folded (CR_FOLD_BOX (fold)));
  g_assert_cmpint (gtk_widget_get_width (name), >=, 200);
  /* The buttons are under the name, not beside it. */
  {
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (present, name,
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.y, >=, gtk_widget_get_height (name));
  }
  /* A short name is folded the same way, so the buttons line up. */
  g_assert_true (cr_fold_box_get_folded (CR_FOLD_BOX (cr_test_find_widget (
      find_row_titled (GTK_WIDGET (page), "Li, Wen"), CR_TYPE_FOLD_BOX))));

  /* Marking by key still works folded: P, A and X from the first name,
   * the third landing on the long one. */
  g_assert_true (gtk_widget_grab_focus (
      find_row_titled (GTK_WIDGET (page), "Bakare, Ade")));
  settle (window);
  g_assert_true (press_key (window, GDK_KEY_p));
  g_assert_true (press_key (window, GDK_KEY_a));
  g_assert_true (press_key (window, GDK_KEY_x));
  settle (window);
  records = cr_store_list_attendance (cr_window_get_store (window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_true (gtk_toggle_button_get_active (
      GTK_TOGGLE_BUTTON (cr_test_find_button (row, "Ab_sent"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (present)));
  cr_test_screenshot (GTK_WIDGET (window), "meetings-narrow-630-marked");

  /* Wide: the buttons beside the name, which still has room. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  settle (window);
  g_test_message ("wide: window %d px, row %d px, name %d px",
                  gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (fold), gtk_widget_get_width (name));
  cr_test_screenshot (GTK_WIDGET (window), "meetings-wide-1200");
  g_assert_false (cr_fold_box_get_folded (CR_FOLD_BOX (fold)));
  g_assert_cmpint (gtk_widget_get_width (name), >=, 200);
  {
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (present, name,
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.x, >=, gtk_widget_get_width (name));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* A federation's file holds thousands of meetings: the list builds the
 * newest hundred and offers the older ones a page at a time, and a
 * meeting opened from elsewhere is shown however old it is. */
static void
test_older_meetings (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "many.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CrMeetingsPage *page;
  CrWindow       *window;
  GtkWidget      *more;
  gint64          first = 0, last = 0;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Many Meetings TRA",
                                                 &error);
    g_autoptr (GDate) date = g_date_new_dmy (6, G_DATE_JANUARY, 2020);

    g_assert_no_error (error);
    for (guint i = 0; i < 250; i++)
      {
        g_autoptr (CrMeeting) meeting = cr_meeting_new ();
        char iso[16];

        g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
        meeting->group_id = cr_store_get_association_group (store);
        meeting->date = g_strdup (iso);
        last = cr_store_add_meeting (store, meeting, &error);
        g_assert_no_error (error);
        if (first == 0)
          first = last;
        g_date_add_days (date, 7);
      }
    cr_store_close (store);
  }

  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "meetings"));
  settle (window);
  page = cr_window_get_meetings_page (window);
  g_assert_cmpuint (cr_meetings_page_get_n_meetings (page), ==, 250);
  /* The newest is shown, and only a page of rows is built. */
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, last);
  /* Planned, nobody marked yet: what it will need, not "not quorate". */
  g_assert_cmpstr (cr_meetings_page_get_quorum_text (page), ==,
                   "Quorum: 3 voting members needed");
  more = cr_test_find_button (GTK_WIDGET (page), "Show 100 Older Meetings");
  g_assert_nonnull (more);
  cr_test_screenshot (GTK_WIDGET (window), "meetings-older");
  g_signal_emit_by_name (more, "clicked");
  settle (window);
  g_assert_null (cr_test_find_button (GTK_WIDGET (page),
                                      "Show 100 Older Meetings"));
  g_assert_nonnull (cr_test_find_button (GTK_WIDGET (page),
                                         "Show 50 Older Meetings"));
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, last);

  /* The oldest, as the Overview or Needs Attention would open it. */
  g_assert_true (cr_meetings_page_select_meeting (page, first));
  settle (window);
  g_assert_cmpint (cr_meetings_page_get_meeting_id (page), ==, first);
  g_assert_null (cr_test_find_button (GTK_WIDGET (page),
                                      "Show 50 Older Meetings"));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir = cr_test_gtk_init (&argc, &argv, "cr-test-meetings-page-XXXXXX",
                             "2026-11-23");
  g_test_add_func ("/meetings-page/narrow-rows", test_narrow_rows);
  g_test_add_func ("/meetings-page/older-meetings", test_older_meetings);
  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  return ret;
}
