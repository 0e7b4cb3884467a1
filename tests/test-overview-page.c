/* test-overview-page.c: the Overview, the group switcher and the Terms of
 * Reference page, on the demo association, under Xvfb
 *
 * With CR_SCREENSHOT_DIR set, saves overview.png, overview-group.png,
 * terms.png and terms-draft.png there, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attention-page.h"
#include "cr-demo.h"
#include "cr-overview-page.h"
#include "cr-person-editor.h"
#include "cr-store-groups.h"
#include "cr-store-overview.h"
#include "cr-store-rules.h"
#include "cr-terms-page.h"
#include "cr-meetings-page.h"
#include "cr-window.h"

#include "cr-test-gtk.h"
#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;

static gboolean
overview_checking (gpointer overview)
{
  return cr_overview_page_is_checking (overview);
}

static void
settle (CrWindow *window)
{
  g_assert_true (cr_test_settle_full (cr_test_window_busy, window, 6));
  /* The Overview checks the rules in a thread. */
  if (window != NULL)
    {
      CrOverviewPage *overview = CR_OVERVIEW_PAGE (
          cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_OVERVIEW_PAGE));

      g_assert_true (cr_test_settle_full (overview_checking, overview, 0));
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (win) || GTK_IS_DIALOG (win) ||
          (GTK_IS_WINDOW (win) && !CR_IS_WINDOW (win)))
        gtk_window_destroy (GTK_WINDOW (win));
    }
  settle (NULL);
}

static char *
make_demo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo.commonroom", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  cr_test_make_demo (path, 120);
  return g_steal_pointer (&path);
}

static CrWindow *
open_window (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrWindow *window = cr_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  cr_window_open_file (window, file);
  settle (window);
  return window;
}

static CrOverviewPage *
overview_of (CrWindow *window)
{
  return CR_OVERVIEW_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_OVERVIEW_PAGE));
}

static CrTermsPage *
terms_of (CrWindow *window)
{
  return CR_TERMS_PAGE (
      cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_TERMS_PAGE));
}

/* The Overview is the first page, shows the engine's items (as many as
 * `check` finds) and the next meeting, and each item opens its record. */
static void
test_overview_demo (void)
{
  g_autofree char *path = make_demo ();
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrNextMeeting) next = NULL;
  CrWindow       *window = open_window (path);
  CrOverviewPage *overview = overview_of (window);
  CrStore        *store = cr_window_get_store (window);
  gboolean        shown_person = FALSE;

  g_assert_nonnull (store);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Needs Attention"));
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Next Meeting"));

  items = cr_store_check (store, 0, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  g_assert_cmpuint (cr_overview_page_get_n_attention (overview), ==,
                    items->len);

  next = cr_store_get_next_meeting (store, 0, "2026-11-23", &error);
  g_assert_no_error (error);
  if (next != NULL)
    g_assert_cmpint (cr_overview_page_get_next_meeting_id (overview), ==,
                     next->id);
  cr_test_screenshot (GTK_WIDGET (window), "overview");

  /* An item opens the page of what it is about. */
  g_assert_true (cr_overview_page_activate_attention (overview, 0));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), !=, "overview");
  close_dialogs ();

  /* "See All" and the accelerator both lead back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "overview"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");

  /* Showing a meeting selects it on the Meetings page. */
  if (next != NULL)
    {
      cr_window_show_meeting (window, next->id);
      settle (window);
      g_assert_cmpstr (cr_window_get_visible_page (window), ==, "meetings");
      g_assert_cmpint (cr_meetings_page_get_meeting_id (
                           cr_window_get_meetings_page (window)),
                       ==, next->id);
    }
  /* Showing a person opens their record on the Members page. */
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);
      GListModel      *toplevels = gtk_window_get_toplevels ();
      gboolean         editor = FALSE;

      if (item->subject_kind != CR_ATTENTION_PERSON)
        continue;
      cr_window_show_person (window, item->subject_id);
      settle (window);
      g_assert_cmpstr (cr_window_get_visible_page (window), ==, "members");
      for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
        {
          g_autoptr (GObject) win = g_list_model_get_item (toplevels, j);

          editor |= CR_IS_PERSON_EDITOR (win);
        }
      g_assert_true (editor);
      close_dialogs ();
      shown_person = TRUE;
      break;
    }
  g_assert_true (shown_person);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* Choosing one group narrows the Overview and Needs Attention to it. */
