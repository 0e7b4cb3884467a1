/* test-workplan-page.c: the Work Plan page on the demo association, under
 * Xvfb; with CR_SCREENSHOT_DIR set it saves what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-date.h"
#include "cr-demo.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-store-workplan.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"
#include "cr-workplan-page.h"

#include <glib/gstdio.h>
#include <string.h>

#define TODAY "2026-11-23"

static char *tmpdir;

static void
settle (CrWindow *window)
{
  cr_test_settle_full (cr_test_window_busy, window, 6);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel       *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (win) &&
          gtk_widget_get_visible (GTK_WIDGET (win)))
        last = ADW_MESSAGE_DIALOG (win);
    }
  return last;
}

/* Scrolls the page's visible scrolled window to its end. */
static void
scroll_to_end (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adj =
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_end (child);
}

/* The mapped action row titled @title. */
static GtkWidget *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                 title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
find_review (const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store =
      cr_store_open (path, CR_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) reviews = NULL;

  g_assert_no_error (error);
  reviews = cr_store_list_reviews (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    if (g_str_equal (((CrReview *) reviews->pdata[i])->title, title))
      return ((CrReview *) reviews->pdata[i])->id;
  g_assert_not_reached ();
  return 0;
}

static void
test_page (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "plan.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrWorkplanPage   *page;
  AdwMessageDialog *dialog;
  CrWindow         *window;
  gint64            repairs;

  cr_test_make_demo (path, 120);
  repairs = find_review (path, "Responsive repairs");

  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  g_assert_nonnull (cr_window_get_store (window));

  /* Alt+8's action shows the page, on the scrutiny panel's plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "workplan"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "workplan");
  page = CR_WORKPLAN_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_WORKPLAN_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (cr_workplan_page_get_n_priorities (page), ==, 4);
  g_assert_cmpuint (cr_workplan_page_get_n_reviews (page), ==, 3);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (page), "Priorities for 2026"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page),
                                      "1. Repairs done right first time"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Responsive repairs"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Requests overdue"));
  cr_test_screenshot (GTK_WIDGET (window), "workplan");

  /* The priority form offers the panel's members as leads. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "workplan.add-priority", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (
                        g_object_get_data (G_OBJECT (dialog), "lead"))),
                    >, 1);
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-add-priority");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_cmpuint (cr_workplan_page_get_n_priorities (page), ==, 4);

  /* A fourth review is over the panel's limit: the form says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "workplan.add-review", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "title"),
                         "Estate cleaning");
  settle (window);
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-add-review");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (
      cr_test_shows_text (GTK_WIDGET (dialog), "reviews-per-year-max"));
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-refused");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_cmpuint (cr_workplan_page_get_n_reviews (page), ==, 3);

  /* The review part way through: stages, the overdue requests, and the
   * recommendations awaiting a response. */
  cr_workplan_page_show_review (page, repairs);
  settle (window);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Responsive repairs"));
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (page), "10. Findings report"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Overdue"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Late"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Awaiting response"));
  cr_test_screenshot (GTK_WIDGET (window), "workplan-review");

  /* A stage done before the findings it comments on is refused, with
   * the reason; a right date is saved and shown. */
  {
    GtkWidget *row = find_row (GTK_WIDGET (page), "11. Management comments");

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    settle (window);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "done"),
                           "01/10/2026");
    cr_test_screenshot (GTK_WIDGET (dialog), "workplan-stage");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle (window);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_true (
        cr_test_shows_text (GTK_WIDGET (dialog), "stages follow each other"));
    cr_test_screenshot (GTK_WIDGET (dialog), "workplan-stage-refused");
    adw_message_dialog_response (dialog, "close");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle (window);

    row = find_row (GTK_WIDGET (page), "11. Management comments");
    g_signal_emit_by_name (row, "activated");
    settle (window);
    dialog = find_dialog ();
    gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "done"),
                           "20/11/2026");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle (window);
    g_assert_null (find_dialog ());
    g_assert_true (cr_test_shows_text (GTK_WIDGET (page), "done 20/11/2026"));
  }

  /* A request with no due date takes the rules' 28 days. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "workplan.add-request", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "to"),
                         "Customer Feedback Officer");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "what"),
                         "Complaints about missed appointments");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "sent"),
                         "20/11/2026");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_null (find_dialog ());
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page),
                                      "Complaints about missed appointments"));
  g_assert_true (cr_test_shows_text (GTK_WIDGET (page),
                                     "sent 20/11/2026, due 18/12/2026"));

  /* A blank recommendation is refused with a sentence. */
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "workplan.add-recommendation", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (dialog), "Write the recommendation."));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  scroll_to_end (GTK_WIDGET (page));
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "workplan-review-requests");

  /* The signed-off review's recommendations, followed up. */
  cr_workplan_page_show_review (
      page, find_review (path, "Anti-social behaviour case handling"));
  settle (window);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Needs an action"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (page), "Impact due soon"));
  scroll_to_end (GTK_WIDGET (page));
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "workplan-review-done");

  /* Back to the plan. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "workplan.back", NULL));
  settle (window);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (page), "Priorities for 2026"));

  /* The group the window's switcher picks (bound to group-id) is shown. */
  {
    gint64 committee =
        cr_store_find_group (cr_window_get_store (window), "Committee", NULL);

    g_assert_cmpint (committee, >, 0);
    g_object_set (page, "group-id", committee, NULL);
    settle (window);
    g_assert_cmpuint (cr_workplan_page_get_n_priorities (page), ==, 0);
    g_assert_true (cr_test_shows_text (GTK_WIDGET (page), "No priorities yet"));
    g_object_set (page, "group-id", (gint64) 0, NULL);
    settle (window);
    g_assert_cmpuint (cr_workplan_page_get_n_reviews (page), ==, 0);
  }

  /* Needs Attention shows what check says of the reviews. */
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (window), "win.show-page", "s", "attention"));
  settle (window);
  g_assert_true (
      cr_test_shows_text (GTK_WIDGET (window), "Review: Responsive repairs"));
  cr_test_screenshot (GTK_WIDGET (window), "workplan-attention");

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* Deleting a review, a request and a recommendation, each confirmed with
 * what goes; and the meeting picker for a recommendation's action. */
