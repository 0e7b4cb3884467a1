/* test-training-page.c: the Training page and a person's training record,
 * on a demo file, under Xvfb; screenshots when CR_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-group.h"
#include "cr-person-editor.h"
#include "cr-person-training.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"
#include "cr-training-page.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

/* Busy while the window opens a file or its Training page reads one. */
static gboolean
window_or_page_busy (gpointer window)
{
  GtkWidget *page =
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TRAINING_PAGE);

  return cr_window_get_busy (window) ||
         (page != NULL && cr_training_page_get_loading (CR_TRAINING_PAGE (page)));
}

static void
settle (CrWindow *window)
{
  cr_test_settle_full (window_or_page_busy, window, 6);
}

static void
test_training_page (void)
{
  g_autofree char *path =
      g_build_filename (tmpdir, "training.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  CrTrainingPage *page;
  CrWindow       *window;
  CrStore        *store;
  GtkWidget      *dialog, *record;
  GPtrArray      *checks;
  GArray         *people;
  GtkDropDown    *course;
  gint64          panel, minutes, person;
  guint           n_minutes = 0;
  gint64          ticked[3];

  cr_test_make_demo (path, 300);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 1000);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  store = cr_window_get_store (window);
  g_assert_nonnull (store);

  /* Alt+7's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "training"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "training");
  page = CR_TRAINING_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TRAINING_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (cr_training_page_get_n_people (page), >, 0);
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Core Programme"));
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Certificates Expiring"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Skills Audit"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Course Catalogue"));
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "Welcome and induction"));
  cr_test_screenshot (GTK_WIDGET (window), "training-page");

  /* The panel: its threshold, and those below it first. */
  panel = cr_store_find_group (store, "Tenants’ Scrutiny Panel", &error);
  g_assert_no_error (error);
  cr_window_set_group_id (window, panel);
  settle (window);
  g_assert_cmpint (cr_training_page_get_group_id (page), ==, panel);
  g_assert_true (
      cr_test_shows_text (GTK_WIDGET (window), "at least 80% of the 4 core courses"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Below 80%"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Scrutiny"));
  cr_test_screenshot (GTK_WIDGET (window), "training-page-panel");
  /* The lists below: expiring certificates, skills, the catalogue. */
  {
    GtkWidget     *scrolled =
        cr_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj;

    g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
    adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    settle (window);
    g_assert_true (
        cr_test_shows_label (GTK_WIDGET (window), "Scrutiny in practice"));
    cr_test_screenshot (GTK_WIDGET (window), "training-page-panel-lower");
  }

  /* Record a session: three members ticked, one transaction. */
  minutes = cr_store_find_course (store, "Taking clear minutes", &error);
  g_assert_cmpint (minutes, >, 0);
  dialog = cr_training_page_record_session_dialog (page);
  settle (window);
  checks = g_object_get_data (G_OBJECT (dialog), "checks");
  people = g_object_get_data (G_OBJECT (dialog), "person-ids");
  g_assert_cmpuint (checks->len, ==, people->len);
  g_assert_cmpuint (checks->len, >=, 3);
  person = g_array_index (people, gint64, 0);
  before = cr_store_list_training (store, person, &error);
  course = g_object_get_data (G_OBJECT (dialog), "course");
  {
    GArray *course_ids = g_object_get_data (G_OBJECT (dialog), "course-ids");

    for (guint i = 0; i < course_ids->len; i++)
      if (g_array_index (course_ids, gint64, i) == minutes)
        gtk_drop_down_set_selected (course, i);
  }
  for (guint i = 0; i < 3; i++)
    {
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
      ticked[i] = g_array_index (people, gint64, i);
    }
  settle (window);
  cr_test_screenshot (dialog, "record-session");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);

  after = cr_store_list_training (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GPtrArray) list =
          cr_store_list_training (store, ticked[i], &error);

      for (guint j = 0; j < list->len; j++)
        {
          CrTrainingRecord *r = g_ptr_array_index (list, j);

          if (r->course_id == minutes && g_str_equal (r->date, "2026-11-23") &&
              r->status == CR_TRAINING_COMPLETED)
            n_minutes++;
        }
    }
  g_assert_cmpuint (n_minutes, ==, 3);

  /* Add a course, core for the panel, from the catalogue's button. */
  {
    AdwMessageDialog *form;
    CrCompletion      done;
    gint64            id;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                               "training.add-course", NULL));
    settle (window);
    form = cr_test_find_dialog ();
    g_assert_nonnull (form);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "title"),
                           "Understanding service charges");
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "provider"),
                           "Leaseholder Advice Service");
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "months"), "24");
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "cost"),
                           "£12.50");
    /* "For Tenants’ Scrutiny Panel" */
    gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (form), "core"), 1);
    settle (window);
    cr_test_screenshot (GTK_WIDGET (form), "add-course");
    adw_message_dialog_response (form, "save");
    gtk_window_destroy (GTK_WINDOW (form));
    settle (window);
    id = cr_store_find_course (store, "Understanding service charges", &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_true (
        cr_test_shows_label (GTK_WIDGET (window), "Understanding service charges"));
    /* The panel's programme has five courses now. */
    g_assert_true (cr_store_get_completion (store, person, panel, "2026-11-23",
                                            &done, &error));
    g_assert_cmpuint (done.total, ==, 5);

    /* A bad validity is refused with a message, and nothing is saved. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                               "training.add-course", NULL));
    settle (window);
    form = cr_test_find_dialog ();
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "title"),
                           "Never saved");
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "months"),
                           "two years");
    adw_message_dialog_response (form, "save");
    gtk_window_destroy (GTK_WINDOW (form));
    settle (window);
    form = cr_test_find_dialog ();
    g_assert_nonnull (form);
    g_assert_cmpstr (adw_message_dialog_get_heading (form), ==,
                     "The course was not saved");
    gtk_window_destroy (GTK_WINDOW (form));
    settle (window);
    g_assert_cmpint (cr_store_find_course (store, "Never saved", &error), ==,
                     0);
  }

  /* A person's training record. */
  record = cr_person_training_show (GTK_WIDGET (page), store, person);
  settle (window);
  g_assert_true (cr_test_shows_label (record, "Taking clear minutes"));
  g_assert_true (cr_test_shows_label (record, "What Their Roles Need"));
  g_assert_true (cr_test_shows_label (record, "Tenants’ Scrutiny Panel"));
  cr_test_screenshot (record, "person-training");
  /* A skill added from the record counts in the skills audit. */
  {
    GtkWidget        *add = cr_test_find_button (record, "_Add Skill…");
    AdwMessageDialog *form;
    g_autoptr (GPtrArray) skills = NULL;

    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    settle (window);
    form = cr_test_find_dialog ();
    g_assert_nonnull (form);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "skill"),
                           "Budgeting");
    adw_message_dialog_response (form, "add");
    gtk_window_destroy (GTK_WINDOW (form));
    settle (window);
    g_assert_true (cr_test_shows_label (record, "Budgeting"));
    skills = cr_store_list_person_skills (store, person, &error);
    g_assert_no_error (error);
    g_assert_true (g_ptr_array_find_with_equal_func (skills, "Budgeting",
                                                     g_str_equal, NULL));
  }
  gtk_window_destroy (GTK_WINDOW (record));

  /* An officer whose office asks for a course not done yet. */
  {
    g_autoptr (GPtrArray) items =
        cr_store_check (store, 0, "2026-11-23", &error);
    gint64 officer = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < items->len && officer == 0; i++)
      {
        CrAttentionItem *item = g_ptr_array_index (items, i);

        if (g_str_equal (item->rule, "training") &&
            g_str_has_prefix (item->detail, "As "))
          officer = item->subject_id;
      }
    g_assert_cmpint (officer, >, 0);
    record = cr_person_training_show (GTK_WIDGET (page), store, officer);
    settle (window);
    g_assert_true (cr_test_shows_label (record, "Still needed"));
    cr_test_screenshot (record, "person-training-officer");
    gtk_window_destroy (GTK_WINDOW (record));
  }

  /* Reachable from the person editor. */
  {
    g_autoptr (CrPerson) p = cr_store_get_person (store, person, NULL, &error);
    CrPersonEditor *editor = cr_person_editor_new (store, p);
    GtkWindow      *shown = NULL;
    GListModel     *toplevels = gtk_window_get_toplevels ();

    gtk_window_present (GTK_WINDOW (editor));
    settle (window);
    g_assert_true (
        cr_test_shows_label (GTK_WIDGET (editor), "Training record"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor),
                                               "editor.training", NULL));
    settle (window);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_window_get_title (w), "Training Record") == 0)
          shown = w;
      }
    g_assert_nonnull (shown);
    gtk_window_destroy (shown);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