static void
test_overview_group (void)
{
  g_autofree char *path = make_demo ();
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  CrWindow       *window = open_window (path);
  CrOverviewPage *overview = overview_of (window);
  CrStore        *store = cr_window_get_store (window);
  gint64          chosen = 0;
  guint           all = cr_overview_page_get_n_attention (overview);

  groups = cr_store_list_group_infos (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >, 1);
  /* The group with the fewest items, but some. */
  for (guint i = 0; i < groups->len && chosen == 0; i++)
    {
      CrGroupInfo *g = g_ptr_array_index (groups, i);
      g_autoptr (GPtrArray) items =
          cr_store_check (store, g->id, "2026-11-23", &error);

      g_assert_no_error (error);
      if (items->len > 0 && items->len < all)
        {
          chosen = g->id;
          cr_window_set_group_id (window, chosen);
          settle (window);
          g_assert_cmpint (cr_overview_page_get_group_id (overview), ==,
                           chosen);
          g_assert_cmpuint (cr_overview_page_get_n_attention (overview), ==,
                            items->len);
          /* Needs Attention follows the switcher too. */
          g_assert_true (gtk_widget_activate_action (
              GTK_WIDGET (window), "win.show-page", "s", "attention"));
          settle (window);
          g_assert_cmpuint (
              cr_attention_page_get_n_items (CR_ATTENTION_PAGE (
                  cr_test_find_widget (GTK_WIDGET (window), CR_TYPE_ATTENTION_PAGE))),
              ==, items->len);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                      "overview");
          settle (window);
        }
    }
  g_assert_cmpint (chosen, !=, 0);
  cr_test_screenshot (GTK_WIDGET (window), "overview-group");

  cr_window_set_group_id (window, 0);
  settle (window);
  g_assert_cmpuint (cr_overview_page_get_n_attention (overview), ==, all);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* A new file's Overview says what to do first. */
static void
test_overview_empty (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "new.commonroom", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store =
      cr_store_create (path, "Birch House Residents", &error);
  CrWindow *window;

  g_assert_no_error (error);
  cr_store_close (store);
  window = open_window (path);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "overview");
  g_assert_true (cr_test_shows_label (GTK_WIDGET (window), "Nothing Here Yet"));

  /* And the Terms of Reference page offers to start a draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "terms"));
  settle (window);
  g_assert_true (
      cr_test_shows_label (GTK_WIDGET (window), "No Terms of Reference Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* The terms editor: Edit makes a draft, a bad rule is refused as typed, a
 * good one saved to the draft only, until adopted. */