static void
test_delete (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "delete.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) recs = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (CrRecommendation) done = NULL;
  CrRecommendation *needs = NULL;
  CrWorkplanPage   *page;
  AdwMessageDialog *dialog;
  CrWindow         *window;
  CrStore          *store;
  GtkDropDown      *picker;
  GArray           *ids;
  gint64            repairs, asb, chosen, log_before;

  cr_test_make_demo (path, 120);
  repairs = find_review (path, "Responsive repairs");
  asb = find_review (path, "Anti-social behaviour case handling");

  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  store = cr_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "workplan"));
  settle (window);
  page = CR_WORKPLAN_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_WORKPLAN_PAGE));

  /* The action of an accepted recommendation, at a meeting chosen in the
   * picker: the latest is offered first, an earlier one can be taken. */
  cr_workplan_page_show_review (page, asb);
  settle (window);
  recs = cr_store_list_recommendations (store, asb, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < recs->len; i++)
    {
      CrRecommendation *c = recs->pdata[i];

      if ((c->response == CR_RESPONSE_ACCEPTED ||
           c->response == CR_RESPONSE_PARTLY) &&
          c->action_id == 0)
        needs = c;
    }
  g_assert_nonnull (needs);
  {
    g_autofree char *title =
        g_strdup_printf ("%u. %s", needs->position, needs->text);
    g_autofree char *today = cr_date_today_iso ();
    GtkWidget       *row = find_row (GTK_WIDGET (page), title);

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    settle (window);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    picker = g_object_get_data (G_OBJECT (dialog), "meeting");
    g_assert_nonnull (picker);
    ids = g_object_get_data (G_OBJECT (picker), "ids");
    g_assert_cmpuint (ids->len, >=, 2);
    g_assert_cmpuint (gtk_drop_down_get_selected (picker), ==, 0);
    g_assert_cmpint (
        g_array_index (ids, gint64, 0), ==,
        cr_store_find_meeting_for_review (store, asb, today, NULL));
    gtk_drop_down_set_selected (picker, 1);
    chosen = g_array_index (ids, gint64, 1);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "owner"),
                           "Community Safety Manager");
    settle (window);
    cr_test_screenshot (GTK_WIDGET (dialog), "workplan-action-meeting");
    adw_message_dialog_response (dialog, "action");
    gtk_window_destroy (GTK_WINDOW (dialog));
    settle (window);
    g_assert_null (find_dialog ());
  }
  actions = cr_store_list_actions (store, chosen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, >=, 1);
  g_assert_true (g_str_has_suffix (
      ((CrAction *) actions->pdata[actions->len - 1])->description,
      needs->text));
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* Deleting that recommendation keeps its action in the log. */
  actions = cr_store_list_action_log (store, CR_ACTIONS_ALL, 0, &error);
  log_before = actions->len;
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "workplan.delete-recommendation", "x", needs->id));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (dialog), "stays in the action log"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==,
                   "cancel");
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-delete-recommendation");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  done = cr_store_get_recommendation (store, needs->id, NULL);
  g_assert_null (done);
  actions = cr_store_list_action_log (store, CR_ACTIONS_ALL, 0, &error);
  g_assert_cmpuint (actions->len, ==, log_before);
  g_clear_pointer (&actions, g_ptr_array_unref);

  /* A request of the review part way through. */
  cr_workplan_page_show_review (page, repairs);
  settle (window);
  requests = cr_store_list_review_requests (store, repairs, &error);
  g_assert_cmpuint (requests->len, >, 0);
  g_assert_true (gtk_widget_activate_action (
      GTK_WIDGET (page), "workplan.delete-request", "x",
      ((CrInfoRequest *) requests->pdata[0])->id));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (dialog), "The request to"));
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-delete-request");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  {
    g_autoptr (GPtrArray) left =
        cr_store_list_review_requests (store, repairs, &error);

    g_assert_cmpuint (left->len, ==, requests->len - 1);
  }

  /* The whole review: Cancel keeps it; Delete takes it, back to the plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "workplan.delete-review", NULL));
  settle (window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The review “Responsive repairs” goes, "
                                   "with "));
  cr_test_screenshot (GTK_WIDGET (dialog), "workplan-delete-review");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_nonnull (cr_store_get_review (store, repairs, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "workplan.delete-review", NULL));
  settle (window);
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  g_assert_null (cr_store_get_review (store, repairs, NULL));
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (page), "Priorities for 2026"));
  g_assert_cmpuint (cr_workplan_page_get_n_reviews (page), ==, 2);
  g_assert_false (
      cr_test_shows_label (GTK_WIDGET (page), "Responsive repairs"));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

int
main (int argc, char **argv)
{
  int status;

  tmpdir = cr_test_gtk_init (&argc, &argv, "cr-workplan-page-XXXXXX", TODAY);

  g_test_add_func ("/workplan-page/demo", test_page);
  g_test_add_func ("/workplan-page/delete", test_delete);
  status = g_test_run ();

  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