static gboolean
count_row (const CrTrainingRow *row, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* Members of @group today, as the page should count them. */
static guint
members_of (CrStore *store, gint64 group)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (cr_store_foreach_training_row (store, group, "2026-11-23",
                                                count_row, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* The page reads in a worker: a spinner while it does, the lists after;
 * and a group chosen while a read is under way is the group shown. */
static void
test_worker_read (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "worker.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  CrTrainingPage *page;
  CrWindow       *window;
  CrStore        *store;
  GtkStack       *stack;
  gint64          panel, other = 0;
  g_autofree char *other_name = NULL;
  g_autofree char *other_line = NULL;

  cr_test_make_demo (path, 400);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  store = cr_window_get_store (window);
  g_assert_nonnull (store);

  /* Shown: reading, with the spinner in front and no lists yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "training"));
  page = CR_TRAINING_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TRAINING_PAGE));
  g_assert_nonnull (page);
  stack = GTK_STACK (cr_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK));
  g_assert_true (cr_training_page_get_loading (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_cmpuint (cr_training_page_get_n_people (page), ==, 0);

  /* Read: the lists, for the whole association. */
  settle (window);
  g_assert_false (cr_training_page_get_loading (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  g_assert_cmpuint (cr_training_page_get_n_people (page), ==,
                    members_of (store, cr_store_get_association_group (store)));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Course Catalogue"));

  /* The panel chosen, then another group before the panel's read is done:
   * the other group's lists are the ones that land. */
  panel = cr_store_find_group (store, "Tenants’ Scrutiny Panel", &error);
  g_assert_no_error (error);
  groups = cr_store_list_groups (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < groups->len && other == 0; i++)
    {
      CrGroup *g = g_ptr_array_index (groups, i);

      if (cr_group_get_id (g) != panel &&
          cr_group_get_id (g) != cr_store_get_association_group (store) &&
          members_of (store, cr_group_get_id (g)) > 0 &&
          members_of (store, cr_group_get_id (g)) != members_of (store, panel))
        {
          other = cr_group_get_id (g);
          other_name = g_strdup (cr_group_get_name (g));
        }
    }
  g_assert_cmpint (other, >, 0);
  cr_window_set_group_id (window, panel);
  g_assert_true (cr_training_page_get_loading (page));
  cr_window_set_group_id (window, other);
  g_assert_true (cr_training_page_get_loading (page));
  settle (window);
  g_assert_false (cr_training_page_get_loading (page));
  g_assert_cmpint (cr_training_page_get_group_id (page), ==, other);
  g_assert_cmpuint (cr_training_page_get_n_people (page), ==,
                    members_of (store, other));
  other_line = g_strdup_printf ("%s, on 23/11/2026", other_name);
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), other_line));
  g_assert_false (cr_test_shows_text (GTK_WIDGET (window),
                                      "Tenants’ Scrutiny Panel, on 23/11/2026"));

  /* Closing the window while a read is under way drops its result. */
  cr_window_set_group_id (window, panel);
  g_assert_true (cr_training_page_get_loading (page));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
  /* Let the worker finish and hand back to nobody. */
  g_usleep (500000);
  cr_test_settle_full (NULL, NULL, 4);
}

/* The section of @widget's tree titled @title, or NULL. */
static GtkWidget *
find_section (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (
                     ADW_PREFERENCES_GROUP (widget)),
                 title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_section (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget in @widget's tree whose tooltip is @tip, or NULL. */
static GtkWidget *
find_tooltip (GtkWidget *widget, const char *tip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_window (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (w), title) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* A check item of the "training" rule about @subject that mentions
 * @part, or NULL. */
static CrAttentionItem *
training_item (GPtrArray *items, gint64 subject, const char *part)
{
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->rule, "training") && item->subject_id == subject &&
          strstr (item->detail, part) != NULL)
        return item;
    }
  return NULL;
}

/* Required Courses…: a course required of every treasurer through the
 * window is in the store, and the check names the treasurer who hasn't
 * done it; removed again, the item goes. */
static void
test_required_courses (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "required.commonroom", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) required = NULL;
  const char     *title = "Handling the association’s money";
  CrTrainingPage *page;
  CrWindow       *window;
  CrStore        *store;
  GtkWindow      *dialog;
  GtkWidget      *section, *add, *remove;
  GtkDropDown    *course;
  GListModel     *choices;
  gint64          course_id, treasurer = 0, requirement = 0;

  cr_test_make_demo (path, 300);
  window = cr_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  store = cr_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "training"));
  settle (window);
  page = CR_TRAINING_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TRAINING_PAGE));

  /* A course nobody has done yet, and whoever is a treasurer today. */
  course_id = cr_store_add_course (store, title, "Community Accounts Project",
                                   0, 0, &error);
  g_assert_no_error (error);
  {
    /* The demo's treasurers: anyone holding the office today. */
    for (gint64 id = 1; id < 400 && treasurer == 0; id++)
      {
        g_autoptr (GPtrArray) offices = cr_store_list_offices (store, id, NULL);

        for (guint i = 0; offices != NULL && i < offices->len; i++)
          {
            CrOffice *o = g_ptr_array_index (offices, i);

            if (g_ascii_strcasecmp (o->role, "Treasurer") == 0 &&
                o->end_date == NULL)
              treasurer = id;
          }
      }
  }
  g_assert_cmpint (treasurer, >, 0);
  items = cr_store_check (store, 0, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_null (training_item (items, treasurer, title));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The button's action opens the window, one section a role. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             "training.required-courses", NULL));
  settle (window);
  dialog = find_window ("Required Courses");
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_section (GTK_WIDGET (dialog), "Chair"));
  g_assert_nonnull (find_section (GTK_WIDGET (dialog), "Secretary"));
  g_assert_nonnull (find_section (GTK_WIDGET (dialog), "Voting member"));
  section = find_section (GTK_WIDGET (dialog), "Treasurer");
  g_assert_nonnull (section);
  add = cr_test_find_button (section, "_Add");
  g_assert_nonnull (add);
  course = g_object_get_data (G_OBJECT (add), "course");
  choices = gtk_drop_down_get_model (course);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                     title))
      gtk_drop_down_set_selected (course, i);
  g_assert_cmpstr (gtk_string_list_get_string (
                       GTK_STRING_LIST (choices),
                       gtk_drop_down_get_selected (course)),
                   ==, title);
  /* In every group: the scope's first choice. */
  g_assert_cmpuint (gtk_drop_down_get_selected (
                        g_object_get_data (G_OBJECT (add), "scope")),
                    ==, 0);
  g_signal_emit_by_name (add, "clicked");
  settle (window);
  g_assert_null (cr_test_find_dialog ());

  /* In the store, as `training require` would put it. */
  required = cr_store_list_requirements (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < required->len; i++)
    {
      CrCourseRequirement *q = g_ptr_array_index (required, i);

      if (q->course_id == course_id)
        {
          g_assert_cmpint (q->role_kind, ==, CR_ROLE_OFFICE);
          g_assert_cmpstr (q->role, ==, "Treasurer");
          g_assert_cmpint (q->group_id, ==, 0);
          requirement = q->id;
        }
    }
  g_assert_cmpint (requirement, >, 0);
  /* The check names the treasurer, who hasn't done it. */
  items = cr_store_check (store, 0, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_nonnull (training_item (items, treasurer, title));
  g_assert_nonnull (strstr (training_item (items, treasurer, title)->detail,
                            "As Treasurer of"));
  g_clear_pointer (&items, g_ptr_array_unref);
  /* The dialog lists it under Treasurer; the catalogue says who needs it. */
  section = find_section (GTK_WIDGET (dialog), "Treasurer");
  g_assert_true (cr_test_shows_label (section, title));
  g_assert_true (cr_test_shows_text (GTK_WIDGET (window), "needed by Treasurer"));
  cr_test_screenshot (GTK_WIDGET (dialog), "required-courses");

  /* Added twice: refused in words, nothing changed. */
  add = cr_test_find_button (section, "_Add");
  course = g_object_get_data (G_OBJECT (add), "course");
  choices = gtk_drop_down_get_model (course);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                     title))
      gtk_drop_down_set_selected (course, i);
  g_signal_emit_by_name (add, "clicked");
  settle (window);
  {
    AdwMessageDialog *problem = cr_test_find_dialog ();

    g_assert_nonnull (problem);
    g_assert_cmpstr (adw_message_dialog_get_heading (problem), ==, "Not Added");
    gtk_window_destroy (GTK_WINDOW (problem));
    settle (window);
  }

  /* Removed: gone from the store and from the check. */
  section = find_section (GTK_WIDGET (dialog), "Treasurer");
  {
    g_autofree char *tip =
        g_strdup_printf ("Remove “%s” for Treasurer", title);

    /* Found by its tooltip, as a user reads it. */
    remove = find_tooltip (section, tip);
  }
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  settle (window);
  g_clear_pointer (&required, g_ptr_array_unref);
  required = cr_store_list_requirements (store, &error);
  for (guint i = 0; i < required->len; i++)
    g_assert_cmpint (((CrCourseRequirement *) g_ptr_array_index (required, i))->id,
                     !=, requirement);
  items = cr_store_check (store, 0, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_null (training_item (items, treasurer, title));
  g_assert_false (cr_test_shows_label (find_section (GTK_WIDGET (dialog),
                                                     "Treasurer"),
                                       title));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

int
main (int argc, char *argv[])
{
  int ret;

  tmpdir = cr_test_gtk_init (&argc, &argv, "cr-test-training-page-XXXXXX",
                             "2026-11-23");

  g_test_add_func ("/training-page/page", test_training_page);
  g_test_add_func ("/training-page/worker-read", test_worker_read);
  g_test_add_func ("/training-page/required-courses", test_required_courses);

  ret = g_test_run ();
  /* Leave no association files behind. */
  cr_test_remove_tree (tmpdir);
  return ret;
}