static void
test_terms_editor (void)
{
  g_autofree char *path = make_demo ();
  g_autofree char *copy = g_build_filename (tmpdir, "terms.commonroom", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *problem = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrRules) in_force = NULL;
  gsize        len;
  CrWindow    *window;
  CrTermsPage *terms;
  CrStore     *store;
  gint64       group;
  gint64       adopted;

  /* A copy, so that the other tests see the demo as made. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  window = open_window (copy);
  terms = terms_of (window);
  store = cr_window_get_store (window);
  group = cr_store_get_association_group (store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.show-page", "s", "terms"));
  settle (window);
  g_assert_cmpstr (cr_window_get_visible_page (window), ==, "terms");
  adopted = cr_terms_page_get_version_id (terms);
  cr_test_screenshot (GTK_WIDGET (window), "terms");

  if (!cr_terms_page_is_editable (terms))
    {
      g_assert_true (cr_terms_page_edit (terms));
      settle (window);
    }
  g_assert_true (cr_terms_page_is_editable (terms));
  g_assert_cmpint (cr_terms_page_get_version_id (terms), !=, adopted);

  g_assert_false (
      cr_terms_page_set_rule_text (terms, "max-members", "eight", &problem));
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "whole number"));
  g_assert_true (
      cr_terms_page_set_rule_text (terms, "max-members", "14", NULL));
  g_assert_true (cr_terms_page_set_rule_text (terms, "quorum",
                                              "tiers(100:5,400:8,12)", NULL));
  settle (window);
  cr_test_screenshot (GTK_WIDGET (window), "terms-draft");

  /* A section added through its dialog is saved to the draft at once. */
  {
    g_autoptr (GPtrArray) before = cr_store_get_terms_sections (
        store, cr_terms_page_get_version_id (terms), &error);
    g_autoptr (GPtrArray) after = NULL;
    AdwMessageDialog *dialog;
    GtkTextView      *view;

    g_assert_no_error (error);
    g_signal_emit_by_name (
        cr_test_find_button (GTK_WIDGET (terms), "Add _Section…"),
                           "clicked");
    settle (window);
    dialog = cr_test_find_dialog ();
    g_assert_nonnull (dialog);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "heading"),
                           "Equal opportunities");
    view = g_object_get_data (G_OBJECT (dialog), "text");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                              "Everyone is welcome.", -1);
    adw_message_dialog_response (dialog, "save");
    settle (window);
    after = cr_store_get_terms_sections (
        store, cr_terms_page_get_version_id (terms), &error);
    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_assert_cmpstr (((CrTermsSection *) after->pdata[after->len - 1])->heading,
                     ==, "Equal opportunities");
    g_assert_cmpstr (((CrTermsSection *) after->pdata[after->len - 1])->text,
                     ==, "Everyone is welcome.");
    close_dialogs ();
  }

  /* Saved to the draft; what is checked today has not changed. */
  in_force = cr_store_get_rules (store, group, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cr_rules_get_value (in_force, CR_RULE_MAX_MEMBERS), !=, 14);
  {
    g_autoptr (CrRules) draft = cr_store_get_version_rules (
        store, cr_terms_page_get_version_id (terms), &error);
    g_autofree char *quorum = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (cr_rules_get_value (draft, CR_RULE_MAX_MEMBERS), ==, 14);
    quorum = cr_rules_get_string (draft, "quorum");
    g_assert_cmpstr (quorum, ==, "tiers(100:5,400:8,12)");
  }

  /* Adopted, it is in force. */
  g_assert_true (cr_store_adopt_terms (store, group, "2026-11-23", 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&in_force, cr_rules_free);
  in_force = cr_store_get_rules (store, group, "2026-11-23", &error);
  g_assert_cmpuint (cr_rules_get_value (in_force, CR_RULE_MAX_MEMBERS), ==, 14);
  cr_terms_page_reload (terms);
  settle (window);
  g_assert_false (cr_terms_page_is_editable (terms));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

/* New Group… in the window: a template's terms, the switcher shows the
 * new group; a name already taken is explained and the form comes back
 * as typed. Edit Group… changes it. */
static void
test_group_dialog (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "groups.commonroom", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) created =
      cr_store_create (path, "Birch House Residents", &error);
  g_autoptr (CrGroupInfo) info = NULL;
  g_autoptr (CrRules) rules = NULL;
  AdwMessageDialog *dialog;
  CrWindow         *window;
  CrStore          *store;
  gint64            id;

  g_assert_no_error (error);
  cr_store_close (created);
  window = open_window (path);
  store = cr_window_get_store (window);
  g_assert_cmpint (cr_window_get_group_id (window), ==, 0);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-group", NULL));
  settle (window);
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "name"),
                         "Repairs Scrutiny Panel");
  /* Kinds: committee, sub-group, working group, panel, focus group. */
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (dialog), "kind"), 3);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "purpose"),
                         "Review the repairs service");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "end-date"),
                         "31/03/2027");
  /* Templates: blank, focus group, scrutiny panel, TRA committee. */
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (dialog), "template"),
                              2);
  settle (window);
  cr_test_screenshot (GTK_WIDGET (dialog), "group-dialog");
  adw_message_dialog_response (dialog, "save");
  settle (window);

  id = cr_store_find_group (store, "Repairs Scrutiny Panel", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cr_window_get_group_id (window), ==, id);
  info = cr_store_get_group_info (store, id, &error);
  g_assert_cmpstr (info->kind, ==, "panel");
  g_assert_cmpstr (info->end_date, ==, "2027-03-31");
  g_assert_cmpstr (info->purpose, ==, "Review the repairs service");
  rules = cr_store_get_rules (store, id, "2026-11-23", &error);
  g_assert_cmpuint (
      cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT), ==, 80);
  /* The Terms of Reference page follows the switcher. */
  g_assert_cmpint (cr_terms_page_get_group_id (terms_of (window)), ==, id);
  g_assert_cmpint (cr_terms_page_get_version_id (terms_of (window)), >, 0);

  /* The same name again: refused, said why, the form back as typed. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-group", NULL));
  settle (window);
  dialog = cr_test_find_dialog ();
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "name"),
                         "repairs scrutiny panel");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (window);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean    problem = FALSE, form = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) win = g_list_model_get_item (toplevels, i);
        const char *name;

        if (!ADW_IS_MESSAGE_DIALOG (win))
          continue;
        if (g_strstr_len (
                adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (win)), -1,
                "already a group") != NULL)
          problem = TRUE;
        name = g_object_get_data (win, "name")
                   ? gtk_editable_get_text (g_object_get_data (win, "name"))
                   : NULL;
        if (g_strcmp0 (name, "repairs scrutiny panel") == 0)
          form = TRUE;
      }
    g_assert_true (problem);
    g_assert_true (form);
  }
  close_dialogs ();

  /* Edit Group…: renamed. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-group", NULL));
  settle (window);
  dialog = cr_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (
      gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "name")), ==,
      "Repairs Scrutiny Panel");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "name"),
                         "Repairs and Voids Panel");
  adw_message_dialog_response (dialog, "save");
  settle (window);
  g_clear_pointer (&info, cr_group_info_free);
  info = cr_store_get_group_info (store, id, &error);
  g_assert_cmpstr (info->name, ==, "Repairs and Voids Panel");
  g_assert_cmpint (cr_window_get_group_id (window), ==, id);

  /* "All groups" again: the association can't be edited here. */
  cr_window_set_group_id (window, 0);
  close_dialogs ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-group", NULL);
  settle (window);
  g_assert_null (cr_test_find_dialog ());
  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (window));
  settle (NULL);
}

int
main (int argc, char *argv[])
{
  int              ret;

  tmpdir =
      cr_test_gtk_init (&argc, &argv, "cr-test-overview-XXXXXX", "2026-11-23");

  g_test_add_func ("/overview/demo", test_overview_demo);
  g_test_add_func ("/overview/group", test_overview_group);
  g_test_add_func ("/overview/empty", test_overview_empty);
  g_test_add_func ("/overview/terms-editor", test_terms_editor);
  g_test_add_func ("/overview/group-dialog", test_group_dialog);

  ret = g_test_run ();

  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
